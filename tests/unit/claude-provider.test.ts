/**
 * The Claude provider, driven through the real @anthropic-ai/sdk against the fake Anthropic API
 * (a real HTTP server on 127.0.0.1). Nothing here mocks the SDK.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  classifyError,
  createAnthropicClient,
  createClaudeProvider,
  errorCodeForStatus,
  listClaudeModels,
  type ClaudeConfig,
} from "~/playground/claude.server";
import { providerErrorMessage } from "~/playground/error-messages.server";
import { PROVIDER_ERROR_CODES, type ChatEvent, type ChatRequest } from "~/playground/provider";
import {
  countFakeTokens,
  DEFAULT_FAKE_MODELS,
  defaultFakeReply,
  startFakeAnthropic,
  type FakeAnthropic,
  type ScriptStep,
} from "../../scripts/harness/fake-anthropic";

const REQUEST: ChatRequest = {
  model: "claude-haiku-4-5",
  system: "You are a patient tutor for students.",
  messages: [{ role: "user", content: "What is a token in a language model?" }],
  maxTokens: 256,
  temperature: 0.7,
  topK: 40,
};
const EXPECTED_INPUT_TOKENS = countFakeTokens(REQUEST.system) + countFakeTokens(REQUEST.messages[0]!.content);

let fake: FakeAnthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterEach(() => {
  fake.reset();
});
afterAll(async () => {
  await fake.close();
});

function claude(overrides: Partial<ClaudeConfig> = {}) {
  return createClaudeProvider({ apiKey: fake.apiKey, baseURL: fake.url, timeoutMs: 2_000, maxRetries: 0, ...overrides });
}

async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const seen: ChatEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

function run(overrides: Partial<ClaudeConfig> = {}, request: ChatRequest = REQUEST, signal = new AbortController().signal) {
  return collect(claude(overrides).stream(request, signal));
}

function texts(events: ChatEvent[]): string[] {
  return events.flatMap((event) => (event.type === "text" ? [event.text] : []));
}

/** The provider contract: exactly one terminal event, and it is the last one. */
function terminalOf(events: ChatEvent[]): ChatEvent {
  const terminals = events.filter((event) => event.type === "done" || event.type === "error");
  expect(terminals).toHaveLength(1);
  expect(events.at(-1)).toBe(terminals[0]);
  return terminals[0]!;
}

describe("Claude provider: streaming", () => {
  it("streams the answer in order over several text events, then usage, then done", async () => {
    const events = await run();
    const expected = defaultFakeReply(REQUEST.messages[0]!.content);

    expect(texts(events).length).toBeGreaterThan(3);
    expect(texts(events).join("")).toBe(expected);
    expect(events.slice(-2)).toEqual([
      { type: "usage", inputTokens: EXPECTED_INPUT_TOKENS, outputTokens: countFakeTokens(expected) },
      { type: "done", stopReason: "end_turn" },
    ]);
    terminalOf(events);
  });

  it("sends model, system prompt, every message, max_tokens, temperature and top_k", async () => {
    const conversation: ChatRequest = {
      ...REQUEST,
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello! What shall we learn?" },
        { role: "user", content: "Tokens, please" },
      ],
    };
    await run({}, conversation);

    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body).toEqual({
      model: "claude-haiku-4-5",
      system: REQUEST.system,
      messages: conversation.messages,
      max_tokens: 256,
      temperature: 0.7,
      top_k: 40,
      stream: true,
    });
  });

  it("stops at max_tokens the way the real model does", async () => {
    const events = await run({}, { ...REQUEST, maxTokens: 2 });
    expect(texts(events)).toHaveLength(2);
    expect(events.slice(-2)).toEqual([
      { type: "usage", inputTokens: EXPECTED_INPUT_TOKENS, outputTokens: 2 },
      { type: "done", stopReason: "max_tokens" },
    ]);
  });

  it("plays a scripted chunk list exactly, with its usage", async () => {
    fake.script({ kind: "reply", chunks: ["Tok", "ens ", "are ", "pieces."], inputTokens: 11, outputTokens: 4 });
    const events = await run();
    expect(texts(events)).toEqual(["Tok", "ens ", "are ", "pieces."]);
    expect(events.at(-2)).toEqual({ type: "usage", inputTokens: 11, outputTokens: 4 });
  });
});

