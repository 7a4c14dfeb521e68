import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { ModuleKind, ScriptTarget, transpileModule } from "typescript";
import { providerCassettePath } from "@tapedeck/fixtures";
import { describe, expect, it } from "vitest";
import { findCassetteFiles, lockFile, readCassette, writeCassette, writeFileAtomic } from "./node.js";

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

  it("leave what was there untouched, and no temporary file, when the write fails", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    // A directory in the way: the rename over it fails after the temporary file was written.
    const target = join(directory, "taken.yaml");
    await mkdir(target);
    await writeFile(join(target, "keep.txt"), "old");
    await expect(writeCassette(target, await readCassette(providerCassettePath("novita")))).rejects.toMatchObject({ code: "io", source: target });
    expect(await readdir(directory)).toEqual(["taken.yaml"]);
    expect(await readFile(join(target, "keep.txt"), "utf8")).toBe("old");
    await expect(writeCassette("/nonexistent/dir/x.yaml", await readCassette(providerCassettePath("novita")))).rejects.toMatchObject({ code: "io" });
  });

  it("keep a file's permissions: a 0600 cassette stays 0600", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    const target = join(directory, "secret.yaml");
    await writeFile(target, "old", { mode: 0o600 });
    await chmod(target, 0o600);
    await writeCassette(target, await readCassette(providerCassettePath("novita")));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it("write through a symbolic link to the file it points to, keeping the link", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    const real = join(directory, "real.yaml");
    const link = join(directory, "link.yaml");
    await writeFile(real, "old");
    await symlink(real, link);
    await writeCassette(link, await readCassette(providerCassettePath("novita")));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, "utf8")).toBe(await readFile(providerCassettePath("novita"), "utf8"));
    expect((await readdir(directory)).sort()).toEqual(["link.yaml", "real.yaml"]);
  });
});

describe("writeFileAtomic", () => {
  it("writes through a dangling symbolic link by creating the file it points to, keeping the link", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    const link = join(directory, "link.yaml");
    await symlink("real.yaml", link);
    await writeFileAtomic(link, "new");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(directory, "real.yaml"), "utf8")).toBe("new");
    expect((await readdir(directory)).sort()).toEqual(["link.yaml", "real.yaml"]);
  });

  it("removes a temporary file a killed writer left, at the next write, and leaves a live writer's alone", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    const gone = await exitedProcessId();
    const running = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      await writeFile(join(directory, `.chat.yaml.${gone}.0123456789ab.tmp`), "half");
      await writeFile(join(directory, `.chat.yaml.${running.pid}.0123456789ab.tmp`), "in progress");
      await writeFileAtomic(join(directory, "chat.yaml"), "whole");
      expect((await readdir(directory)).sort()).toEqual([`.chat.yaml.${running.pid}.0123456789ab.tmp`, "chat.yaml"]);
    } finally {
      running.kill();
    }
  });

  it("removes its temporary file when SIGTERM stops the process mid-write", { timeout: 30_000 }, async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-signal-"));
    // The module under test, as JavaScript the child Node (20, no type stripping) can load.
    const modules = join(directory, "..", `${basename(directory)}-modules`);
    await mkdir(modules);
    await writeFile(join(modules, "package.json"), '{"type":"module"}');
    for (const name of ["write-file-atomic", "process-alive"]) {
      const source = await readFile(new URL(`./files/${name}.ts`, import.meta.url), "utf8");
      await writeFile(join(modules, `${name}.js`), transpileModule(source, { compilerOptions: { module: ModuleKind.ESNext, target: ScriptTarget.ES2022 } }).outputText);
    }
    const module = join(modules, "write-file-atomic.js");
    const script = `
      import { readdirSync } from "node:fs";
      import { writeFileAtomic } from ${JSON.stringify(module)};
      const directory = ${JSON.stringify(directory)};
      writeFileAtomic(directory + "/big.yaml", new Uint8Array(512 * 1024 * 1024));
      const poll = () => readdirSync(directory).some((name) => name.endsWith(".tmp")) ? process.kill(process.pid, "SIGTERM") : setImmediate(poll);
      poll();
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "inherit" });
    const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: null, signal: "SIGTERM" });
    expect(await readdir(directory)).toEqual([]);
  });
});

describe("lockFile", () => {
  it("lets one holder record a cassette at a time: a second is a typed locked error naming the holder, until the first releases", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    const path = join(directory, "chat.yaml");
    const first = await lockFile(path);
    await expect(lockFile(path)).rejects.toMatchObject({ code: "locked", source: path, message: expect.stringContaining(`process ${process.pid}`) });
    await first.release();
    const second = await lockFile(path);
    await second.release();
    expect(await readdir(directory)).toEqual([]);
  });

  it("makes the cassette's folder for its lock when missing, and takes it away again when nothing else went there", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    const lock = await lockFile(join(directory, "a", "b", "chat.yaml"));
    expect(await readdir(join(directory, "a", "b"))).toEqual(["chat.yaml.lock"]);
    await lock.release();
    expect(await readdir(directory)).toEqual([]);
  });

  it("refuses a lock held by another live process, and takes over one whose process is gone", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-"));
    const path = join(directory, "chat.yaml");
    const running = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      await writeFile(`${path}.lock`, JSON.stringify({ pid: running.pid, host: hostname() }));
      await expect(lockFile(path)).rejects.toMatchObject({ code: "locked", message: expect.stringContaining(`process ${running.pid}`) });
    } finally {
      running.kill();
    }
    await writeFile(`${path}.lock`, JSON.stringify({ pid: await exitedProcessId(), host: hostname() }));
    const lock = await lockFile(path);
    expect(JSON.parse(await readFile(`${path}.lock`, "utf8"))).toEqual({ pid: process.pid, host: hostname() });
    await lock.release();
  });
});

/** The id of a process that has exited. */
async function exitedProcessId(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await once(child, "exit");
  return child.pid!;
}

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

  it("skips a FIFO named like a cassette, which would block a reader forever, and refuses one given by name", async () => {
    const directory = await mkdtemp(join(tmpdir(), "tapedeck-fifo-"));
    await writeFile(join(directory, "real.yaml"), "");
    execFileSync("mkfifo", [join(directory, "pipe.yaml")]);
    expect((await findCassetteFiles([directory])).map((file) => file.name)).toEqual(["real.yaml"]);
    await expect(findCassetteFiles([join(directory, "pipe.yaml")])).rejects.toMatchObject({ code: "io", message: expect.stringContaining("not a regular file") });
  });
});
