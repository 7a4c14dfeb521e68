import { type Cassette, cassetteLayouts, type Interaction, serializeCassette } from "@tapedeck/cassette";
import { describe, expect, it } from "vitest";
import { createRedactor } from "./redactor.js";
import { createReplayFetch } from "../replay-fetch.js";

// Shaped like real keys, made up for this test.
const secrets = {
  openai: "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34",
  anthropic: "sk-ant-api03-Zy98Xw76Vu54Ts32Rq10Po98",
  google: "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
  aws: "AKIAIOSFODNN7EXAMPLE",
  bearer: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
  github: "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
};

function interaction(): Interaction {
  return {
    id: 0,
    request: {
      method: "POST",
      url: `https://generativelanguage.googleapis.com/v1beta/models/gemini:streamGenerateContent?alt=sse&key=${secrets.google}&trace=${secrets.github}`,
      headers: {
        Authorization: [`Bearer ${secrets.openai}`],
        "X-Api-Key": [secrets.anthropic],
        "X-Goog-Api-Key": [secrets.google],
        "X-Gateway-Auth": [secrets.bearer],
        "X-Custom": [`prefix ${secrets.openai} suffix`],
        "Content-Type": ["application/json"],
      },
      body: JSON.stringify({ model: "m", api_key: secrets.openai, nested: [{ accessToken: "tok-123", clientSecret: "cs-456" }], messages: [{ role: "user", content: "hello" }] }),
      contentLength: 10,
    },
    response: { code: 200, status: "200 OK", headers: { "Set-Cookie": ["session=s3cr3t"], "Content-Type": ["text/plain"] }, body: "ok" },
  };
}