describe("Claude provider: every fault ends in one error event with the right code", () => {
  const httpFaults: Array<[status: number, code: string, errorType: string]> = [
    [400, "bad_request", "invalid_request_error"],
    [401, "auth", "authentication_error"],
    [403, "permission", "permission_error"],
    [404, "not_found", "not_found_error"],
    [413, "too_large", "request_too_large"],
    [429, "rate_limited", "rate_limit_error"],
    [500, "server", "api_error"],
    [503, "server", "api_error"],
    [529, "overloaded", "overloaded_error"],
  ];

  it.each(httpFaults)("HTTP %i → %s (body type %s)", async (status, code, errorType) => {
    fake.script({ kind: "http_error", status });
    expect(await run()).toEqual([{ type: "error", code, status }]);

    // The same fault seen by the bare SDK: the fake's error body has the API's error type.
    fake.script({ kind: "http_error", status });
    const sdk = createAnthropicClient({ apiKey: fake.apiKey, baseURL: fake.url, maxRetries: 0 });
    const error = await sdk.messages
      .create({ model: REQUEST.model, max_tokens: 10, messages: REQUEST.messages })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status, type: errorType });
  });

  it("an error event mid-stream keeps the streamed text and is not retried", async () => {
    fake.script({ kind: "stream_error", afterChunks: ["Tokens ", "are "], errorType: "overloaded_error" });
    const events = await run({ maxRetries: 2 });

    expect(texts(events)).toEqual(["Tokens ", "are "]);
    // message_start's count (1) is all the API said; the text that came is counted (at ~3 characters a token)
    expect(events.slice(-2)).toEqual([
      { type: "usage", inputTokens: EXPECTED_INPUT_TOKENS, outputTokens: Math.ceil("Tokens are ".length / 3), estimated: true },
      { type: "error", code: "stream_error" },
    ]);
    terminalOf(events);
    expect(fake.requests).toHaveLength(1);
  });

  it("a connection reset mid-stream keeps the streamed text and ends in connection", async () => {
    fake.script({ kind: "reset", when: "mid_stream", afterChunks: ["Half ", "an "] });
    const events = await run({ maxRetries: 2 });

    expect(texts(events)).toEqual(["Half ", "an "]);
    expect(events.slice(-2)).toEqual([
      { type: "usage", inputTokens: EXPECTED_INPUT_TOKENS, outputTokens: Math.ceil("Half an ".length / 3), estimated: true },
      { type: "error", code: "connection" },
    ]);
    terminalOf(events);
    expect(fake.requests).toHaveLength(1);
  });

  it("a Chinese reply cut off mid-way is counted about a token a character", async () => {
    fake.script({ kind: "reset", when: "mid_stream", afterChunks: ["词元是模型", "读写文字的小单位。"] });
    const events = await run({ maxRetries: 0 });
    const usage = events.find((e) => e.type === "usage") as { outputTokens: number; estimated?: boolean };
    expect(usage).toMatchObject({ outputTokens: 14, estimated: true }); // 13 Chinese characters, and the full stop as a third of one (rounded up)
  });

  it("a connection reset before any header ends in connection", async () => {
    fake.script({ kind: "reset", when: "before_headers" });
    expect(await run()).toEqual([{ type: "error", code: "connection" }]);
  });

  it("a server that never answers ends in timeout, and the request is dropped", async () => {
    fake.script({ kind: "hang", when: "before_headers" });
    const started = Date.now();
    expect(await run({ timeoutMs: 150 })).toEqual([{ type: "error", code: "timeout" }]);
    expect(Date.now() - started).toBeLessThan(1_500);
    await fake.waitForDisconnects(1);
  });

  it("a stream that goes silent ends in timeout and keeps the text so far", async () => {
    fake.script({ kind: "hang", when: "mid_stream", afterChunks: ["Still ", "thinking "] });
    const events = await run({ timeoutMs: 150 });

    expect(texts(events)).toEqual(["Still ", "thinking "]);
    expect(events.at(-1)).toEqual({ type: "error", code: "timeout" });
    terminalOf(events);
    await fake.waitForDisconnects(1);
  });

  it("an unknown model id is a 404 not_found", async () => {
    expect(await run({}, { ...REQUEST, model: "claude-imaginary-9" })).toEqual([
      { type: "error", code: "not_found", status: 404 },
    ]);
  });
});

