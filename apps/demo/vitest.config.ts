import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run from the app's folder (vite.config.ts roots Vite in src/web for the viewer).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: { include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 },
});
