import type { CassetteLayout } from "@tapedeck/cassette";
import type { ReplayOptions } from "@tapedeck/replay";
import type { VcrMode } from "./mode.js";

/**
 * Options of `startCassette`, `withCassette` and the test-runner adapters.
 * `match`, `timing`, `redaction` and `redact` are the replay's own (see
 * `@tapedeck/replay`): the same words mean the same in every package.
 */
export interface CassetteOptions extends ReplayOptions {
  /** The cassette file (go-vcr YAML). */
  path: string;
  /** How the cassette is used; default `TAPEDECK_MODE`, else `replay` on CI and `record-missing` elsewhere. */
  mode?: VcrMode;
  /**
   * What to do with recorded interactions no request used:
   * `"fail"` the test (default in `replay` and `once`), `"remove"` them from
   * the cassette and say so (default in `record-missing`, so that what passes
   * here passes in CI), or `"keep"` them.
   */
  unused?: "fail" | "remove" | "keep";
  /**
   * Days after which a cassette is stale, counted from the oldest `Date`
   * header of its responses: `record-missing` and `once` record it afresh,
   * `replay` says so (and still replays).
   */
  expiresIn?: number;
  /**
   * Hosts whose requests go to the network untouched, in every mode, and are
   * never recorded: a host name (`"localhost"`), a host with its port
   * (`"127.0.0.1:5432"`) or a pattern tested against the host. `data:` URLs
   * always pass.
   */
  passthrough?: ReadonlyArray<string | RegExp>;
  /**
   * Cloud credential and metadata look-ups (AWS instance and ECS roles, GCP and
   * Azure metadata), which SDKs make when no key is in the environment:
   * `"offline"` (default) answers them here with fake credentials that sign
   * requests no replay checks; `"network"` sends them to the network. Never
   * recorded either way.
   */
  cloudMetadata?: "offline" | "network";
  /** Layout of a new cassette file; an existing one keeps its own. Default go-vcr's. */
  layout?: CassetteLayout;
  /**
   * The command a miss message tells to run to record what is missing; the
   * adapters fill in the test file. Default: set `TAPEDECK_MODE=record-missing`.
   */
  recordCommand?: string;
}
