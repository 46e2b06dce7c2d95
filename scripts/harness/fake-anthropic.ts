/**
 * A fake Anthropic API: a real HTTP server on 127.0.0.1 speaking the Messages API (JSON and
 * server-sent events) and the Models API, with scriptable replies and faults. Tests drive the
 * real `@anthropic-ai/sdk` against it, so retries, timeouts, aborts and SSE parsing are the
 * SDK's own, not a mock's.
 *
 *   const fake = await startFakeAnthropic();
 *   fake.script({ kind: "http_error", status: 429, retryAfter: 0 }, { kind: "reply", text: "Hi" });
 *   // ...new Anthropic({ apiKey: fake.apiKey, baseURL: fake.url })...
 *   await fake.close();
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_API_KEY = "fake-key";

export interface FakeModel {
  id: string;
  display_name: string;
  created_at: string;
}

/** Newest first, as the real Models API lists them. A dated id also answers to its alias. */
export const DEFAULT_FAKE_MODELS: readonly FakeModel[] = [
  // The app's default CLAUDE_MODELS (ids the SDK knows; the dates here are test data).
  { id: "claude-sonnet-5-5", display_name: "Claude Sonnet 5.5", created_at: "2026-03-02T00:00:00Z" },
  { id: "claude-haiku-5-5", display_name: "Claude Haiku 5.5", created_at: "2026-03-01T00:00:00Z" },
  { id: "claude-sonnet-4-6", display_name: "Claude Sonnet 4.6", created_at: "2026-02-17T00:00:00Z" },
  { id: "claude-opus-4-6", display_name: "Claude Opus 4.6", created_at: "2026-02-05T00:00:00Z" },
  { id: "claude-opus-4-5-20251101", display_name: "Claude Opus 4.5", created_at: "2025-11-01T00:00:00Z" },
  { id: "claude-haiku-4-5-20251001", display_name: "Claude Haiku 4.5", created_at: "2025-10-01T00:00:00Z" },
  { id: "claude-sonnet-4-5-20250929", display_name: "Claude Sonnet 4.5", created_at: "2025-09-29T00:00:00Z" },
];

/** What the fake does with the next valid `POST /v1/messages` request. */
export type ScriptStep =
  /** A normal answer: `text` (split into tokens) or an explicit `chunks` list, one delta each. */
  | {
      kind: "reply";
      text?: string;
      chunks?: string[];
      tokenDelayMs?: number;
      stopReason?: string;
      inputTokens?: number;
      outputTokens?: number;
    }
  /** An HTTP error response with the API's error body; 429 may carry `retry-after` (seconds). */
  | {
      kind: "http_error";
      status: number;
      errorType?: string;
      message?: string;
      retryAfter?: number | string;
      headers?: Record<string, string>;
    }
  /** A stream that sends `afterChunks` as text, then an `event: error` frame, then ends. */
  | { kind: "stream_error"; afterChunks?: string[]; errorType?: string; message?: string }
  /** The server destroys the socket: before any header, or mid-stream after `afterChunks`. */
  | { kind: "reset"; when: "before_headers" | "mid_stream"; afterChunks?: string[] }
  /** The server never answers (before headers) or stops sending mid-stream, keeping the socket open. */
  | { kind: "hang"; when?: "before_headers" | "mid_stream"; afterChunks?: string[] };

export interface FakeMessagesBody {
  model?: unknown;
  system?: unknown;
  messages?: unknown;
  max_tokens?: unknown;
  temperature?: unknown;
  top_k?: unknown;
  stream?: unknown;
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; `x-api-key` and `authorization` are left out so keys never reach logs. */
  headers: Record<string, string>;
  /** Which way the client presented its key. */
  auth: "x-api-key" | "bearer" | "none";
  /** Parsed JSON body, or null (GET, or not JSON). */
  body: FakeMessagesBody | null;
  /** What the fake answered with: a script step kind, "default", or an HTTP status it chose. */
  answer: ScriptStep["kind"] | "default" | "rejected";
  /** The client closed the connection before the response was complete. */
  disconnected: boolean;
}

