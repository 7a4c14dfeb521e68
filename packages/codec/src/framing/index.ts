import type { Framing } from "../dialect.js";
import { awsEventStreamFraming } from "./aws-event-stream.js";
import type { FramingDefinition } from "./framing.js";
import { jsonArrayFraming } from "./json-array.js";
import { ndjsonFraming } from "./ndjson.js";
import { sseFraming } from "./sse.js";

/** Every framing by name: how events travel in a body, whatever the dialect. */
export const framings: Readonly<Record<Framing, FramingDefinition>> = {
  sse: sseFraming,
  "aws-event-stream": awsEventStreamFraming,
  "json-array": jsonArrayFraming,
  ndjson: ndjsonFraming,
};

/** The framing names, in a stable order. */
export const framingNames = Object.keys(framings) as Framing[];
