export { type CassetteOptions, type CassetteSession, startCassette } from "./cassette-session.js";
export { cassettePathFor, type CassettePathParts } from "./cassette-path.js";
export { VcrError, type VcrErrorCode } from "./errors.js";
export { resolveMode, type VcrMode, vcrModes } from "./mode.js";
export { installInterception } from "./interception.js";
