import type { DialectEvent } from "../../dialect.js";
import { CodecError } from "../../errors.js";
import { isObject, type PlainObject } from "../../shared/data.js";
import { cutText, type Fragmenter } from "../../shared/fragment.js";
import type { Completion } from "./types.js";

/**
 * The chunks of a legacy completion, as OpenAI streams them: per choice, a
 * chunk per text fragment (`finish_reason: null`), then one with its
 * `finish_reason` and `logprobs`; the usage in a chunk of its own with no
 * choices; fields beyond the standard ones on every chunk.
 */
export function splitCompletion(completion: Completion, fragment: Fragmenter): DialectEvent[] {
  if (!isObject(completion) || !Array.isArray(completion.choices)) throw new CodecError("invalid-merged", "expected a completion with choices");
  const { id, object: _object, created, model, choices, usage, ...extras } = completion;
  const chunk = (choice: PlainObject[], extra: PlainObject = {}) => ({ data: JSON.stringify({ id, object: "text_completion", created, model, choices: choice, ...extras, ...extra }) });
  const events: DialectEvent[] = [];
  choices.forEach((choice, position) => {
    const { text, index, logprobs, finish_reason, ...rest } = choice;
    if (typeof text !== "string") throw new CodecError("invalid-merged", "a choice's text must be a string", `choices[${position}].text`);
    for (const piece of cutText(text, fragment, "text", `choices[${position}].text`)) events.push(chunk([{ text: piece, index, logprobs: null, finish_reason: null }]));
    events.push(chunk([{ text: "", index, logprobs: logprobs ?? null, finish_reason, ...rest }]));
  });
  if (usage !== undefined) events.push(chunk([], { usage }));
  return events;
}
