/** Terminal styling that disappears when output is piped. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
}

export function createStyle(color: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39), cyan: wrap(36, 39), yellow: wrap(33, 39) };
}

const visibleLength = (text: string) => [...text.replace(/\u001b\[\d+m/g, "")].length;

/** A table whose cells may span several lines; columns two spaces apart, a rule under the header. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], style: Style): string {
  const split = rows.map((row) => row.map((cell) => cell.split("\n")));
  const widths = header.map((title, column) =>
    Math.max(visibleLength(title), ...split.flatMap((row) => (row[column] ?? [""]).map(visibleLength))),
  );
  const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - visibleLength(text)));
  const line = (cells: readonly string[]) => `  ${cells.map((cell, column) => pad(cell, widths[column]!)).join("  ").trimEnd()}`;
  const out = [style.bold(line(header)), style.dim(`  ${widths.map((width) => "─".repeat(width)).join("  ")}`)];
  for (const row of split) {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let index = 0; index < height; index += 1) out.push(line(row.map((cell) => cell[index] ?? "")));
  }
  return `${out.join("\n")}\n`;
}

/** One line of at most `width` characters: line breaks shown as ⏎, the rest cut with …. */
export function oneLine(text: string, width: number): string {
  const flat = text.replace(/\n/g, "⏎");
  const characters = [...flat];
  return characters.length <= width ? flat : `${characters.slice(0, width - 1).join("")}…`;
}
