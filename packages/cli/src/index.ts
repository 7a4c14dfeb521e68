export type { CommandIo } from "./io.js";
export { main, version } from "./main.js";
export { createStyle, renderTable, type Style, type TableOptions, wrapText } from "./table.js";
