import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Type-level contracts (*.test-d.ts) are checked by tsc as part of the test run.
    typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
