import { InputData, jsonInputForTargetLanguage, quicktype } from "quicktype-core";

/** Top-level type name → JSON samples. */
export type SampleSets = ReadonlyArray<{ name: string; samples: readonly string[] }>;

/**
 * Runs quicktype with the settings that keep types honest: no enums from
 * repeated values (ids, model names), no dates, UUIDs or numbers read out of
 * strings, no maps guessed from keys; properties alphabetized; a property
 * missing from some samples is optional; `null` stays `null` in unions.
 */
export async function runQuicktype(language: "typescript" | "typescript-zod", sets: SampleSets): Promise<string> {
  const input = jsonInputForTargetLanguage(language);
  for (const { name, samples } of sets) {
    if (samples.length > 0) await input.addSource({ name, samples: [...samples] });
  }
  const inputData = new InputData();
  inputData.addInput(input);
  const result = await quicktype({
    inputData,
    lang: language,
    rendererOptions: language === "typescript" ? { "just-types": "true", "prefer-types": "true" } : {},
    inferEnums: false,
    inferDateTimes: false,
    inferUuids: false,
    inferIntegerStrings: false,
    inferBooleanStrings: false,
    inferMaps: false,
    combineClasses: false,
    alphabetizeProperties: true,
    ignoreJsonRefs: true,
  });
  return result.lines.join("\n");
}
