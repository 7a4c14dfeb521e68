import type { Interaction } from "@tapedeck/cassette";
import { analyzeInteraction, mergePrefix, type TurnReport } from "../shared/analyze.js";
import { byId, fillList, text } from "./dom.js";

const scrubber = byId<HTMLInputElement>("scrubber");
let report: TurnReport | undefined;

/** Empties the timeline, the message and the request: nothing of an earlier cassette stays on screen. */
export function clearInteraction(): void {
  report = undefined;
  scrubber.max = "0";
  scrubber.value = "0";
  byId("position").textContent = "";
  byId("events").replaceChildren();
  byId("summary").replaceChildren();
  byId("content").textContent = "";
  byId("reasoning").textContent = "";
  byId("reasoning-block").hidden = true;
  byId("tool-calls").querySelector("tbody")!.replaceChildren();
  for (const id of ["diagnostics", "validation", "quirks"]) byId(id).replaceChildren();
  byId("request-line").textContent = "";
  byId("request-body").textContent = "";
}

/** Shows one interaction: its request, its events on the timeline, and the merged message at the end of the stream. */
export function showInteraction(interaction: Interaction): void {
  clearInteraction();
  byId("request-line").textContent = `${interaction.request.method} ${interaction.request.url}`;
  byId("request-body").textContent = pretty(interaction.request.body);
  report = analyzeInteraction(interaction);
  if (report === undefined) {
    byId("position").textContent = "not a stream a dialect fits";
    return;
  }
  const { events } = report;
  scrubber.max = String(events.length);
  scrubber.value = String(events.length);
  byId("events").replaceChildren(
    ...events.map(({ label, payload }, number) => {
      const item = document.createElement("li");
      item.title = `event ${payload.event}: ${label.type} ${label.detail}`;
      // The stream's own event number, as diagnostics and validation name it.
      item.append(text("span", String(payload.event), "number"), text("b", label.type), ` ${label.detail}`);
      item.addEventListener("click", () => {
        scrubber.value = String(number + 1);
        renderPosition();
      });
      return item;
    }),
  );
  fillList("diagnostics", report.diagnostics.map((diagnostic) => `event ${diagnostic.event}: ${diagnostic.code}: ${diagnostic.message}`), "none");
  fillList("validation", report.failures.map((failure) => `event ${failure.event}: ${failure.path}: ${failure.message}`), `all ${events.length} events valid`);
  fillList("quirks", report.quirks, "none");
  renderPosition();
}

/** Shows the merged message as it stood after the first `scrubber.value` events. */
export function renderPosition(): void {
  if (report === undefined) return;
  const position = Number(scrubber.value);
  byId("position").textContent = `${position} of ${report.events.length} events`;
  for (const [number, item] of [...byId("events").children].entries()) {
    item.classList.toggle("future", number >= position);
    item.classList.toggle("current", number === position - 1);
  }
  const message = mergePrefix(report, position);
  const usage = message.usage;
  const summary: Array<[string, string]> = [
    ["dialect", `${report.dialect} over ${report.framing}`],
    ["model", message.model ?? modelInPath(report.request.url) ?? "-"],
    ["served by", report.servedBy.join(", ") || "-"],
    ["finish", message.finishReason ?? "-"],
    ["tokens", usage ? `${usage.inputTokens ?? "?"} in, ${usage.outputTokens ?? "?"} out` : "-"],
  ];
  byId("summary").replaceChildren(...summary.flatMap(([term, value]) => [text("dt", term), text("dd", value)]));
  byId("content").textContent = message.text;
  byId("reasoning-block").hidden = message.reasoning === "";
  byId("reasoning").textContent = message.reasoning;
  const rows = message.toolCalls.map((call) => {
    const row = document.createElement("tr");
    row.append(text("td", call.id), text("td", call.name), text("td", call.argumentsText));
    return row;
  });
  byId("tool-calls").querySelector("tbody")!.replaceChildren(...rows);
}

/** Bedrock and Vertex name the model in the path (`/model/<id>/converse-stream`), not in the stream. */
function modelInPath(url: string): string | undefined {
  const match = /\/models?\/([^/:]+)/.exec(url);
  return match === null ? undefined : decodeURIComponent(match[1]!);
}

/** A request body for reading: indented JSON where it is JSON, else as sent. */
function pretty(body: string | Uint8Array | undefined): string {
  if (body === undefined) return "";
  if (typeof body !== "string") return `(${body.length} bytes of binary)`;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