describe("createRedactor", () => {
  it("leaves no secret of any kind in the written cassette, and keeps the rest", () => {
    const redacted = createRedactor().interaction(interaction());
    const text = serializeCassette({ version: 2, layout: cassetteLayouts.C, interactions: [redacted] });
    for (const secret of [...Object.values(secrets), "tok-123", "cs-456", "s3cr3t", "eyJhbGci"]) expect(text, secret).not.toContain(secret);
    expect(redacted.request.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini:streamGenerateContent?alt=sse&key=REDACTED&trace=REDACTED");
    expect(redacted.request.headers).toMatchObject({
      Authorization: ["REDACTED"],
      "X-Api-Key": ["REDACTED"],
      "X-Goog-Api-Key": ["REDACTED"],
      "X-Gateway-Auth": ["REDACTED"],
      "X-Custom": ["prefix REDACTED suffix"],
      "Content-Type": ["application/json"],
    });
    expect(JSON.parse(redacted.request.body as string)).toEqual({
      model: "m",
      api_key: "REDACTED",
      nested: [{ accessToken: "REDACTED", clientSecret: "REDACTED" }],
      messages: [{ role: "user", content: "hello" }],
    });
    expect(redacted.request.contentLength).toBe(new TextEncoder().encode(redacted.request.body as string).length);
    expect(redacted.response.headers!["Set-Cookie"]).toEqual(["REDACTED"]);
  });

  it("changes nothing, byte for byte, where there is no secret", () => {
    const plain: Interaction = {
      id: 0,
      request: { method: "POST", url: "https://api.example.com/v1/chat?b=2&a=%20x", headers: { "Content-Type": ["application/json"] }, body: '{ "model" : "m", "max_tokens": 5 }' },
      response: { code: 200, body: "ok" },
    };
    expect(createRedactor().interaction(plain)).toEqual(plain);
  });

  it("takes more names, or none of the defaults", () => {
    const redactor = createRedactor({ headers: ["x-org"], queryParameters: ["session"], bodyFields: ["user_id"] });
    const result = redactor.interaction({
      id: 0,
      request: { method: "GET", url: "https://x.test/?session=abc", headers: { "X-Org": ["org-1"] }, body: '{"user_id":"u-1"}' },
      response: { code: 200 },
    });
    expect(result.request).toMatchObject({ url: "https://x.test/?session=REDACTED", headers: { "X-Org": ["REDACTED"] }, body: '{"user_id":"REDACTED"}' });
    expect(createRedactor({ defaults: false }).url(`https://x.test/?key=${secrets.google}`)).toBe(`https://x.test/?key=${secrets.google}`);
  });
});

describe("a redacted cassette", () => {
  it("still matches the live request that carries the real secrets", async () => {
    const recorded = createRedactor().interaction(interaction());
    const cassette: Cassette = { version: 2, layout: cassetteLayouts.C, interactions: [recorded] };
    const live = interaction().request;
    const headers = Object.fromEntries(Object.entries(live.headers!).map(([name, values]) => [name, values[0]!]));
    const response = await createReplayFetch(cassette)(live.url, { method: "POST", headers, body: live.body as string });
    expect(await response.text()).toBe("ok");
  });
});

describe("secrets in every place a request carries them", () => {
  const key = secrets.openai;
  /** One request of each body kind, with the secret where that kind carries it. */
  function carriers(): Interaction[] {
    const boundary = "----form7MA4YWxkTrZu0gW";
    const multipart = [
      `--${boundary}\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="api_key"\r\n\r\nplain-looking-secret\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="prompt"\r\n\r\nmy key is ${key}\r\n`,
      `--${boundary}--\r\n`,
    ].join("");
    const latin1Json = Uint8Array.from([...'{"name":"caf', 0xe9, ...`","api_key":"${secrets.anthropic}","note":"${key}"}`].map((part) => (typeof part === "number" ? part : part.charCodeAt(0))));
    const request = (url: string, body: string | Uint8Array, contentType: string): Interaction => ({
      id: 0,
      request: { method: "POST", url, headers: { "Content-Type": [contentType] }, body },
      response: { code: 200, status: "200 OK", headers: { "Content-Type": ["application/json"] }, body: JSON.stringify({ access_token: "ya29.token-value", data: [] }) },
    });
    return [
      request("https://x.test/v1/upload", multipart, `multipart/form-data; boundary=${boundary}`),
      request(`https://x.test/v1/keys/${key}/usage`, "{}", "application/json"),
      request(`https://generativelanguage.googleapis.com/v1beta/${secrets.google}/models`, "{}", "application/json"),
      request("https://x.test/v1/chat", JSON.stringify({ note: `use ${key} please`, list: [[`${secrets.github}`]] }), "application/json"),
      request("https://x.test/v1/chat", JSON.stringify({ model: "m", api_key: { primary: "nested-1", backup: ["nested-2"] } }), "application/json"),
      request("https://x.test/oauth/token", `grant_type=client_credentials&client_secret=form-secret-1&scope=${encodeURIComponent(`a ${key}`)}`, "application/x-www-form-urlencoded"),
      request("https://x.test/v1/log", `plain text with ${secrets.aws} inside`, "text/plain"),
      request("https://x.test/v1/latin1", latin1Json, "application/json; charset=iso-8859-1"),
    ];
  }
  const hidden = [key, secrets.anthropic, secrets.google, secrets.github, secrets.aws, "plain-looking-secret", "nested-1", "nested-2", "form-secret-1", "ya29.token-value"];

  it("are gone from what is written, in every body kind, the URL path and the response", () => {
    const redactor = createRedactor();
    const written = serializeCassette({ version: 2, layout: cassetteLayouts.C, interactions: carriers().map((interaction, id) => ({ ...redactor.interaction(interaction), id })) });
    for (const secret of hidden) expect(written, secret).not.toContain(secret);
    const latin1 = redactor.interaction(carriers()[7]!).request.body as Uint8Array;
    // The other bytes stay as they were: é is still the one byte 0xE9, not UTF-8.
    expect(Buffer.from(latin1).toString("latin1")).toBe('{"name":"café","api_key":"REDACTED","note":"REDACTED"}');
    expect(redactor.interaction(carriers()[0]!).request.body).toContain('name="model"\r\n\r\nwhisper-1\r\n');
  });

  it("are redacted from live requests the same way, so each still matches its recording", async () => {
    const redactor = createRedactor();
    for (const interaction of carriers()) {
      const cassette: Cassette = { version: 2, layout: cassetteLayouts.C, interactions: [redactor.interaction(interaction)] };
      const { url, body, headers } = interaction.request;
      const response = await createReplayFetch(cassette)(url, { method: "POST", headers: { "content-type": headers!["Content-Type"]![0]! }, body: body as BodyInit });
      expect(response.status, url).toBe(200);
    }
  });
});
