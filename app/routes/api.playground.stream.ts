/**
 * POST /api/playground/stream — one exchange with a model, as server-sent events
 * (start, text…, usage, then done or error; see app/playground/chat-events.ts).
 *
 * Closing the page or pressing stop closes the connection; the server aborts context.disconnected, and the
 * exchange drops the upstream request at once. Refusals (signed out, closed, blocked, busy,
 * over budget…) are a single `error` event with an HTTP status that says the same.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { ExchangeFormSchema } from "~/forms/playground.server";
import { requireUser } from "~/utils/auth.server";
import { sessionTokenHashOf } from "~/utils/session.server";
import { formObject, readForm, validate } from "~/utils/forms.server";
import { localeOf } from "~/utils/locale-of.server";
import { encodeEvent, type StreamEvent } from "~/playground/chat-events";
// links in safeguarding e-mails use the school's public address, never the Host header (decision 017)
import { publicUrlOf } from "~/models/public-url.server";
import { factsOfSession, playgroundExchange, refusal, type ExchangeEvent, type Refusal } from "~/playground/pipeline.server";

export async function action({ request, context }: ActionFunctionArgs) {
  // The form and the class rules' facts are read while the session is looked up (all come before
  // the first token); a request without a session token is refused unread. An unreadable body,
  // or one with a NUL character, is refused as one event like any other refusal.
  const now = new Date();
  const reading =
    request.method === "POST"
      ? sessionTokenHashOf(request).then((token) => (token ? readForm(request).then(formObject, () => null) : null))
      : Promise.resolve(null);
  const facts = factsOfSession(request, now);
  const user = await requireUser(request).catch((thrown: unknown) => {
    if (thrown instanceof Response) return null;
    throw thrown;
  });
  const locale = await localeOf(request);
  if (!user) return refusalResponse(refusal("signed_out", locale));
  if (request.method !== "POST") return refusalResponse(refusal("invalid", locale));
  const form = await reading;
  if (!form) return refusalResponse(refusal("invalid", locale));

  // context.disconnected, not request.signal: see app/load-context.d.ts (called in-process, as
  // the tests do, there is no connection and request.signal is all there is)
  const gone = context.disconnected ?? request.signal;
  const stop = new AbortController();
  const onClose = () => stop.abort();
  gone.addEventListener("abort", onClose, { once: true });
  if (gone.aborted) stop.abort();
  const parsed = validate(ExchangeFormSchema, form);
  const events = playgroundExchange(user, parsed, locale, stop.signal, { now, facts, originOf: () => publicUrlOf(user) });

  // A refusal is the whole answer, with its HTTP status; anything else starts the stream.
  const first = await events.next();
  if (first.done) throw new Error("the exchange ended before its first event");
  if (first.value.type === "refused") {
    gone.removeEventListener("abort", onClose);
    await events.return();
    return refusalResponse(first.value.refusal);
  }
  // "accepted": the exchange goes ahead and its first event is on the way — the answer starts now
  const opening = first.value.type === "accepted" ? null : first.value;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (opening) controller.enqueue(encoder.encode(encodeEvent(opening)));
    },
    async pull(controller) {
      for (;;) {
        const next = await events.next();
        if (next.done) {
          gone.removeEventListener("abort", onClose);
          controller.close();
          return;
        }
        if (next.value.type === "accepted") continue;
        controller.enqueue(encoder.encode(encodeEvent(streamEventOf(next.value))));
        return;
      }
    },
    cancel() {
      // The reader went away: stop upstream, and let the exchange finish storing what happened.
      stop.abort();
      void drain(events);
    },
  });
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
};

function refusalResponse(r: Refusal): Response {
  return new Response(encodeEvent(refusalEvent(r)), { status: r.status, headers: SSE_HEADERS });
}

function refusalEvent(r: Refusal): StreamEvent {
  return {
    type: "error",
    code: r.code,
    message: r.message,
    ...(r.conversationId ? { conversationId: r.conversationId, status: "blocked" as const } : {}),
    ...(r.messageId ? { messageId: r.messageId } : {}),
  };
}

/** The pipeline refuses only before its stream starts; should one come later, it is an error event. */
function streamEventOf(event: Exclude<ExchangeEvent, { type: "accepted" }>): StreamEvent {
  return event.type === "refused" ? refusalEvent(event.refusal) : event;
}

async function drain(events: AsyncGenerator<ExchangeEvent, void>) {
  try {
    while (!(await events.next()).done) {
      // discard: nobody is listening any more
    }
  } catch {
    // the exchange logs its own failures
  }
}