export interface FakeAnthropicOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  apiKey?: string;
  models?: readonly FakeModel[];
  /** Delay before each text delta of replies that set none (default 0). */
  tokenDelayMs?: number;
  /** The reply when nothing is scripted (default: `defaultFakeReply`, an echo of the last user message). */
  defaultReply?: (lastUserText: string) => string;
  /** Bodies larger than this get 413 request_too_large (default 32 MB, like the real API). */
  maxBodyBytes?: number;
  /** Behave like a local model server (Ollama, llama-server) instead of Anthropic's API. */
  quirks?: {
    /** No `usage` anywhere in the stream. */
    noUsage?: boolean;
    /** The stream ends with message_stop without a message_delta. */
    noMessageDelta?: boolean;
    /** GET /v1/models answers 404. */
    noModelsApi?: boolean;
    /** Any non-empty key is accepted. */
    anyKey?: boolean;
  };
}

export interface FakeAnthropic {
  readonly url: string;
  readonly port: number;
  readonly apiKey: string;
  /** Every request received, in order (live array). */
  readonly requests: RecordedRequest[];
  /** How many responses the client abandoned before they were complete. */
  readonly disconnects: number;
  /** Steps still queued. */
  readonly pendingSteps: number;
  /** Queues steps, one per future valid `POST /v1/messages`; afterwards the default echo resumes. */
  script(...steps: ScriptStep[]): void;
  /** Resolves once `disconnects >= count`; rejects after `timeoutMs`. */
  waitForDisconnects(count?: number, timeoutMs?: number): Promise<void>;
  /** Forgets the script, the recorded requests and the disconnect count. */
  reset(): void;
  close(): Promise<void>;
}

// ---- Deterministic "tokens" ------------------------------------------------------------------

// One token per CJK character, one per run of other non-space characters; trailing spaces stick
// to the token before them so the pieces join back to the exact text.
const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}";
const TOKEN_PATTERN = new RegExp(`(?:[${CJK}]|[^\\s${CJK}]+)\\s*`, "gu");

export function splitIntoFakeTokens(text: string): string[] {
  const pieces = text.match(TOKEN_PATTERN) ?? [];
  const leading = /^\s+/.exec(text)?.[0] ?? "";
  if (leading && pieces.length > 0) pieces[0] = leading + pieces[0];
  return pieces;
}

export function countFakeTokens(text: string): number {
  return (text.match(TOKEN_PATTERN) ?? []).length;
}

/** The reply the fake gives when nothing is scripted. */
export function defaultFakeReply(lastUserText: string): string {
  return `Echo: ${lastUserText.trim() || "(empty)"}`;
}

/** Input tokens the fake charges: the system prompt plus every message's text. */
export function fakeInputTokens(body: FakeMessagesBody): number {
  let total = countFakeTokens(textOf(body.system));
  if (Array.isArray(body.messages)) {
    for (const message of body.messages) total += countFakeTokens(textOf(message?.content));
  }
  return total;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((block) => (block && typeof block.text === "string" ? (block.text as string) : ""))
    .join("\n");
}

function lastUserText(body: FakeMessagesBody): string {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === "user") return textOf(messages[i].content);
  }
  return "";
}

// ---- Wire helpers ----------------------------------------------------------------------------

const ERROR_TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
};

const DEFAULT_ERROR_MESSAGE: Record<string, string> = {
  invalid_request_error: "Invalid request",
  authentication_error: "invalid x-api-key",
  billing_error: "Your credit balance is too low",
  permission_error: "Your API key does not have permission to use the specified resource.",
  not_found_error: "Not found",
  request_too_large: "Request exceeds the maximum allowed number of bytes.",
  rate_limit_error: "Number of request tokens has exceeded your per-minute rate limit",
  api_error: "Internal server error",
  timeout_error: "Request timeout",
  overloaded_error: "Overloaded",
};

