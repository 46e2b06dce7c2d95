/**
 * The one interface every chat provider implements (Claude through the SDK, the offline mini
 * model). Pure types: safe to import from the browser.
 */

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

export interface ChatRequest {
  /** Provider-specific model id, e.g. "claude-haiku-4-5" or "mini". */
  model: string;
  /** The full system prompt, already including the non-removable safety preamble. */
  system: string;
  messages: ChatMessage[];
  maxTokens: number;
  /** 0–1. */
  temperature: number;
  topK?: number;
  /**
   * The reader's language. Never sent to a model service; the mini model, which tells languages
   * apart by their text alone, leans on it where the text fits two (你好 is Simplified and
   * Traditional alike): a student on a 繁體 page is answered in 繁體.
   */
  locale?: string;
}

/** Why a call failed, in terms the UI turns into a message in the student's language. */
export const PROVIDER_ERROR_CODES = [
  "bad_request", // 400
  "auth", // 401: the server's key is missing or wrong
  "permission", // 403
  "not_found", // 404: e.g. the configured model id does not exist
  "too_large", // 413
  "rate_limited", // 429
  "server", // 500 and other 5xx
  "overloaded", // 529
  "timeout",
  "connection", // reset, refused, DNS…
  "address_refused", // the server's policy does not allow connecting to the connection's address
  "stream_error", // an `error` event in the middle of a stream
  "aborted", // the student pressed stop or closed the page
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

export type ChatEvent =
  | { type: "text"; text: string }
  /** Final token counts; sent once, before `done` (or before `error` when known). */
  | { type: "usage"; inputTokens: number; outputTokens: number; /** The endpoint reported none: counted from the text. */ estimated?: boolean }
  | { type: "done"; stopReason: string | null }
  | { type: "error"; code: ProviderErrorCode; status?: number };

export interface ChatProvider {
  readonly id: "claude" | "mini";
  /** Streams events; always ends with exactly one `done` or `error` event; never throws. */
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatEvent>;
}