describe("Claude provider: retries are the SDK's own", () => {
  it("a 429 with retry-after: 0, then success, ends in success", async () => {
    fake.script({ kind: "http_error", status: 429, retryAfter: 0 });
    const events = await run({ maxRetries: 2 });

    expect(terminalOf(events)).toEqual({ type: "done", stopReason: "end_turn" });
    expect(texts(events).join("")).toBe(defaultFakeReply(REQUEST.messages[0]!.content));
    expect(fake.requests.map((r) => r.headers["x-stainless-retry-count"])).toEqual(["0", "1"]);
  });

  it("honours a short retry-after and gives up after maxRetries", async () => {
    const overloaded: ScriptStep = { kind: "http_error", status: 529, retryAfter: "0.01" };
    fake.script(overloaded, overloaded, overloaded);
    const started = Date.now();
    const events = await run({ maxRetries: 2 });

    expect(events).toEqual([{ type: "error", code: "overloaded", status: 529 }]);
    expect(fake.requests).toHaveLength(3);
    // The SDK's own backoff would wait over a second for two retries.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("a connection reset before headers is retried", async () => {
    fake.script({ kind: "reset", when: "before_headers" });
    const events = await run({ maxRetries: 1 });
    expect(terminalOf(events)).toEqual({ type: "done", stopReason: "end_turn" });
    expect(fake.requests).toHaveLength(2);
  });
});

