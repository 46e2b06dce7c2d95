/**
 * Sends the chat form to the stream route and follows its server-sent events, so the reply
 * appears token by token. `stop()` aborts the fetch: the server sees the connection close and
 * drops the upstream request. No library: fetch, a TextDecoder and our 40-line event parser.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { createEventParser, type StreamEvent, type SupportCardView } from "~/playground/chat-events";

export const STREAM_URL = "/api/playground/stream";

export interface PendingExchange {
  /** null until the server names the new conversation. */
  conversationId: string | null;
  /** Messages the conversation had stored when this exchange began. */
  baseCount: number;
  regenerate: boolean;
  prompt: string;
  model: string;
  text: string;
  usage: { inputTokens: number; outputTokens: number; estimated: boolean } | null;
  state: "streaming" | "done" | "error" | "stopped";
  /** The message matched crisis detection: the support card, and whether the model saw it. */
  support: { card: SupportCardView; held: boolean } | null;
  error: { code: string; message: string; stored: boolean } | null;
  /** The reply was stopped for harming the child: this says so, in place of its words. */
  withheld: string | null;
}

interface Options {
  /** The server has started (and stored) the exchange in this conversation. */
  onStart(conversationId: string): void;
  /** The exchange is over and stored: time to reload the conversation. */
  onSettled(conversationId: string | null): void;
  messages: { networkError: string; stopped: string };
}

export function useChatStream({ onStart, onSettled, messages }: Options) {
  const [pending, setPending] = useState<PendingExchange | null>(null);
  const controller = useRef<AbortController | null>(null);
  const callbacks = useRef({ onStart, onSettled });
  callbacks.current = { onStart, onSettled };

  const mounted = useRef(true);
  // Leaving the page stops the stream (the server stores what arrived so far).
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const send = useCallback(
    async (form: FormData, base: { conversationId: string | null; baseCount: number }) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const regenerate = form.get("intent") === "regenerate";
      let conversationId = base.conversationId;
      const update = (patch: (p: PendingExchange) => Partial<PendingExchange>) =>
        setPending((p) => (p && controller.current === abort ? { ...p, ...patch(p) } : p));
      setPending({
        conversationId,
        baseCount: base.baseCount,
        regenerate,
        prompt: regenerate ? "" : String(form.get("prompt") ?? ""),
        model: String(form.get("model") ?? ""),
        text: "",
        usage: null,
        support: null,
        state: "streaming",
        error: null,
        withheld: null,
      });

      let ended = false;
      const onEvent = (event: StreamEvent) => {
        switch (event.type) {
          case "start":
            conversationId = event.conversationId;
            update(() => ({ conversationId }));
            callbacks.current.onStart(event.conversationId);
            break;
          case "support":
            update(() => ({ support: { card: event.card, held: event.held } }));
            break;
          case "text":
            update((p) => ({ text: p.text + event.text }));
            break;
          case "usage":
            update(() => ({
              usage: { inputTokens: event.inputTokens, outputTokens: event.outputTokens, estimated: event.estimated === true },
            }));
            break;
          case "done":
            ended = true;
            // a reply stopped for harming the child leaves the screen at once
            update(() => (event.withheld ? { state: "done", text: "", withheld: event.withheld } : { state: "done" }));
            callbacks.current.onSettled(conversationId);
            break;
          case "error": {
            ended = true;
            const stored = Boolean(event.messageId);
            conversationId = event.conversationId ?? conversationId;
            update(() => ({ state: "error", conversationId, error: { code: event.code, message: event.message, stored } }));
            if (stored) callbacks.current.onSettled(conversationId);
            break;
          }
        }
      };

      const stopped = () => {
        update(() => ({ state: "stopped", error: { code: "aborted", message: messages.stopped, stored: true } }));
        // The server stores the unfinished reply as soon as it notices; then show the stored one.
        setTimeout(() => mounted.current && callbacks.current.onSettled(conversationId), 600);
      };
      try {
        const response = await fetch(STREAM_URL, {
          method: "POST",
          // as a plain form (urlencoded), like the page's own form: the server takes multipart
          // bodies only where a page takes files (server/body-limit.ts)
          body: new URLSearchParams(form as unknown as Record<string, string>),
          signal: abort.signal,
          headers: { Accept: "text/event-stream" },
        });
        if (!response.body || !response.headers.get("Content-Type")?.includes("text/event-stream")) {
          throw new Error(`unexpected response ${response.status}`);
        }
        const parse = createEventParser(onEvent);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
        if (!ended) throw new Error("the stream ended early");
      } catch {
        if (abort.signal.aborted) {
          if (!ended) stopped();
          return;
        }
        if (!ended) {
          update(() => ({ state: "error", error: { code: "network", message: messages.networkError, stored: false } }));
          if (conversationId) callbacks.current.onSettled(conversationId);
        }
      }
    },
    [messages.networkError, messages.stopped],
  );

  const stop = useCallback(() => controller.current?.abort(), []);
  const clear = useCallback(() => setPending(null), []);

  return { pending, send, stop, clear, streaming: pending?.state === "streaming" };
}
