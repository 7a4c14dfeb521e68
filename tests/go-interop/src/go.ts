import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where Debian's golang-gopkg-yaml.v3-dev and golang-github-goccy-go-yaml-dev put their sources. */
const debianGopath = "/usr/share/gocode";
const source = fileURLToPath(new URL("../go/vcrinterop/", import.meta.url));

/** The environment Go builds in here: GOPATH mode, offline, no module proxy. */
function goEnvironment(cache: string): NodeJS.ProcessEnv {
  return { ...process.env, GOPATH: process.env.GOPATH ?? debianGopath, GO111MODULE: "off", GOFLAGS: "", GOPROXY: "off", GOCACHE: cache };
}

/** Why Go cannot be used here, or `undefined` when it can (go on the PATH, and the two YAML libraries in GOPATH). */
export function goMissing(): string | undefined {
  const install = "apt-get install golang-go golang-gopkg-yaml.v3-dev golang-github-goccy-go-yaml-dev";
  try {
    execFileSync("go", ["version"], { stdio: "pipe" });
  } catch {
    return `go is not installed (${install})`;
  }
  const gopath = process.env.GOPATH ?? debianGopath;
  for (const library of ["gopkg.in/yaml.v3", "github.com/goccy/go-yaml"]) {
    if (!existsSync(join(gopath, "src", library))) return `${library} is not in ${gopath} (${install})`;
  }
  return undefined;
}

/** Builds the vcrinterop program and returns a function that runs it. */
export function buildInterop(): (args: string[]) => string {
  const work = mkdtempSync(join(tmpdir(), "tapedeck-go-"));
  const binary = join(work, "vcrinterop");
  // Go's build cache, kept between runs (the first build takes a few seconds more).
  const env = goEnvironment(join(tmpdir(), "tapedeck-go-build-cache"));
  execFileSync("go", ["build", "-o", binary, "."], { cwd: source, env, stdio: "pipe" });
  return (args) => execFileSync(binary, args, { encoding: "utf8", maxBuffer: 1 << 30 });
}
