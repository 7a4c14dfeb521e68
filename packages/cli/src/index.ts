export { type InteractionSummary, summarizeInteraction } from "./commands/inspect.js";
export type { CommandIo } from "./io.js";
export { main } from "./main.js";
