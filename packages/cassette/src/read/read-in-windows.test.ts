import { describe, expect, it } from "vitest";
import { CassetteError } from "../errors.js";
import { cassetteLayouts } from "../model/layout.js";
import { sampleCassette } from "../test/sample.js";
import { serializeCassette } from "../write/serialize-cassette.js";
import { parseCassette } from "./parse-cassette.js";
import { readInWindows } from "./read-in-windows.js";

const bytes = (text: string) => new TextEncoder().encode(text);

/** The sample cassette with two interactions, in layout C (`- ` at column 4). */
function twoInteractions(): string {
  const sample = sampleCassette();
  return serializeCassette({ ...sample, interactions: [sample.interactions[0]!, { ...sample.interactions[0]!, id: 1 }] });
}

describe("reading bytes a window at a time", () => {
  it("keeps the root's keys after the interactions", () => {
    const text = `${twoInteractions()}recorded_with: tapedeck\n`;
    const windowed = readInWindows(bytes(text), undefined, { windowBytes: 1, batchBytes: 1 });
    expect(windowed?.unknownFields).toEqual(new Map([["recorded_with", "tapedeck"]]));
    expect(windowed).toStrictEqual(parseCassette(text));
  });

  it("leaves a root key between interactions to the whole text, which refuses it as Go does", () => {
    const text = twoInteractions().replace("\n    - id: 1", "\nrecorded_with: tapedeck\n    - id: 1");
    expect(readInWindows(bytes(text), undefined, { windowBytes: 1, batchBytes: 1 })).toBeUndefined();
    expect(() => parseCassette(bytes(text))).toThrow(CassetteError);
  });

  it("cuts a window's literal blocks out of its own text only: a window that is not ASCII reads its blocks from its text", () => {
    const sample = sampleCassette();
    const first = sample.interactions[0]!;
    // Blocks at the same place in both windows; the second window holds an é further down.
    const second = { ...first, id: 1, response: { ...first.response, status: "200 é" } };
    const text = serializeCassette({ ...sample, interactions: [first, second] });
    const windowed = readInWindows(bytes(text), undefined, { windowBytes: 1 });
    expect(windowed?.interactions.map((interaction) => interaction.response.body)).toEqual(["data: 1\n\ndata: [DONE]\n\n", "data: 1\n\ndata: [DONE]\n\n"]);
    expect(windowed).toStrictEqual(parseCassette(text));
  });

  it("leaves goccy's and layout A's columns, where the strings tell the writer, to the whole text", () => {
    for (const layout of [cassetteLayouts.A, cassetteLayouts.goccy]) expect(readInWindows(bytes(serializeCassette({ ...sampleCassette(), layout })), undefined)).toBeUndefined();
    expect(readInWindows(bytes(serializeCassette(sampleCassette())), undefined)?.layout).toEqual(cassetteLayouts.C);
  });
});
