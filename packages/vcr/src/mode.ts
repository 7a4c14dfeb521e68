import { VcrError } from "./errors.js";

/**
 * How a cassette is used:
 *
 * - `replay`: answer from the cassette only, never recording; a request it
 *   does not hold fails the test (nock's `lockdown`). What CI runs.
 * - `once`: record the cassette if it does not exist, else replay it (vcrpy's
 *   `once`).
 * - `record-missing`: replay what the cassette holds, record what it lacks,
 *   and remove what the run no longer uses.
 * - `record`: record everything afresh, replacing the cassette.
 * - `passthrough`: no cassette; requests go to the network untouched.
 */
export type VcrMode = "replay" | "once" | "record-missing" | "record" | "passthrough";

/** Every mode, in the order of the table above. */
export const vcrModes: readonly VcrMode[] = ["replay", "once", "record-missing", "record", "passthrough"];

/**
 * The mode to use: the one given, else `TAPEDECK_MODE`, else `replay` when
 * `CI` is set (to anything but `false` or `0`) and `record-missing` otherwise.
 *
 * @example
 * ```ts
 * resolveMode(undefined, { CI: "true" }); // "replay"
 * resolveMode(undefined, { TAPEDECK_MODE: "record" }); // "record"
 * ```
 */
export function resolveMode(mode?: VcrMode, environment: Record<string, string | undefined> = process.env): VcrMode {
  const chosen = mode ?? (environment.TAPEDECK_MODE || undefined);
  if (chosen !== undefined) {
    if (!(vcrModes as readonly string[]).includes(chosen)) {
      throw new VcrError("invalid-mode", `${mode === undefined ? "TAPEDECK_MODE" : "mode"} is ${JSON.stringify(chosen)}; expected one of ${vcrModes.join(", ")}`);
    }
    return chosen as VcrMode;
  }
  return isCi(environment) ? "replay" : "record-missing";
}

/** Whether the environment says it is CI (`CI` set to anything but `false` or `0`). */
export function isCi(environment: Record<string, string | undefined> = process.env): boolean {
  const ci = environment.CI;
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}
