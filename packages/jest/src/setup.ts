/**
 * Installs tapedeck's interception before the test file is imported, so that
 * a client created at import time is intercepted too. Add it to Jest's
 * `setupFiles`:
 *
 * @example
 * ```js
 * // jest.config.js
 * export default { setupFiles: ["@tapedeck/jest/setup"] };
 * ```
 */
import { installInterception } from "@tapedeck/vcr";

installInterception();
