import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { cassettesDirectory, syntheticDirectory } from "@tapedeck/fixtures";
import { defineConfig, type Plugin } from "vite";

/** The fixture folders the viewer offers, by group. */
const groups: Record<string, string> = { recordings: cassettesDirectory, synthetic: syntheticDirectory };

/**
 * Serves the fixture cassettes at `fixtures/<group>/<name>` (a list at
 * `fixtures/index.json`) in `vite` and `vite preview`. They are read when asked
 * for, never bundled, so editing a cassette changes no build output.
 */
function fixtures(): Plugin {
  const list = () =>
    Object.entries(groups).flatMap(([group, directory]) =>
      readdirSync(directory)
        .filter((file) => file.endsWith(".yaml"))
        .sort()
        .map((name) => ({ group, name })),
    );
  const handler = (url: string | undefined, send: (status: number, type: string, body: string | Buffer) => void): boolean => {
    const match = /^\/fixtures\/([^?#]*)/.exec(url ?? "");
    if (match === null) return false;
    const path = decodeURIComponent(match[1]!);
    if (path === "index.json") {
      send(200, "application/json", JSON.stringify(list()));
      return true;
    }
    const found = list().find(({ group, name }) => `${group}/${name}` === path);
    if (found === undefined) send(404, "text/plain", `no fixture named ${path}`);
    else send(200, "text/yaml; charset=utf-8", readFileSync(join(groups[found.group]!, found.name)));
    return true;
  };
  // Returns nothing: a function returned from these hooks would run as a late middleware.
  const middleware = (server: { middlewares: { use(fn: (req: { url?: string }, res: import("node:http").ServerResponse, next: () => void) => void): unknown } }): void => {
    server.middlewares.use((request, response, next) => {
      const handled = handler(request.url, (status, type, body) => {
        response.writeHead(status, { "content-type": type });
        response.end(body);
      });
      if (!handled) next();
    });
  };
  return { name: "tapedeck-fixtures", configureServer: middleware, configurePreviewServer: middleware };
}

// The web viewer: plain TypeScript and DOM, no framework.
export default defineConfig({
  root: fileURLToPath(new URL("./src/web/", import.meta.url)),
  base: "./",
  plugins: [fixtures()],
  build: { outDir: fileURLToPath(new URL("./dist-web/", import.meta.url)), emptyOutDir: true },
  server: { fs: { allow: [fileURLToPath(new URL("../../", import.meta.url))] } },
});
