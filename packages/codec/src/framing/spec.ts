import type { CoreHooks, MergeCore } from "../core.js";
import type { DialectEvent, DialectName, Framing } from "../dialect.js";
import type { NormalizedMessage } from "../normalized.js";
import type { Fragmenter } from "../shared/fragment.js";

/** What a dialect folder supplies; `defineDialect` builds the public {@link Dialect} from it. */
export interface DialectSpec<Merged, SplitExtra extends object = object> {
  name: DialectName;
  framing: Framing;
  /** Line ending of canonical SSE splits (Gemini uses CRLF). */
  lineEnding: "\n" | "\r\n";
  /** The `data:` that ends a stream (chat's `[DONE]`), if the dialect has one. */
  terminator?: string;
  /**
   * How an AWS event-stream message holds an event: `base64-bytes` (Bedrock's
   * InvokeModelWithResponseStream: `{"bytes": base64 of the event, "p": padding}`)
   * or `json` (ConverseStream: the event itself, its type in `:event-type`).
   */
  awsPayload: "base64-bytes" | "json";
  createCore(hooks: CoreHooks): MergeCore<Merged>;
  splitEvents(merged: Merged, fragment: Fragmenter, extra: SplitExtra): DialectEvent[];
  normalize(merged: Merged, choice: number): NormalizedMessage;
}