function errorTypeFor(status: number): string {
  return ERROR_TYPE_BY_STATUS[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
}

function errorBody(type: string, message: string | undefined, requestId: string) {
  return {
    type: "error",
    error: { type, message: message ?? DEFAULT_ERROR_MESSAGE[type] ?? type },
    request_id: requestId,
  };
}

function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function usageBlock(inputTokens: number, outputTokens: number) {
  return {
    input_tokens: inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
    service_tier: "standard",
  };
}

// ---- The server ------------------------------------------------------------------------------

interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  record: RecordedRequest;
  requestId: string;
  /** Set when the fake itself kills the socket, so that is not counted as a client disconnect. */
  closedByServer: boolean;
}

/** A planned answer to one messages request, streamed or as JSON. */
interface AnswerPlan {
  chunks: string[];
  tokenDelayMs: number;
  inputTokens: number;
  outputTokens: number;
  stopReason: string;
  ending:
    | { kind: "complete" }
    | { kind: "error"; errorType: string; message: string | undefined }
    | { kind: "reset" }
    | { kind: "hang" };
}

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const apiKey = options.apiKey ?? FAKE_API_KEY;
  const models = options.models ?? DEFAULT_FAKE_MODELS;
  const defaultDelayMs = options.tokenDelayMs ?? 0;
  const maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const quirks = options.quirks ?? {};

  const queue: ScriptStep[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const disconnectWaiters = new Set<() => void>();
  let disconnects = 0;
  let sequence = 0;
  let closing = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function knownModel(id: unknown): boolean {
    if (typeof id !== "string") return false;
    return models.some((model) => model.id === id || model.id.replace(/-\d{8}$/, "") === id);
  }

  function sendJson(ex: Exchange, status: number, body: unknown, headers: Record<string, string> = {}) {
    if (ex.res.destroyed) return;
    ex.res.writeHead(status, {
      "content-type": "application/json",
      "request-id": ex.requestId,
      ...headers,
    });
    ex.res.end(JSON.stringify(body));
  }

  function sendError(ex: Exchange, status: number, message?: string, type = errorTypeFor(status), headers?: Record<string, string>) {
    sendJson(ex, status, errorBody(type, message, ex.requestId), headers);
  }

  function destroySocket(ex: Exchange) {
    ex.closedByServer = true;
    ex.req.socket.destroy();
  }

  function planFor(step: Exclude<ScriptStep, { kind: "http_error" }> | undefined, body: FakeMessagesBody): AnswerPlan {
    const inputTokens = fakeInputTokens(body);
    const partial = (chunks: string[] | undefined) => chunks ?? ["Partial ", "answer "];
    const unfinished = (chunks: string[], ending: AnswerPlan["ending"]): AnswerPlan => ({
      chunks,
      tokenDelayMs: defaultDelayMs,
      inputTokens,
      outputTokens: countFakeTokens(chunks.join("")),
      stopReason: "end_turn",
      ending,
    });

    switch (step?.kind) {
      case undefined:
      case "reply": {
        const reply = step ?? { kind: "reply" as const };
        let chunks = reply.chunks ?? splitIntoFakeTokens(reply.text ?? (options.defaultReply ?? defaultFakeReply)(lastUserText(body)));
        let stopReason = reply.stopReason ?? "end_turn";
        // Like the real model, stop mid-answer when max_tokens runs out (explicit chunk lists
        // are sent as given: a test that lists chunks wants exactly those).
        const maxTokens = typeof body.max_tokens === "number" ? body.max_tokens : Infinity;
        if (!reply.chunks && chunks.length > maxTokens) {
          chunks = chunks.slice(0, maxTokens);
          stopReason = "max_tokens";
        }
        return {
          chunks,
          tokenDelayMs: reply.tokenDelayMs ?? defaultDelayMs,
          inputTokens: reply.inputTokens ?? inputTokens,
          outputTokens: reply.outputTokens ?? countFakeTokens(chunks.join("")),
          stopReason,
          ending: { kind: "complete" },
        };
      }
      case "stream_error":
        return unfinished(partial(step.afterChunks), {
          kind: "error",
          errorType: step.errorType ?? "overloaded_error",
          message: step.message,
        });
      case "reset":
      case "hang":
        return unfinished(partial(step.afterChunks), { kind: step.kind });
    }
  }

  async function streamAnswer(ex: Exchange, model: string, messageId: string, plan: AnswerPlan) {
    const { res } = ex;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "request-id": ex.requestId,
    });
    const write = (event: string, data: unknown) => {
      if (!res.destroyed) res.write(sseFrame(event, data));
    };
    write("message_start", {
      type: "message_start",
      message: {
        id: messageId,
        type: "message",
        role: "assistant",
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        ...(quirks.noUsage ? {} : { usage: usageBlock(plan.inputTokens, 1) }),
      },
    });
    write("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    write("ping", { type: "ping" });
    for (const chunk of plan.chunks) {
      if (plan.tokenDelayMs > 0) await wait(plan.tokenDelayMs);
      if (res.destroyed) return;
      write("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: chunk } });
    }
    switch (plan.ending.kind) {
      case "complete":
        write("content_block_stop", { type: "content_block_stop", index: 0 });
        if (!quirks.noMessageDelta) {
          write("message_delta", {
            type: "message_delta",
            delta: { stop_reason: plan.stopReason, stop_sequence: null },
            ...(quirks.noUsage ? {} : { usage: { output_tokens: plan.outputTokens } }),
          });
        }
        write("message_stop", { type: "message_stop" });
        res.end();
        return;
      case "error":
        write("error", errorBody(plan.ending.errorType, plan.ending.message, ex.requestId));
        res.end();
        return;
      case "reset":
        // Let the frames already written reach the client before the socket dies.
        await wait(10);
        destroySocket(ex);
        return;
      case "hang":
        return;
    }
  }

  function jsonAnswer(ex: Exchange, model: string, messageId: string, plan: AnswerPlan) {
    switch (plan.ending.kind) {
      case "complete":
        return sendJson(ex, 200, {
          id: messageId,
          type: "message",
          role: "assistant",
          model,
          content: [{ type: "text", text: plan.chunks.join("") }],
          stop_reason: plan.stopReason,
          stop_sequence: null,
          usage: usageBlock(plan.inputTokens, plan.outputTokens),
        });
      case "error": {
        // A non-streaming request cannot fail "mid-stream": the same failure arrives as a status.
        const status = plan.ending.errorType === "overloaded_error" ? 529 : 500;
        return sendError(ex, status, plan.ending.message, plan.ending.errorType);
      }
      case "reset":
        ex.res.writeHead(200, { "content-type": "application/json", "request-id": ex.requestId });
        ex.res.write('{"id":"');
        setImmediate(() => destroySocket(ex));
        return;
      case "hang":
        return;
    }
  }

  function validateMessagesBody(ex: Exchange, body: FakeMessagesBody | null): body is FakeMessagesBody {
    const invalid = (message: string) => {
      sendError(ex, 400, message);
      return false;
    };
    if (!body || typeof body !== "object") return invalid("There was an error parsing the body of your request");
    if (typeof body.model !== "string") return invalid("model: Field required");
    if (typeof body.max_tokens !== "number" || !Number.isInteger(body.max_tokens) || body.max_tokens < 1) {
      return invalid("max_tokens: Field required and must be a positive integer");
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return invalid("messages: at least one message is required");
    }
    if (body.temperature !== undefined && (typeof body.temperature !== "number" || body.temperature < 0 || body.temperature > 1)) {
      return invalid("temperature: range: 0..1");
    }
    if (body.top_k !== undefined && (typeof body.top_k !== "number" || !Number.isInteger(body.top_k) || body.top_k < 0)) {
      return invalid("top_k: must be a non-negative integer");
    }
    if (!knownModel(body.model)) {
      sendError(ex, 404, `model: ${body.model}`);
      return false;
    }
    return true;
  }

  async function handleMessages(ex: Exchange, body: FakeMessagesBody | null) {
    if (!validateMessagesBody(ex, body)) return;
    const step = queue.shift();
    ex.record.answer = step?.kind ?? "default";

    if (step?.kind === "http_error") {
      const headers: Record<string, string> = { ...step.headers };
      if (step.retryAfter !== undefined) headers["retry-after"] = String(step.retryAfter);
      return sendError(ex, step.status, step.message, step.errorType ?? errorTypeFor(step.status), headers);
    }
    if ((step?.kind === "reset" || step?.kind === "hang") && (step.when ?? "before_headers") === "before_headers") {
      if (step.kind === "reset") destroySocket(ex);
      return;
    }

    const messageId = `msg_fake_${String(sequence).padStart(6, "0")}`;
    const model = body.model as string;
    const plan = planFor(step, body);
    if (body.stream === true) await streamAnswer(ex, model, messageId, plan);
    else jsonAnswer(ex, model, messageId, plan);
  }

  function handleModels(ex: Exchange, query: Record<string, string>) {
    const limit = Math.min(Math.max(Number(query.limit ?? 20) || 20, 1), 1000);
    let start = 0;
    let end = models.length;
    if (query.after_id) start = models.findIndex((m) => m.id === query.after_id) + 1;
    if (query.before_id) end = Math.max(models.findIndex((m) => m.id === query.before_id), 0);
    const page = query.before_id
      ? models.slice(Math.max(end - limit, 0), end)
      : models.slice(start, start + limit);
    const hasMore = query.before_id ? end - limit > 0 : start + limit < models.length;
    sendJson(ex, 200, {
      data: page.map((m) => ({ type: "model", ...m })),
      has_more: hasMore,
      first_id: page[0]?.id ?? null,
      last_id: page[page.length - 1]?.id ?? null,
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    sequence += 1;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === "x-api-key" || name === "authorization" || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const xApiKey = req.headers["x-api-key"];
    const presentedKey = typeof xApiKey === "string" ? xApiKey : bearer;
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      auth: typeof xApiKey === "string" ? "x-api-key" : bearer ? "bearer" : "none",
      body: null,
      answer: "rejected",
      disconnected: false,
    };
    requests.push(record);
    const ex: Exchange = { req, res, record, requestId: `req_fake_${String(sequence).padStart(6, "0")}`, closedByServer: false };

    res.on("close", () => {
      if (res.writableFinished || ex.closedByServer || closing) return;
      record.disconnected = true;
      disconnects += 1;
      for (const notify of disconnectWaiters) notify();
    });

    const raw = await readBody(req, maxBodyBytes);
    if (raw === "too_large") return sendError(ex, 413);
    if (raw.length > 0) {
      try {
        record.body = JSON.parse(raw) as FakeMessagesBody;
      } catch {
        record.body = null;
      }
    }

    if (presentedKey === undefined) return sendError(ex, 401, "x-api-key header is required");
    if (presentedKey !== apiKey && !(quirks.anyKey && presentedKey)) return sendError(ex, 401, "invalid x-api-key");
    if (!req.headers["anthropic-version"]) return sendError(ex, 400, "anthropic-version: header is required");

    if (req.method === "POST" && url.pathname === "/v1/messages") return handleMessages(ex, record.body);
    if (req.method === "GET" && url.pathname === "/v1/models" && !quirks.noModelsApi) {
      record.answer = "default";
      return handleModels(ex, record.query);
    }
    sendError(ex, 404, `Not found: ${req.method} ${url.pathname}`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiKey,
    requests,
    get disconnects() {
      return disconnects;
    },
    get pendingSteps() {
      return queue.length;
    },
    script(...steps) {
      queue.push(...steps);
    },
    waitForDisconnects(count = 1, timeoutMs = 2_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (disconnects < count) return;
          clearTimeout(timer);
          disconnectWaiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          disconnectWaiters.delete(check);
          reject(new Error(`expected ${count} client disconnect(s), saw ${disconnects}`));
        }, timeoutMs);
        disconnectWaiters.add(check);
        check();
      });
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
      disconnects = 0;
    },
    close() {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging and keep-alive connections would otherwise hold close() open forever.
        server.closeAllConnections();
      });
    },
  };
}

async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string | "too_large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return "too_large";
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