describe("Claude provider: stopping", () => {
  const slowAnswer: ScriptStep = { kind: "reply", chunks: Array(30).fill("word "), tokenDelayMs: 25 };

  it("aborting the signal mid-stream ends in aborted and drops the upstream request", async () => {
    fake.script(slowAnswer);
    const stop = new AbortController();
    const events: ChatEvent[] = [];
    for await (const event of claude().stream(REQUEST, stop.signal)) {
      events.push(event);
      if (event.type === "text") stop.abort();
    }

    expect(texts(events).length).toBeGreaterThanOrEqual(1);
    expect(texts(events).length).toBeLessThan(30);
    expect(events.at(-1)).toEqual({ type: "error", code: "aborted" });
    terminalOf(events);
    await fake.waitForDisconnects(1);
    expect(fake.requests[0]!.disconnected).toBe(true);
  });

  it("a consumer that stops reading also drops the upstream request", async () => {
    fake.script(slowAnswer);
    for await (const event of claude().stream(REQUEST, new AbortController().signal)) {
      if (event.type === "text") break;
    }
    await fake.waitForDisconnects(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const stop = new AbortController();
    stop.abort();
    expect(await run({}, REQUEST, stop.signal)).toEqual([{ type: "error", code: "aborted" }]);
    expect(fake.requests).toHaveLength(0);
  });

  it("stop works while the SDK waits to retry", async () => {
    fake.script({ kind: "http_error", status: 429, retryAfter: 30 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const started = Date.now();
    expect(await run({ maxRetries: 2 }, REQUEST, stop.signal)).toEqual([{ type: "error", code: "aborted" }]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("API key handling", () => {
  it("the SDK sends the key as a bearer token with anthropic-version, and the fake records no key", async () => {
    await run();
    const [request] = fake.requests;
    expect(request!.auth).toBe("bearer");
    expect(request!.headers["anthropic-version"]).toBeTruthy();
    expect(request!.headers).not.toHaveProperty("authorization");
    expect(request!.headers).not.toHaveProperty("x-api-key");
    expect(JSON.stringify(fake.requests)).not.toContain(fake.apiKey);
  });

  it("a wrong key ends in auth with status 401", async () => {
    expect(await run({ apiKey: "sk-wrong" })).toEqual([{ type: "error", code: "auth", status: 401 }]);
  });

  it("a blank key fails as auth without calling the API", async () => {
    expect(await run({ apiKey: "  " })).toEqual([{ type: "error", code: "auth" }]);
    expect(fake.requests).toHaveLength(0);
  });

  it("the fake accepts x-api-key or Bearer and rejects a wrong or missing key or version", async () => {
    const body = JSON.stringify({ model: REQUEST.model, max_tokens: 5, messages: REQUEST.messages });
    const post = (headers: Record<string, string>) =>
      fetch(`${fake.url}/v1/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const version = { "anthropic-version": "2023-06-01" };

    expect((await post({ ...version, "x-api-key": fake.apiKey })).status).toBe(200);
    expect((await post({ ...version, authorization: `Bearer ${fake.apiKey}` })).status).toBe(200);

    const wrong = await post({ ...version, "x-api-key": "nope" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      type: "error",
      error: { type: "authentication_error", message: expect.any(String) },
      request_id: expect.stringMatching(/^req_/),
    });
    expect((await post(version)).status).toBe(401);

    const noVersion = await post({ "x-api-key": fake.apiKey });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    expect(fake.requests.map((r) => r.auth)).toEqual(["x-api-key", "bearer", "x-api-key", "none", "x-api-key"]);
  });
});

describe("JSON responses and the Models API", () => {
  it("messages.create without streaming returns the Messages API shape", async () => {
    const sdk = createAnthropicClient({ apiKey: fake.apiKey, baseURL: fake.url, maxRetries: 0 });
    const message = await sdk.messages.create({
      model: REQUEST.model,
      system: REQUEST.system,
      max_tokens: 100,
      messages: REQUEST.messages,
    });
    expect(message).toEqual({
      id: expect.stringMatching(/^msg_/),
      type: "message",
      role: "assistant",
      model: REQUEST.model,
      content: [{ type: "text", text: defaultFakeReply(REQUEST.messages[0]!.content) }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: expect.objectContaining({
        input_tokens: EXPECTED_INPUT_TOKENS,
        output_tokens: countFakeTokens(defaultFakeReply(REQUEST.messages[0]!.content)),
      }),
    });
  });

  it("listClaudeModels returns every model, newest first", async () => {
    const result = await listClaudeModels({ apiKey: fake.apiKey, baseURL: fake.url });
    expect(result).toEqual({
      ok: true,
      models: DEFAULT_FAKE_MODELS.map((m) => ({ id: m.id, displayName: m.display_name, createdAt: m.created_at })),
    });
  });

  it("the fake pages the model list the way the SDK's auto-pagination expects", async () => {
    const sdk = createAnthropicClient({ apiKey: fake.apiKey, baseURL: fake.url, maxRetries: 0 });
    const ids: string[] = [];
    for await (const model of sdk.models.list({ limit: 2 })) ids.push(model.id);
    expect(ids).toEqual(DEFAULT_FAKE_MODELS.map((m) => m.id));
    // pages of two: the first without a cursor, each next one after the last id of the page before
    const cursors = [null, ...DEFAULT_FAKE_MODELS.map((m) => m.id).filter((_, i) => i % 2 === 1 && i < DEFAULT_FAKE_MODELS.length - 1)];
    expect(fake.requests.map((r) => r.query.after_id ?? null)).toEqual(cursors);
  });

  it("listClaudeModels reports a wrong key as auth instead of throwing", async () => {
    expect(await listClaudeModels({ apiKey: "sk-wrong", baseURL: fake.url, maxRetries: 0 })).toEqual({
      ok: false,
      code: "auth",
      status: 401,
    });
  });
});

describe("error mapping and messages", () => {
  it("maps statuses the table above does not cover", () => {
    expect(errorCodeForStatus(402)).toBe("permission");
    expect(errorCodeForStatus(408)).toBe("timeout");
    expect(errorCodeForStatus(422)).toBe("bad_request");
    expect(errorCodeForStatus(502)).toBe("server");
    expect(classifyError(new TypeError("terminated"))).toEqual({ code: "connection" });
  });

  it("has a distinct message for every code in every locale", () => {
    for (const locale of ["en", "zh-Hans", "zh-Hant"]) {
      const messages = PROVIDER_ERROR_CODES.map((code) => providerErrorMessage(code, locale));
      expect(messages.every((m) => m.trim().length > 0)).toBe(true);
      expect(new Set(messages).size).toBe(PROVIDER_ERROR_CODES.length);
    }
    expect(providerErrorMessage("rate_limited", "zh-Hant")).not.toBe(providerErrorMessage("rate_limited", "zh-Hans"));
    expect(providerErrorMessage("auth", "fr")).toBe(providerErrorMessage("auth", "en"));
  });
});
