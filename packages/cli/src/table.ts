/** Terminal styling that disappears when output is piped. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

/**
 * Bold, dim and three colours as ANSI escapes, or the text unchanged when
 * `color` is false (output piped, `NO_COLOR`).
 *
 * @example
 * ```ts
 * const style = createStyle(process.stdout.isTTY === true);
 * console.log(style.green("complete"));
 * ```
 */
export function createStyle(color: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), yellow: wrap(33, 39) };
}

/** The width a terminal shows: escape codes take none. */
export const visibleLength = (text: string) => [...text.replace(/\u001b\[\d+m/g, "")].length;

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Styling for the header (bold) and the rule (dim). Default: none. */
  style?: Style;
  /** A rule under the header. Default `false`. */
  rule?: boolean;
}

const plain: Style = createStyle(false);

/**
 * A table for the terminal: columns two spaces apart, the header first, each
 * line indented two spaces. Cells may span several lines (`\n`); a row of one
 * cell is a section title across the table; the last cell of a row may run
 * past its column. Widths count what a terminal shows (escape codes take none).
 *
 * @example
 * ```ts
 * import { renderTable } from "@tapedeck/cli";
 * process.stdout.write(renderTable(["#", "status"], [["0", "200 OK"]], { rule: true }));
 * ```
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const style = options.style ?? plain;
  const split = rows.map((row) => row.map((cell) => cell.split("\n")));
  const widths = header.map((title, column) =>
    Math.max(
      visibleLength(title),
      ...split.filter((row) => row.length === header.length || column < row.length - 1).flatMap((row) => (row[column] ?? [""]).map(visibleLength)),
    ),
  );
  const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - visibleLength(text)));
  const line = (cells: readonly string[]) => `  ${cells.map((cell, column) => (column === cells.length - 1 ? cell : pad(cell, widths[column]!))).join("  ")}`.trimEnd();
  const out = [style.bold(line(header))];
  if (options.rule) out.push(style.dim(`  ${widths.map((width) => "─".repeat(width)).join("  ")}`));
  for (const row of split) {
    if (row.length === 1) {
      out.push(`  ${row[0]!.join(" ")}`);
      continue;
    }
    const height = Math.max(...row.map((cell) => cell.length));
    for (let index = 0; index < height; index += 1) out.push(line(row.map((cell) => cell[index] ?? "")));
  }
  return `${out.join("\n")}\n`;
}

/**
 * Breaks text into lines of at most `width` characters at spaces; past
 * `maxLines`, the last line ends in ….
 *
 * @example
 * ```ts
 * wrapText("a few words to wrap", 8); // ["a few", "words to", "wrap"]
 * ```
 */
export function wrapText(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    let piece = word;
    while ([...piece].length > width) {
      if (line !== "") lines.push(line);
      line = "";
      lines.push([...piece].slice(0, width).join(""));
      piece = [...piece].slice(width).join("");
    }
    const next = line === "" ? piece : `${line} ${piece}`;
    if ([...next].length > width) {
      lines.push(line);
      line = piece;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = [...kept[maxLines - 1]!];
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, width - 1)).join("")}…`;
  return kept;
}
