/**
 * The app's one Anthropic client, and the Claude chat provider built on it.
 *
 * Everything the SDK can throw is turned into ChatEvents here, so callers only ever see the
 * provider contract: text…, usage, then exactly one `done` or `error`.
 */
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "@anthropic-ai/sdk";
import { guardedFetch, isAddressRefused, refusalIsFinal } from "./outbound.server";
import type { ChatEvent, ChatProvider, ChatRequest, ProviderErrorCode } from "./provider";

export interface ClaudeConfig {
  apiKey: string;
  /** An Anthropic-compatible gateway, or the fake API in tests. */
  baseURL?: string;
  /** Per attempt, until the response headers arrive; also the longest silence allowed mid-stream. */
  timeoutMs?: number;
  /** The SDK's own retries (429, 5xx, 529, connection failures); it honours `retry-after`. */
  maxRetries?: number;
  /**
   * A school's connection, at an address an admin typed: connected to only where the server's
   * address policy allows (outbound.server.ts). The environment's own Claude is the operator's.
   */
  guarded?: boolean;
}

export interface ProviderFailure {
  code: ProviderErrorCode;
  status?: number;
}

const DEFAULT_BASE_URL = "https://api.anthropic.com";

export function createAnthropicClient({ apiKey, baseURL, timeoutMs = 60_000, maxRetries = 2, guarded = false }: ClaudeConfig): Anthropic {
  return new Anthropic({
    // Always explicit: without a key the SDK goes looking for profiles and config files, and
    // without a base URL it reads ANTHROPIC_BASE_URL itself (env is read only in env.server.ts).
    apiKey,
    baseURL: baseURL ?? DEFAULT_BASE_URL,
    timeout: timeoutMs,
    maxRetries,
    ...(guarded ? { fetch: guardedFetch, middleware: [refusalIsFinal] } : {}),
  });
}

export function createClaudeProvider(config: ClaudeConfig): ChatProvider {
  const client = createAnthropicClient(config);
  const idleTimeoutMs = config.timeoutMs ?? 60_000;
  return {
    id: "claude",
    stream(request, signal) {
      if (!config.apiKey.trim()) return failImmediately({ code: "auth" });
      return streamClaude(client, idleTimeoutMs, request, signal);
    },
  };
}

async function* failImmediately(failure: ProviderFailure): AsyncGenerator<ChatEvent> {
  yield { type: "error", ...failure };
}

async function* streamClaude(
  client: Anthropic,
  idleTimeoutMs: number,
  request: ChatRequest,
  signal: AbortSignal,
): AsyncGenerator<ChatEvent> {
  if (signal.aborted) {
    yield { type: "error", code: "aborted" };
    return;
  }
  // Our own controller, so the upstream request is cancelled on every way out: the caller's
  // signal, a stalled stream, or a consumer that stops iterating early.
  const upstream = new AbortController();
  const abortUpstream = () => upstream.abort();
  signal.addEventListener("abort", abortUpstream, { once: true });
  // The SDK's timeout only covers the wait for response headers; a stream that goes silent
  // afterwards would hang the student's page forever without this.
  let stalled = false;
  const idleTimer = new IdleTimer(idleTimeoutMs, () => {
    stalled = true;
    upstream.abort();
  });

  let inputTokens: number | undefined;
  let outputTokens = 0;
  // Local servers may report no usage at all; then budgets are charged an estimate.
  let sawUsage = false;
  let started = false;
  let outputChars = 0;
  // Chinese runs about a token a character, not three characters a token
  let outputHan = 0;
  let stopReason: string | null = null;
  let finished = false;
  let failure: ProviderFailure | undefined;

  try {
    const events = await client.messages.create(toMessagesParams(request), { signal: upstream.signal });
    started = true;
    idleTimer.start();
    for await (const event of events) {
      idleTimer.start();
      switch (event.type) {
        case "message_start":
          // Some compatible servers send no usage at all; the caller then estimates.
          if (event.message.usage) {
            sawUsage = true;
            inputTokens = event.message.usage.input_tokens;
            outputTokens = event.message.usage.output_tokens;
          }
          break;
        case "content_block_delta":
          if (event.delta.type === "text_delta" && event.delta.text) {
            // A slow reader is not a stalled upstream.
            idleTimer.stop();
            outputChars += event.delta.text.length;
            outputHan += event.delta.text.match(HAN)?.length ?? 0;
            yield { type: "text", text: event.delta.text };
            idleTimer.start();
          }
          break;
        case "message_delta":
          if (event.usage) {
            sawUsage = true;
            outputTokens = event.usage.output_tokens;
          }
          stopReason = event.delta?.stop_reason ?? stopReason;
          break;
        case "message_stop":
          finished = true;
          break;
      }
    }
    // The SDK ends the iteration quietly when aborted; a stream that simply stops is cut off.
    if (!finished) failure = classifyInterruption(signal.aborted, stalled) ?? { code: "connection" };
  } catch (error) {
    failure = classifyInterruption(signal.aborted, stalled) ?? classifyError(error);
  } finally {
    idleTimer.stop();
    signal.removeEventListener("abort", abortUpstream);
    if (!finished) upstream.abort();
  }

  const sentTokens = outputHan + Math.ceil((outputChars - outputHan) / CHARS_PER_TOKEN);
  if (started && !sawUsage) {
    yield { type: "usage", inputTokens: estimateTokens(request), outputTokens: sentTokens, estimated: true };
  } else if (failure && sentTokens > outputTokens) {
    // Cut off mid-reply: the last count is message_start's (1), but the text that came was made
    // and is charged for; the budget and the student's count take it from the text.
    yield { type: "usage", inputTokens: inputTokens ?? 0, outputTokens: sentTokens, estimated: true };
  } else if (inputTokens !== undefined || !failure) {
    yield { type: "usage", inputTokens: inputTokens ?? 0, outputTokens };
  }
  if (failure) yield { type: "error", ...failure };
  else yield { type: "done", stopReason };
}

