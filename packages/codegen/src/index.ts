export { CodegenError, type CodegenErrorCode } from "./errors.js";
export { type CodegenSummary, checkTypes, type GeneratedTypes, type GenerateTypesOptions, generateTypes, type WriteTypesOptions, writeTypes } from "./generate-types.js";
