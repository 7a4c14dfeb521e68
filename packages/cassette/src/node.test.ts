import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { providerCassettePath } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { findCassetteFiles, readCassette, writeCassette } from "./node.js";

describe("readCassette and writeCassette", () => {
  it("write what they read, byte for byte, leaving no temporary file", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    const target = join(directory, "copy.yaml");
    const cassette = await readCassette(providerCassettePath("together"));
    await writeCassette(target, cassette);
    expect(await readFile(target, "utf8")).toBe(await readFile(providerCassettePath("together"), "utf8"));
    expect(await readdir(directory)).toEqual(["copy.yaml"]);
  });

  it("name the file in errors", async () => {
    await expect(readCassette("/nonexistent/cassette.yaml")).rejects.toMatchObject({
      code: "io",
      source: "/nonexistent/cassette.yaml",
    });
  });

  it("keep the old file when the write fails", async () => {
    await expect(writeCassette("/nonexistent/dir/x.yaml", await readCassette(providerCassettePath("novita")))).rejects.toMatchObject({ code: "io" });
  });
});

describe("findCassetteFiles", () => {
  it("expands directories into their YAML files, sorted, and keeps files as given", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-find-"));
    await mkdir(join(directory, "cassettes", "nested"), { recursive: true });
    for (const file of ["b.yaml", "a.yml", "notes.txt", "nested/c.yaml"]) await writeFile(join(directory, "cassettes", file), "");
    const found = await findCassetteFiles(["cassettes", "cassettes/b.yaml"], directory);
    expect(found.map((file) => [file.path, file.name, file.absolute])).toEqual([
      ["cassettes/a.yml", "a.yml", join(directory, "cassettes/a.yml")],
      ["cassettes/b.yaml", "b.yaml", join(directory, "cassettes/b.yaml")],
      ["cassettes/nested/c.yaml", "nested/c.yaml", join(directory, "cassettes/nested/c.yaml")],
      ["cassettes/b.yaml", "b.yaml", join(directory, "cassettes/b.yaml")],
    ]);
    await expect(findCassetteFiles(["missing"], directory)).rejects.toMatchObject({ code: "io", source: "missing" });
  });
});
