import type { Cassette } from "../model/cassette.js";
import { cassetteLayouts } from "../model/layout.js";

/** A small cassette, one interaction, used to check each layout by hand. */
export function sampleCassette(): Cassette {
  return {
    version: 2,
    layout: cassetteLayouts.C,
    interactions: [
      {
        id: 0,
        request: {
          proto: "HTTP/1.1",
          protoMajor: 1,
          protoMinor: 1,
          contentLength: 2,
          host: "",
          body: "{}",
          headers: { "Content-Type": ["application/json"], Accept: ["a"] },
          url: "https://x/y",
          method: "POST",
        },
        response: {
          proto: "HTTP/2.0",
          protoMajor: 2,
          protoMinor: 0,
          contentLength: -1,
          body: "data: 1\n\ndata: [DONE]\n\n",
          headers: { "Content-Type": ["text/event-stream"] },
          status: "200 OK",
          code: 200,
          duration: "1.5s",
        },
      },
    ],
  };
}
