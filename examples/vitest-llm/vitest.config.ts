import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Interception before any test file is imported, so that clients made at import time are intercepted.
    setupFiles: ["@tapedeck/vitest/setup"],
    // Replay unless told otherwise: `pnpm record` (TAPEDECK_MODE=record) records afresh against the local upstream.
    env: { TAPEDECK_MODE: process.env.TAPEDECK_MODE ?? "replay" },
  },
});