/** A rough, deliberately generous count for servers that report none (about 3 characters a token, on the high side). */
const CHARS_PER_TOKEN = 3;
const HAN = /\p{Script=Han}/gu;
function estimateTokens(request: ChatRequest): number {
  const chars = request.system.length + request.messages.reduce((n, m) => n + m.content.length, 0);
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

function toMessagesParams(request: ChatRequest) {
  return {
    model: request.model,
    // The API rejects an empty system prompt; omit it instead.
    ...(request.system ? { system: request.system } : {}),
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    ...(request.topK !== undefined ? { top_k: request.topK } : {}),
    stream: true as const,
  };
}

function classifyInterruption(aborted: boolean, stalled: boolean): ProviderFailure | undefined {
  if (aborted) return { code: "aborted" };
  if (stalled) return { code: "timeout" };
  return undefined;
}

/** Maps anything the SDK throws to a provider error code. Order matters: subclasses first. */
export function classifyError(error: unknown): ProviderFailure {
  if (isAddressRefused(error)) return { code: "address_refused" };
  if (error instanceof APIUserAbortError) return { code: "aborted" };
  if (error instanceof APIConnectionTimeoutError) return { code: "timeout" };
  if (error instanceof APIConnectionError) return { code: "connection" };
  if (error instanceof APIError) {
    // Only an `event: error` frame inside a 200 stream produces an APIError without a status.
    if (error.status === undefined) return { code: "stream_error" };
    return { code: errorCodeForStatus(error.status), status: error.status };
  }
  // Malformed SSE data.
  if (error instanceof SyntaxError) return { code: "stream_error" };
  // Anything else is the network failing under the body (undici's "terminated").
  return { code: "connection" };
}

export function errorCodeForStatus(status: number): ProviderErrorCode {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "auth";
    case 402: // billing: the school's account, not the student, needs attention
    case 403:
      return "permission";
    case 404:
      return "not_found";
    case 408:
      return "timeout";
    case 413:
      return "too_large";
    case 429:
      return "rate_limited";
    case 529:
      return "overloaded";
  }
  return status >= 500 ? "server" : "bad_request";
}

export interface ClaudeModelInfo {
  id: string;
  displayName: string;
  createdAt: string;
}

export type ListClaudeModelsResult =
  | { ok: true; models: ClaudeModelInfo[] }
  | ({ ok: false } & ProviderFailure);

/** The models the configured key may use, newest first, for the admin's model picker. */
export async function listClaudeModels(config: ClaudeConfig, signal?: AbortSignal): Promise<ListClaudeModelsResult> {
  if (!config.apiKey.trim()) return { ok: false, code: "auth" };
  const client = createAnthropicClient(config);
  const models: ClaudeModelInfo[] = [];
  try {
    for await (const model of client.models.list({ limit: 100 }, { signal })) {
      models.push({ id: model.id, displayName: model.display_name, createdAt: model.created_at });
      if (models.length >= 1_000) break; // a runaway paginator must not hang an admin page
    }
    return { ok: true, models };
  } catch (error) {
    return { ok: false, ...(signal?.aborted ? { code: "aborted" as const } : classifyError(error)) };
  }
}

/** A restartable one-shot timer: fires `onIdle` if not restarted within `ms`. */
class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {}
  start() {
    this.stop();
    this.timer = setTimeout(this.onIdle, this.ms);
  }
  stop() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
