import { type Cassette, CassetteError, parseCassette } from "@tapedeck/cassette";
import { detectDialect, streamFraming, streamPayloads } from "@tapedeck/codec";
import { byId, text } from "./dom.js";
import { clearInteraction, renderPosition, showInteraction } from "./interaction-view.js";

const fixtureSelect = byId<HTMLSelectElement>("fixture");
const fileInput = byId<HTMLInputElement>("file");
const drop = byId<HTMLLabelElement>("drop");
const errorBanner = byId<HTMLParagraphElement>("error");
let cassette: Cassette | undefined;

function showError(message: string | undefined): void {
  errorBanner.hidden = message === undefined;
  errorBanner.textContent = message ?? "";
}

/** Forgets the shown cassette: title, list, timeline, message, request. */
function clearCassette(): void {
  cassette = undefined;
  byId("cassette-title").textContent = "Interactions";
  byId("interactions").replaceChildren();
  clearInteraction();
}

/** Parses and shows a cassette; a broken one leaves nothing of the last one on screen, only its located error. */
function load(source: string | Uint8Array, name: string): void {
  clearCassette();
  try {
    cassette = parseCassette(source, { source: name });
  } catch (error) {
    showError(error instanceof CassetteError ? error.format() : String(error));
    return;
  }
  showError(undefined);
  byId("cassette-title").textContent = `${name} · ${cassette.interactions.length} interactions`;
  const buttons = cassette.interactions.map((interaction, index) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.dataset.testid = `interaction-${interaction.id}`;
    const framing = streamFraming(interaction.response);
    const dialect = detectDialect(interaction)?.dialect ?? "no dialect";
    // Counted the way the timeline counts them: one payload per event that carries data.
    const events = framing === undefined ? "not a stream" : `${dialect} · ${streamPayloads(interaction.response.body ?? "", { framing }).length} events`;
    const path = new URL(interaction.request.url, "http://unknown.invalid").pathname;
    button.append(`#${interaction.id} ${interaction.request.method} ${path}`, text("small", `${interaction.response.status || interaction.response.code} · ${interaction.response.duration ?? "-"} · ${events}`));
    button.addEventListener("click", () => select(index));
    item.append(button);
    return item;
  });
  byId("interactions").replaceChildren(...buttons);
  const firstStream = cassette.interactions.findIndex((interaction) => streamFraming(interaction.response) !== undefined);
  select(Math.max(firstStream, 0));
}

function select(index: number): void {
  const interaction = cassette?.interactions[index];
  for (const [position, button] of [...byId("interactions").querySelectorAll("button")].entries()) button.setAttribute("aria-pressed", String(position === index));
  if (interaction === undefined) clearInteraction();
  else showInteraction(interaction);
}

/** A file the user chose or dropped: the fixture menu no longer names what is shown. */
async function loadFile(file: File): Promise<void> {
  fixtureSelect.value = "";
  load(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** Fetches a fixture cassette from the server (`vite` and `vite preview` serve them at `fixtures/`). */
async function loadFixture(path: string): Promise<void> {
  const response = await fetch(`fixtures/${path}`);
  if (!response.ok) {
    clearCassette();
    showError(`${path}: the server answered ${response.status}`);
    return;
  }
  load(new Uint8Array(await response.arrayBuffer()), path.split("/").pop()!);
}

fixtureSelect.addEventListener("change", () => {
  if (fixtureSelect.value !== "") void loadFixture(fixtureSelect.value);
});
byId("scrubber").addEventListener("input", renderPosition);
fileInput.addEventListener("change", () => {
  const file = fileInput.files?.[0];
  if (file) void loadFile(file);
  fileInput.value = "";
});
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const file = event.dataTransfer?.files[0];
  if (file) void loadFile(file);
});

const fixtures = (await (await fetch("fixtures/index.json")).json()) as Array<{ group: string; name: string }>;
for (const group of [...new Set(fixtures.map((fixture) => fixture.group))]) {
  const optgroup = document.createElement("optgroup");
  optgroup.label = group;
  for (const { name } of fixtures.filter((fixture) => fixture.group === group)) {
    const option = document.createElement("option");
    option.value = `${group}/${name}`;
    option.textContent = name.replace(/\.yaml$/, "");
    optgroup.append(option);
  }
  fixtureSelect.append(optgroup);
}
fixtureSelect.selectedIndex = 1;
if (fixtureSelect.value) await loadFixture(fixtureSelect.value);
