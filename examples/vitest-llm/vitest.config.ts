import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Replay unless told otherwise: `pnpm record` (TAPEDECK_MODE=record) records afresh against the local upstream.
    env: { TAPEDECK_MODE: process.env.TAPEDECK_MODE ?? "replay" },
  },
});
