export { cassettePathFor, type CassettePathParts } from "./cassette-path.js";
export { VcrError, type VcrErrorCode } from "./errors.js";
export { installInterception, interceptionInstalled } from "./interception/install.js";
export { isCi, resolveMode, type VcrMode, vcrModes } from "./mode.js";
export type { CassetteOptions } from "./options.js";
export { runInScope } from "./scope.js";
export { type CassetteSession, type StopOptions, type StopReport, startCassette, withCassette } from "./session/cassette-session.js";
