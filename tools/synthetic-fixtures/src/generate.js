// Writes fixtures/synthetic/: one go-vcr cassette per host of each new dialect, in Go's layouts.
// Run `pnpm --filter @tapedeck/synthetic-fixtures generate` after changing this package.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cassetteLayouts, serializeCassette } from "@tapedeck/cassette";
import { anthropicInteractions } from "./anthropic.js";
import { cohereInteractions } from "./cohere.js";
import { completionsInteractions } from "./completions.js";
import { converseInteractions } from "./converse.js";
import { geminiInteractions } from "./gemini.js";
import { ollamaInteractions } from "./ollama.js";
import { responsesInteractions } from "./responses.js";

export const syntheticDirectory = fileURLToPath(new URL("../../../fixtures/synthetic/", import.meta.url));

/** Every synthetic cassette: its file name (without `.yaml`) and text. */
export function syntheticCassettes() {
  const recordings = [
    [anthropicInteractions("direct", 101), cassetteLayouts.C],
    [anthropicInteractions("vertex", 202), cassetteLayouts.A],
    [anthropicInteractions("bedrock", 303), cassetteLayouts.B],
    [responsesInteractions(false, 404), cassetteLayouts.C],
    [responsesInteractions(true, 505), cassetteLayouts.D],
    [geminiInteractions(false, 606), cassetteLayouts.goccy],
    [geminiInteractions(true, 707), cassetteLayouts.C],
    [converseInteractions(808), cassetteLayouts.C],
    [geminiInteractions(false, 606, true), cassetteLayouts.B],
    [completionsInteractions(1010), cassetteLayouts.C],
    [ollamaInteractions(1111), cassetteLayouts.goccy],
    [cohereInteractions(1212), cassetteLayouts.A],
  ];
  return recordings.map(([{ file, interactions }, layout]) => {
    for (const interaction of interactions) {
      // go-vcr writes a body that is not valid UTF-8 as !!binary, and one that is as text.
      const body = interaction.response.body;
      if (body instanceof Uint8Array && isUtf8(body)) interaction.response.body = new TextDecoder().decode(body);
    }
    const cassette = { version: 2, layout, interactions: interactions.map((interaction, id) => ({ id, ...interaction })) };
    return { name: file, text: serializeCassette(cassette) };
  });
}

function isUtf8(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(syntheticDirectory, { recursive: true });
  for (const { name, text } of syntheticCassettes()) writeFileSync(`${syntheticDirectory}${name}.yaml`, text);
  console.log(`wrote ${syntheticCassettes().length} synthetic cassettes to fixtures/synthetic/`);
}
