import { readCassette } from "@tapedeck/cassette/node";
import { cassettePath, listCassettes, listSyntheticCassettes, syntheticCassettePath } from "@tapedeck/fixtures";
import { analyzeInteraction, type TurnReport } from "../shared/analyze.js";
import { type ClientVerdict, replayIntoClient } from "./clients.js";

/** One turn, as the demo shows it. */
export interface DemoTurn extends TurnReport {
  client: ClientVerdict | undefined;
}

/** One fixture cassette and its turns. */
export interface DemoCassette {
  name: string;
  /** `recording`: real, from ../shared with provenance; `synthetic`: written by tools/synthetic-fixtures. */
  origin: "recording" | "synthetic";
  turns: DemoTurn[];
}

/**
 * Every fixture, recordings first, then the synthetic cassettes of the other
 * dialects: each turn merged by the codec, validated by the generated
 * validators, and replayed into the official client where there is one.
 */
export async function collectDemo(): Promise<DemoCassette[]> {
  const sources = [
    ...listCassettes().map((name) => ({ name, path: cassettePath(name), origin: "recording" as const })),
    ...listSyntheticCassettes().map((name) => ({ name, path: syntheticCassettePath(name), origin: "synthetic" as const })),
  ];
  const result: DemoCassette[] = [];
  for (const { name, path, origin } of sources) {
    const cassette = await readCassette(path);
    const turns: DemoTurn[] = [];
    for (const interaction of cassette.interactions) {
      const report = analyzeInteraction(interaction);
      if (report === undefined) continue;
      turns.push({ ...report, client: await replayIntoClient(cassette, interaction, report.dialect, report.normalized) });
    }
    result.push({ name, origin, turns });
  }
  return result;
}
