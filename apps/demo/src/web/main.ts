import { CassetteError, type Cassette, parseCassette } from "@tapedeck/cassette";
import { streamFraming, streamPayloads } from "@tapedeck/codec";
import { openaiChat } from "@tapedeck/codec/openai-chat";
import { analyzeInteraction, type TurnReport } from "../shared/analyze.js";


const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fixtureSelect = element<HTMLSelectElement>("fixture");
const fileInput = element<HTMLInputElement>("file");
const drop = element<HTMLLabelElement>("drop");
const errorBanner = element<HTMLParagraphElement>("error");
const scrubber = element<HTMLInputElement>("scrubber");

let cassette: Cassette | undefined;
let report: TurnReport | undefined;

function text(tag: string, content: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

function list(id: string, items: string[], empty: string): void {
  const target = element<HTMLUListElement>(id);
  target.replaceChildren(...(items.length === 0 ? [text("li", empty, "none")] : items.map((item) => text("li", item))));
}

function showError(message: string | undefined): void {
  errorBanner.hidden = message === undefined;
  errorBanner.textContent = message ?? "";
}

function load(source: string, name: string): void {
  try {
    cassette = parseCassette(source, { source: name });
  } catch (error) {
    cassette = undefined;
    report = undefined;
    showError(error instanceof CassetteError ? error.format() : String(error));
    element("interactions").replaceChildren();
    return;
  }
  showError(undefined);
  element("cassette-title").textContent = `${name} · ${cassette.interactions.length} interactions`;
  const buttons = cassette.interactions.map((interaction, index) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.dataset.testid = `interaction-${interaction.id}`;
    const framing = streamFraming(interaction.response);
    const events = framing === undefined ? "not a stream" : `${streamPayloads(interaction.response.body ?? "", { framing }).length} events`;
    button.append(`#${interaction.id} ${interaction.request.method} ${new URL(interaction.request.url, "http://x").pathname}`, text("small", `${interaction.response.status ?? interaction.response.code} · ${interaction.response.duration ?? ""} · ${events}`));
    button.addEventListener("click", () => selectInteraction(index));
    item.append(button);
    return item;
  });
  element("interactions").replaceChildren(...buttons);
  const first = cassette.interactions.findIndex((interaction) => streamFraming(interaction.response) !== undefined);
  selectInteraction(Math.max(first, 0));
}

function selectInteraction(index: number): void {
  if (cassette === undefined) return;
  for (const [position, button] of [...element("interactions").querySelectorAll("button")].entries()) {
    button.setAttribute("aria-pressed", String(position === index));
  }
  const interaction = cassette.interactions[index];
  report = interaction === undefined ? undefined : analyzeInteraction(interaction);
  const chunks = report?.chunks ?? [];
  scrubber.max = String(chunks.length);
  scrubber.value = String(chunks.length);
  element("events").replaceChildren(
    ...chunks.map((chunk, number) => {
      const item = text("li", describeChunk(chunk)) as HTMLLIElement;
      item.value = number;
      item.addEventListener("click", () => {
        scrubber.value = String(number + 1);
        render();
      });
      return item;
    }),
  );
  list("diagnostics", (report?.diagnostics ?? []).map((diagnostic) => `event ${diagnostic.event}: ${diagnostic.code}: ${diagnostic.message}`), "none");
  list("validation", (report?.failures ?? []).map((failure) => `chunk ${failure.chunk}: ${failure.path}: ${failure.message}`), `all ${chunks.length} chunks valid`);
  list("quirks", report?.quirks ?? [], "none");
  render();
}

/** One line for the timeline: what the chunk's first choice adds, its finish reason, usage or error. */
function describeChunk(chunk: unknown): string {
  if (chunk === null || typeof chunk !== "object") return `(not a chunk) ${JSON.stringify(chunk)}`;
  const { choices, usage, error } = chunk as { choices?: Array<{ index?: number; delta?: unknown; finish_reason?: unknown }>; usage?: unknown; error?: unknown };
  const parts = (choices ?? []).map((choice) => {
    const finish = choice.finish_reason ? `  finish: ${String(choice.finish_reason)}` : "";
    return `${(choices ?? []).length > 1 ? `[${choice.index}] ` : ""}${JSON.stringify(choice.delta ?? null)}${finish}`;
  });
  if (usage) parts.push(`usage ${JSON.stringify(usage)}`);
  if (error) parts.push(`error ${JSON.stringify(error)}`);
  return parts.join("  ") || "{}";
}

/** Shows the message as it stood after the first `scrubber.value` chunks. */
function render(): void {
  const chunks = report?.chunks ?? [];
  const position = Number(scrubber.value);
  element("position").textContent = `${position} of ${chunks.length} chunks`;
  for (const [number, item] of [...element("events").children].entries()) {
    item.classList.toggle("future", number >= position);
    item.classList.toggle("current", number === position - 1);
  }
  const { merged: completion } = openaiChat.mergeEvents(chunks.slice(0, position));
  const choice = completion.choices[0];
  const usage = completion.usage;
  const summary: Array<[string, string]> = [
    ["provider", String(completion.provider ?? "-")],
    ["model", completion.model || "-"],
    ["finish", choice?.finish_reason ?? "-"],
    ["tokens", usage ? `${usage.prompt_tokens} in, ${usage.completion_tokens} out` : "-"],
    ["cost", typeof usage?.cost === "number" ? `$${usage.cost}` : "-"],
  ];
  element("summary").replaceChildren(...summary.flatMap(([term, value]) => [text("dt", term), text("dd", value)]));
  element("content").textContent = choice?.message.content ?? "";
  const reasoning = choice?.message.reasoning ?? choice?.message.reasoning_content;
  element("reasoning-block").hidden = reasoning === undefined;
  element("reasoning").textContent = reasoning ?? "";
  const rows = (choice?.message.tool_calls ?? []).map((call) => {
    const row = document.createElement("tr");
    row.append(text("td", call.id), text("td", call.function.name), text("td", call.function.arguments));
    return row;
  });
  element("tool-calls").querySelector("tbody")!.replaceChildren(...rows);
}

/** Fetches a fixture cassette from the server (`vite` and `vite preview` serve them at `fixtures/`). */
async function loadFixture(name: string): Promise<void> {
  const response = await fetch(`fixtures/${encodeURIComponent(name)}`);
  load(await response.text(), name);
}

fixtureSelect.addEventListener("change", () => void loadFixture(fixtureSelect.value));
scrubber.addEventListener("input", render);
fileInput.addEventListener("change", async () => {
  const file = fileInput.files?.[0];
  if (file) load(await file.text(), file.name);
});
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", async (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const file = event.dataTransfer?.files[0];
  if (file) load(await file.text(), file.name);
});
const names = (await (await fetch("fixtures/index.json")).json()) as string[];
for (const name of names) {
  const option = document.createElement("option");
  option.value = name;
  option.textContent = name.replace(/\.yaml$/, "");
  fixtureSelect.append(option);
}
if (fixtureSelect.value) await loadFixture(fixtureSelect.value);
