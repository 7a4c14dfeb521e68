export { type CollectedSamples, collectSamples, type DialectSamples } from "./collect-samples.js";
export { type CodegenSummary, checkTypes, type GeneratedTypes, type GenerateTypesOptions, generateTypes, writeTypes } from "./generate-types.js";
