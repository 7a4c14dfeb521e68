import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The web viewer: plain TypeScript and DOM, no framework. Fixtures are bundled as text.
export default defineConfig({
  root: fileURLToPath(new URL("./src/web/", import.meta.url)),
  base: "./",
  build: { outDir: fileURLToPath(new URL("./dist-web/", import.meta.url)), emptyOutDir: true },
  server: { fs: { allow: [fileURLToPath(new URL("../../", import.meta.url))] } },
});
