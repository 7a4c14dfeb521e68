export type { CommandIo } from "./io.js";
export { main, version } from "./main.js";
