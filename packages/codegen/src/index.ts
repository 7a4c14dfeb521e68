export { type CodegenSummary, checkTypes, type GeneratedTypes, type GenerateTypesOptions, generateTypes, writeTypes } from "./generate-types.js";
