export { type CassetteSamples, collectSamples } from "./collect-samples.js";
export {
  type ChunkTypesOptions,
  type ChunkTypesOutput,
  checkChunkTypes,
  generateChunkTypes,
  generatedFileNames,
  renderChunkTypes,
} from "./generate-chunk-types.js";
