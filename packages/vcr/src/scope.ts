import { AsyncLocalStorage } from "node:async_hooks";

/** What a cassette in use does with one intercepted request: answer it, or fail it. */
export interface RequestHandler {
  /** The cassette file, for messages. */
  readonly path: string;
  /** Answers the request (from the cassette, the network or a recording), or rejects it. */
  handle(request: Request): Promise<Response>;
  /** A request that reached the network past the interception while this cassette was in use. */
  reportBypass(method: string, url: string): void;
}

/**
 * The cassettes in use for one test (or one `withCassette` call), innermost
 * last: a cassette started inside another one's test takes over until it
 * stops. Each test of a concurrent suite runs in a scope of its own, found
 * through AsyncLocalStorage, so its requests go to its own cassette.
 */
interface Scope {
  handlers: RequestHandler[];
}

const scopes = new AsyncLocalStorage<Scope>();
/** The scope of code that runs outside any test's scope: one cassette at a time, plain `startCassette`. */
const processScope: Scope = { handlers: [] };

/**
 * Runs `fn` in a scope of its own: cassettes started inside it answer only
 * the requests made inside it, however many other scopes run at the same time.
 */
export function runInScope<T>(fn: () => T): T {
  return scopes.run({ handlers: [] }, fn);
}

/** Makes `handler` the cassette in use for the current scope until the returned function is called. */
export function enter(handler: RequestHandler): () => void {
  const scope = scopes.getStore() ?? processScope;
  scope.handlers.push(handler);
  return () => {
    const at = scope.handlers.lastIndexOf(handler);
    if (at >= 0) scope.handlers.splice(at, 1);
  };
}

/**
 * The cassette in use where the current code runs: the innermost of its
 * scope, else of the process scope. `undefined` when none is.
 */
export function currentHandler(): RequestHandler | undefined {
  return scopes.getStore()?.handlers.at(-1) ?? processScope.handlers.at(-1);
}

/** A token for the current scope's cassette, to find it again from code that runs elsewhere (the HTTP/2 server side). */
const tokens = new Map<string, RequestHandler>();
let nextToken = 0;

/** Registers the current cassette under a token that {@link handlerOfToken} takes back once. */
export function tokenForCurrentHandler(): string | undefined {
  const handler = currentHandler();
  if (handler === undefined) return undefined;
  nextToken += 1;
  const token = String(nextToken);
  tokens.set(token, handler);
  return token;
}

/** The cassette a token was made for, forgetting the token. */
export function handlerOfToken(token: string | undefined): RequestHandler | undefined {
  if (token === undefined) return undefined;
  const handler = tokens.get(token);
  tokens.delete(token);
  return handler;
}
