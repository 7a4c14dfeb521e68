import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { providerCassettePath } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { readCassette, writeCassette } from "./node.js";

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
