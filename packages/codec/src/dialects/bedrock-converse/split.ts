import type { DialectEvent } from "../../dialect.js";
import { CodecError } from "../../errors.js";
import { isObject, type PlainObject } from "../../shared/data.js";
import { cutText, type Fragmenter } from "../../shared/fragment.js";
import type { ConverseResponse } from "./types.js";

/**
 * The events of a ConverseStream for a whole Converse response, as the AWS
 * documentation lays them out: `messageStart`, per block its start (tool use,
 * tool result, image), deltas and stop, `messageStop`, `metadata`. Payloads are the events
 * themselves, compact; their types go in the `:event-type` header.
 */
export function splitConverse(response: ConverseResponse, fragment: Fragmenter): DialectEvent[] {
  const message = isObject(response) && isObject(response.output) && isObject(response.output.message) ? response.output.message : undefined;
  if (message === undefined || !Array.isArray(message.content)) throw new CodecError("invalid-merged", "expected a Converse response with output.message.content");
  const events: DialectEvent[] = [];
  const push = (type: string, payload: PlainObject) => events.push({ type, data: JSON.stringify(payload) });
  push("messageStart", { role: message.role });
  message.content.forEach((block, index) => {
    const path = `output.message.content[${index}]`;
    const delta = (value: PlainObject) => push("contentBlockDelta", { contentBlockIndex: index, delta: value });
    if (isObject(block.toolUse)) {
      const { input, ...start } = block.toolUse;
      push("contentBlockStart", { contentBlockIndex: index, start: { toolUse: start } });
      for (const piece of cutText(JSON.stringify(input ?? {}), fragment, "arguments", `${path}.toolUse.input`)) delta({ toolUse: { input: piece } });
    } else if (typeof block.text === "string") {
      for (const piece of cutText(block.text, fragment, "text", `${path}.text`)) delta({ text: piece });
    } else if (isObject(block.reasoningContent)) {
      const reasoning = block.reasoningContent;
      if (typeof reasoning.redactedContent === "string") delta({ reasoningContent: { redactedContent: reasoning.redactedContent } });
      else if (isObject(reasoning.reasoningText)) {
        for (const piece of cutText(reasoning.reasoningText.text, fragment, "reasoning", `${path}.reasoningContent.reasoningText.text`)) delta({ reasoningContent: { text: piece } });
        if (typeof reasoning.reasoningText.signature === "string") delta({ reasoningContent: { signature: reasoning.reasoningText.signature } });
      }
    } else if (isObject(block.citationsContent)) {
      const { content, citations } = block.citationsContent;
      // One text item is sent as text deltas; any other content as one citationsContent delta.
      if (Array.isArray(content) && content.length === 1 && isTextItem(content[0])) {
        for (const piece of cutText(content[0].text as string, fragment, "text", `${path}.citationsContent.content[0].text`)) delta({ text: piece });
      } else if (Array.isArray(content) && content.length > 0) delta({ citationsContent: { content } });
      if (Array.isArray(citations)) for (const citation of citations) delta({ citation });
    } else if (isObject(block.toolResult)) {
      const { content, ...start } = block.toolResult;
      push("contentBlockStart", { contentBlockIndex: index, start: { toolResult: start } });
      for (const [at, item] of (Array.isArray(content) ? content : []).entries()) {
        if (isTextItem(item)) for (const piece of cutText(item.text as string, fragment, "text", `${path}.toolResult.content[${at}].text`)) delta({ toolResult: [{ text: piece }] });
        else delta({ toolResult: [item] });
      }
    } else if (isObject(block.image)) {
      const { source, error, ...start } = block.image;
      push("contentBlockStart", { contentBlockIndex: index, start: { image: start } });
      if (source !== undefined || error !== undefined) delta({ image: { ...(source === undefined ? {} : { source }), ...(error === undefined ? {} : { error }) } });
    } else throw new CodecError("invalid-merged", "expected a text, toolUse, reasoningContent, citationsContent, toolResult or image block", path);
    push("contentBlockStop", { contentBlockIndex: index });
  });
  const stop: PlainObject = { stopReason: response.stopReason };
  const metadata: PlainObject = {};
  for (const key of Object.keys(response)) {
    if (key === "output" || key === "stopReason") continue;
    if (key === "usage" || key === "metrics" || key === "trace") metadata[key] = response[key];
    else stop[key] = response[key];
  }
  push("messageStop", stop);
  if (Object.keys(metadata).length > 0) push("metadata", metadata);
  return events;
}

/** `{ text: "..." }` and nothing else. */
function isTextItem(item: unknown): item is { text: string } {
  return isObject(item) && typeof item.text === "string" && Object.keys(item).length === 1;
}
