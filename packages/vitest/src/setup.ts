/**
 * Installs tapedeck's interception before any test file is imported, so that
 * a client created at import time is intercepted too. Add it to vitest's
 * `setupFiles`:
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * import { defineConfig } from "vitest/config";
 * export default defineConfig({ test: { setupFiles: ["@tapedeck/vitest/setup"] } });
 * ```
 */
import { installInterception } from "@tapedeck/vcr";

installInterception();
