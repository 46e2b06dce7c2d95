/**
 * One playground request, start to end: the same pipeline for the stream route (server-sent
 * events) and the page's no-JavaScript form, and for every model (Claude, a school's connection,
 * the offline mini model). `playgroundExchange` is the whole life of a request, a step a line:
 *
 *   parse     the form → what was asked
 *   policy    the class rules: open now, this model, this conversation; what is sent, and how
 *   reserve   the user's one stream, their rate and their tokens, in one statement…
 *   screen    …while crisis detection (→ the support card) and the personal-data and topic
 *             screen (→ blocked) read the message, before anything leaves the server
 *   stream    the provider's events → the student, while the prompt is stored
 *   settle    the reply stored and the budget settled to what it cost, in one transaction; if
 *             anything went wrong on the way (an abort, an error), the reservation is given back
 *
 * The decisions are the guard's (guard.server.ts, pure); the facts and the writes are the
 * models'. The hot path is lean on purpose: the policy and the conversation load in parallel, the
 * stream claim and the reservation are one statement, sent before the screen reads so that the
 * two overlap, and nothing is written per token.
 */
import crypto from "node:crypto";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/catalogs.server";
import type { MessageKey } from "~/i18n/catalog/en";
import type { SessionUser } from "~/utils/auth.server";
import { reasonOf, transaction } from "~/utils/db.server";
import {
  findConversation,
  historyFor,
  lastTypedMessages,
  recordPrompt,
  redactEarlierMessage,
  recordReply,
  requestsInLastMinute,
  titleFrom,
  type ConversationWithMessages,
  type History,
  type PromptRecord,
} from "~/models/playground.server";
import { loadSandboxFacts, loadSandboxFactsOfSession, type SandboxFacts } from "~/models/playground-sandbox.server";
import { sessionTokenHashOf } from "~/utils/session.server";
import { claimStreamAndReserve, MAX_STREAM_MS, settleAndRelease } from "~/models/stream-claims.server";
import { ledgerDay, type Reservation } from "~/models/token-ledger.server";
import { getSafeguardingSettings, notifySafeguarding } from "~/models/safeguarding.server";
import { lowMoodCardOf, supportCardOf } from "./support-card-view.server";
import { findHarmfulReplyAtEnd, harmfulReplyFlag, type HarmfulReply } from "./harmful-reply";
import { detectLowMood } from "./low-mood";
import { LOW_MOOD_FLAG, severityOf } from "~/models/severity";
import type { ChatRequest } from "./provider";
import type { StreamEvent, SupportCardView } from "./chat-events";
import { crisisFlags, type CrisisResult } from "./crisis";
import { couldBeRestOfNumber, type ContextFinding } from "./screen-context";
import type { Finding } from "./screen-types";
import { findPersonalData } from "./screen-personal-data";
import { providerErrorMessage } from "./error-messages.server";
import { resolveModel, type ResolvedModel } from "./connections.server";
import type { ExchangeInput } from "./exchange-form.server";
import type { FieldErrors, Validated } from "~/utils/forms.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { findTryIt } from "./tryit.server";
import {
  accessRefusal,
  allowedModelIds,
  blockedJustBefore,
  burstBefore,
  composeSystemPrompt,
  crisisInTurn,
  flagKinds,
  maxTokensFor,
  overRate,
  REDACTED,
  redactPersonalData,
  REFUSAL_STATUS,
  reservationFor,
  sandboxOf,
  screenOutgoing,
  screeningVerdict,
  settlementOf,
  temperatureFor,
  typedByStudent,
  type RefusalCode,
  type Sandbox,
  type ScreeningVerdict,
  type StreamEnd,
  type TypedByStudent,
} from "./guard.server";

type Acting = Pick<SessionUser, "id" | "role" | "schoolId">;

/** Who asks, in which language, when, and where links in alert e-mails point: what every step may need. */
interface Asking {
  user: Acting;
  locale: Locale;
  now: Date;
  originOf: () => Promise<string | null>;
}

/** Why a request stops before reaching a model, in the student's language, with the HTTP status that says the same. */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  status: number;
  message: string;
  /** Set when a blocked prompt was stored. */
  conversationId?: string;
  messageId?: string;
}

export function refusal(code: RefusalCode, locale: Locale, params?: Record<string, string | number>): Refusal {
  const t = translator(locale);
  return { ok: false, code, status: REFUSAL_STATUS[code], message: t(`playground.refused.${code}` as MessageKey, params) };
}

/** The refusal for a chat form that did not validate: its first problem, in the student's language. */
function formRefusal(errors: FieldErrors, locale: Locale): Refusal {
  const [field, key] = Object.entries(errors)[0] ?? [];
  if (key === "playground.refused.empty") return refusal("empty", locale);
  if (key === "playground.refused.too_long") {
    return refusal("too_long", locale, { max: field === "system" ? MAX_CHARS.systemPrompt : MAX_CHARS.prompt });
  }
  return refusal("invalid", locale);
}

/** Tells the school's safeguarding contacts (the flag, then the e-mail when set up). */
async function raiseAlert({ user, originOf }: Asking, messageId: string): Promise<void> {
  const origin = await originOf().catch(() => null);
  await notifySafeguarding(user, messageId, origin);
}

/**
 * What the pipeline tells its entry point: the stream's events, or a refusal with its HTTP
 * status. "accepted" comes first when the exchange goes ahead, as the model is asked: the answer's
 * headers can leave while the model starts and the prompt is stored. It is not a stream event:
 * "start" follows once the prompt is stored, as its conversation is then there to open.
 */
export type ExchangeEvent = StreamEvent | { type: "refused"; refusal: Refusal } | { type: "accepted" };

export interface ExchangeOptions {
  now?: Date;
  /**
   * The school's public address, for the link in safeguarding e-mails (decision 017): looked up
   * only when an alert is raised, so no other message waits for it before its first token.
   */
  originOf?: () => Promise<string | null>;
  /** The class rules' facts as the entry point started reading them (factsOfSession), or read here. */
  facts?: Promise<SessionFacts | null>;
}

type SessionFacts = SandboxFacts & { userId: string };

/**
 * For an entry point: the facts the class rules are made of, read by the request's session token
 * — started before it awaits the session lookup, so the two queries run side by side and the
 * first token waits for one round trip instead of two. Pass it as `facts`, with the same `now`.
 */
export function factsOfSession(request: Request, now: Date): Promise<SessionFacts | null> {
  const facts = sessionTokenHashOf(request).then((hash) => (hash ? loadSandboxFactsOfSession(hash, now) : null));
  facts.catch(() => {}); // a failure is met where the exchange awaits it (and read again there)
  return facts;
}

/** The facts read early when they are this user's (only the session lookup says who is asking), else read now. */
function sandboxFactsFor(user: Acting, now: Date, early: Promise<SessionFacts | null> | undefined): Promise<SandboxFacts> {
  const readNow = () => loadSandboxFacts(user, now);
  if (!early) return readNow();
  return early.then((facts) => (facts?.userId === user.id ? facts : readNow()), readNow);
}

/**
 * One request's whole life. `clientGone` aborts when the student stops or leaves: the upstream
 * request is dropped at once, and what was said so far is stored and settled.
 */
export async function* playgroundExchange(
  user: Acting,
  form: Validated<ExchangeInput>,
  locale: Locale,
  clientGone: AbortSignal,
  { now = new Date(), originOf = async () => null, facts }: ExchangeOptions = {},
): AsyncGenerator<ExchangeEvent, void> {
  const asking: Asking = { user, locale, now, originOf };
  // parse: the route validated the form with its schema (app/forms/playground.server.ts)
  if (!form.ok) return yield* refused(formRefusal(form.errors, locale));

  const admitted = await applyPolicy(asking, form.data, sandboxFactsFor(user, now, facts));
  if (!admitted.ok) return yield* refused(admitted);

  // The claim's round trip and the screen's reading overlap: the claim is sent first, and the
  // screen reads while PostgreSQL answers. Its result counts only for a message that goes on to
  // a model; for one held or blocked it is given back unused.
  const claiming = reserve(asking, admitted);
  claiming.catch(() => {}); // awaited below on every path; this only keeps a rejection from going unhandled meanwhile
  // postgres.js writes a statement a few microtasks after it is asked for: let it leave first.
  await new Promise((resolve) => setImmediate(resolve));
  let screened: Screened;
  try {
    screened = await screen(asking, admitted);
  } catch (error) {
    // (it reads the school's safeguarding settings for a crisis or low mood): nothing stays claimed
    await giveBack(asking, claiming);
    throw error;
  }
  if (screened.verdict === "hold_for_support" || screened.verdict === "block") {
    // The answer first — a child in crisis does not wait for the claim's round trip — then the claim back.
    try {
      if (screened.verdict === "hold_for_support") return yield* holdForSupport(asking, admitted, screened);
      return yield* refused(await refuseBlocked(asking, admitted, screened));
    } finally {
      await giveBack(asking, claiming);
    }
  }

  const reserved = await claiming;
  if (!reserved.ok) return yield* refused(reserved);

  const turn = storePrompt(asking, admitted, screened);
  let settled = false;
  try {
    const end = yield* stream(admitted, turn, screened.card, clientGone);
    const last = await settle(asking, admitted, turn, reserved.reservation, end);
    settled = true;
    yield last;
  } catch (error) {
    console.error(`playground: exchange failed: ${reasonOf(error)}`);
    const message = providerErrorMessage("server", locale, admitted.service);
    yield { type: "error", code: "server", message, status: "error", conversationId: turn.conversationId };
  } finally {
    // Whatever went wrong — an abort, an error, a listener that went away — the student must not
    // stay locked out or charged.
    if (!settled) await settleAndRelease(user.id, reserved.reservation, 0).catch(() => {});
  }
}

/**
 * Runs a request to its end (the no-JavaScript form): the conversation it wrote to (a reply, a
 * blocked prompt with its explanation, a message held back with the support card), or the
 * refusal when nothing was stored.
 */
export async function runToEnd(
  events: AsyncGenerator<ExchangeEvent, void>,
): Promise<{ conversationId: string; refusal: null; blocked: Refusal | null } | { conversationId: null; refusal: Refusal; blocked: null }> {
  let conversationId: string | null = null;
  let blocked: Refusal | null = null;
  for await (const event of events) {
    if (event.type === "refused") {
      if (!event.refusal.conversationId) return { conversationId: null, refusal: event.refusal, blocked: null };
      conversationId = event.refusal.conversationId;
      // stored, with the personal data blanked out (a crisis held back is stored too, but not blocked)
      if (event.refusal.code === "blocked") blocked = event.refusal;
    } else if ((event.type === "start" || event.type === "error") && event.conversationId) {
      conversationId ??= event.conversationId;
    }
  }
  if (!conversationId) throw new Error("the exchange ended without a conversation");
  return { conversationId, refusal: null, blocked };
}

// ---------------------------------------------------------------------------------------------
// policy

/** A request the class rules let through, with what it will send. */
interface Admitted {
  ok: true;
  input: ExchangeInput;
  sandbox: Sandbox;
  found: ConversationWithMessages | null;
  model: ResolvedModel;
  /** What error messages call the model's service: "Claude", or the school connection's name. */
  service: string;
  history: History;
  /** The system prompt stored with the conversation: a lesson's, or the student's own (explore mode). */
  ownSystem: string | null;
  /** What the student typed that this request sends: what crisis detection and the screen read. */
  typed: TypedByStudent;
  request: ChatRequest;
}

async function applyPolicy({ user, locale, now }: Asking, input: ExchangeInput, sandboxFacts: Promise<SandboxFacts>): Promise<Refusal | Admitted> {
  // Three independent lookups at once: each is a round trip before the first token.
  const [facts, found, model] = await Promise.all([
    sandboxFacts,
    input.conversationId ? findConversation(user, input.conversationId) : Promise.resolve(null),
    // the environment's models, or an approved model of one of the school's enabled connections
    resolveModel(user, input.model),
  ]);
  const sandbox = sandboxOf(user, facts);
  const { policy } = sandbox;
  const closed = input.conversationId && !found ? "not_found" : accessRefusal(policy, sandbox.classes.length > 0, now);
  if (closed) return refusal(closed, locale);

  if (!model || !allowedModelIds(policy, [input.model]).includes(input.model)) return refusal("model_not_allowed", locale);

  // A lesson's fixed system prompt wins; otherwise only explore mode lets a student write one.
  const tryit = input.tryit ? findTryIt(input.tryit, locale) : null;
  const ownSystem = tryit?.system ?? (policy.exploreMode ? input.system?.trim() || null : null);

  const next = input.regenerate ? ({ regenerate: true } as const) : { prompt: input.prompt ?? "" };
  // A crisis message answered while the school let models read them is sent again only while it still does.
  const crisisToModel = found?.messages.some((m) => (m.crisis?.length ?? 0) > 0) ? (await getSafeguardingSettings(user)).sendCrisisToModel : true;
  const history = found ? historyFor(found.messages, next, { crisisToModel }) : input.regenerate ? null : historyFor([], next);
  if (!history) return refusal("nothing_to_regenerate", locale);
  if (!history.messages.at(-1)!.content.trim()) return refusal("empty", locale);

  const request: ChatRequest = {
    model: input.model,
    system: composeSystemPrompt(policy, locale, ownSystem, tryit?.system ? "lesson" : "student"),
    messages: history.messages,
    maxTokens: maxTokensFor(model.option.provider, policy.exploreMode, input.maxTokens),
    temperature: temperatureFor(policy.exploreMode, input.temperature),
    locale,
  };
  // The lesson's own system prompt is course content, not the student's words.
  const typed = typedByStudent(history.messages, tryit?.system ? null : ownSystem);
  const service = model.option.connection ?? "Claude";
  return { ok: true, input, sandbox, found, model, service, history, ownSystem, typed, request };
}

// ---------------------------------------------------------------------------------------------
// screen

interface Screened {
  verdict: ScreeningVerdict;
  crisis: CrisisResult;
  /** The support card, when crisis detection matched. */
  card: SupportCardView | null;
  /** The stored prompt's flags: the crisis categories, then what the screen found (or what blocked it). */
  flags: string[];
  /** Blocked by the screen: the prompt without its personal data, and why, in the student's language. */
  blocked: { stored: string; explanation: string; earlier: { text: string; redacted: string; values: string[] }[] } | null;
}

/**
 * Before anything leaves the server, whatever the model: crisis detection and the screen read
 * what the student typed (never the lesson's text, never the model's replies), and the guard
 * decides whether the message goes on, is blocked, or is answered with the support card alone.
 */
async function screen({ user, locale, now }: Asking, a: Admitted): Promise<Screened> {
  // The student's messages just before, in any conversation ("New chat" is a click away), are
  // looked up for a new conversation's first message (it may finish a thought typed elsewhere) and
  // for a number sent with a few words at most (it may be the rest of one blocked).
  const firstOfChat = a.typed.previous === null;
  const restOfNumber = couldBeRestOfNumber(a.typed.prompt);
  const before = !a.input.regenerate && (firstOfChat || restOfNumber) ? await lastTypedMessages(user.id, 2) : [];
  const crisis = crisisInTurn(firstOfChat ? { ...a.typed, previous: burstBefore(before, now) } : a.typed);
  const outcome = screenOutgoing(a.typed.prompt, a.typed.system, a.sandbox.policy, locale, {
    history: a.typed.earlier,
    blockedBefore: restOfNumber && before[0] ? blockedJustBefore([before[0]], now) : [],
  });
  // Low mood only where there is no crisis (the crisis card says more, and raises the alert), and
  // not in a message blocked for personal data or a topic: that answer is the block's explanation,
  // the same with and without JavaScript, and the message is stored without what was blocked.
  const lowMood = !crisis.matched && outcome.ok && detectLowMood(a.typed.prompt) !== null;
  const safeguarding = crisis.matched || lowMood ? await getSafeguardingSettings(user) : null;
  const verdict = screeningVerdict({
    crisis: crisis.matched,
    sendCrisisToModel: safeguarding?.sendCrisisToModel ?? false,
    screenedOk: outcome.ok,
    lowMood,
    modelCanTalk: a.model.option.provider !== "mini",
  });
  const cardFor = { text: a.typed.prompt, pageLocale: locale, place: verdict === "send_after_card" ? "sent" : "held" } as const;
  return {
    verdict,
    crisis,
    card: !safeguarding ? null : lowMood ? lowMoodCardOf(safeguarding, cardFor) : supportCardOf(safeguarding, crisis.matches, cardFor),
    flags: [...crisisFlags(crisis), ...(lowMood ? [LOW_MOOD_FLAG] : []), ...(outcome.ok ? outcome.flags : outcome.kinds)],
    blocked: outcome.ok ? null : { stored: outcome.stored, explanation: outcome.explanation, earlier: earlierToRedact(a.typed, outcome.findings) },
  };
}

/**
 * Earlier messages found to hold a password only now ("fluffy123" ⏎ "that's my password"): stored
 * again without it (screenOutgoing's parts are the student's system prompt, if any, then these
 * messages, then the prompt).
 */
function earlierToRedact(typed: TypedByStudent, findings: readonly Finding[]): { text: string; redacted: string; values: string[] }[] {
  const first = typed.system ? 1 : 0;
  // screenOutgoing's findings are the context screen's, with their part and source
  const inHistory = (f: Finding): f is ContextFinding => f.kind === "password" && (f as Partial<ContextFinding>).source === "history";
  const byPart = new Map<number, Finding[]>();
  for (const f of findings.filter(inHistory)) byPart.set(f.part, [...(byPart.get(f.part) ?? []), f]);
  return [...byPart].flatMap(([part, found]) => {
    const text = typed.earlier[part - first];
    return text === undefined ? [] : [{ text, redacted: redactPersonalData(text, found), values: found.map((f) => f.match) }];
  });
}

/**
 * The path when no model may see the message: store it and answer with the support card alone.
 * A crisis message is flagged safeguarding and its conversation marked, and the adults are told
 * after the answer (never waiting for a mail server); a low-mood one the mini model cannot answer
 * is flagged for review, without an alert. A regenerate of such a message stores nothing new.
 */
async function* holdForSupport(asking: Asking, a: Admitted, s: Screened): AsyncGenerator<StreamEvent, void> {
  const { user } = asking;
  const { found, input } = a;
  let held: { conversationId: string; messageId: string | null; title: string };
  if (input.regenerate && found) {
    const last = found.messages.findLast((m) => m.role === "user");
    held = { conversationId: found.conversation.id, messageId: last?.id ?? null, title: found.conversation.title };
  } else {
    // The card whatever the database says: a child in crisis sees where to get help even when the
    // message could not be kept (a full disk refuses writes, reads still work). The log tells the
    // adults running the server; the alert itself needs the stored message.
    const stored = await recordPrompt(user, promptRecord(a, s)).catch((error: unknown) => {
      console.error(`playground: could not store a message held for the support card: ${reasonOf(error)}`);
      return null;
    });
    if (stored && s.crisis.matched) setTimeout(() => void raiseAlert(asking, stored.messageId), 0);
    if (!stored && s.crisis.matched) console.error(`safeguarding: a crisis message (${s.crisis.categories.join(", ")}) could not be stored: no alert was raised`);
    held = stored ?? { conversationId: found?.conversation.id ?? "", messageId: null, title: found?.conversation.title ?? "" };
  }
  yield { type: "start", conversationId: held.conversationId, title: held.title, model: input.model };
  yield { type: "support", card: s.card!, held: true };
  yield { type: "done", messageId: held.messageId ?? "", stopReason: "support", flagged: true };
}

/**
 * A prompt the screen blocked: stored blocked (without its personal data) for the teacher, and
 * the student told why. It counts against the rate like a request, and past the rate is not
 * stored at all. A regenerate of it stores nothing new.
 */
async function refuseBlocked({ user, locale }: Asking, a: Admitted, s: Screened): Promise<Refusal> {
  const { policy } = a.sandbox;
  if (overRate(await requestsInLastMinute(user.id), policy.messagesPerMinute)) {
    return refusal("rate_limited", locale, { n: policy.messagesPerMinute });
  }
  const base = { ...refusal("blocked", locale), message: s.blocked!.explanation };
  if (a.input.regenerate) return base;
  // Nothing was sent, and the student is told why even when the record of it could not be
  // written: a failed write is the log's to say, not a 500 for the student.
  const stored = await recordPrompt(user, {
    conversationId: a.found?.conversation.id ?? null,
    classId: a.sandbox.homeClassId,
    model: a.input.model,
    // a new conversation keeps the student's own system prompt without what was blocked in it, as
    // promptRecord does: shown again, the note then says where the blocked part was
    systemPrompt: a.found ? a.found.conversation.systemPrompt : a.ownSystem ? redactPersonalData(a.ownSystem, findPersonalData(a.ownSystem)) : null,
    text: s.blocked!.stored,
    status: "blocked",
    flags: s.flags,
  }).catch((error: unknown) => {
    console.error(`playground: could not store a blocked prompt: ${reasonOf(error)}`);
    return null;
  });
  for (const { text, redacted, values } of s.blocked!.earlier) {
    const earlier = a.found?.messages.findLast((m) => m.role === "user" && m.text === text);
    if (a.found && earlier) {
      await redactEarlierMessage(user, a.found.conversation.id, { messageId: earlier.id, text, redacted }, values, REDACTED).catch((error: unknown) => {
        console.error(`playground: could not redact an earlier message: ${reasonOf(error)}`);
      });
    }
  }
  return stored ? { ...base, conversationId: stored.conversationId, messageId: stored.messageId } : base;
}

/**
 * The prompt as stored when it goes on to a model or is held for support: the student's words,
 * flagged. A crisis held for the card may also hold personal data the screen blocked ("我想死，我的电话
 * 是…"): it is stored, and titles its conversation, without it, as a blocked prompt is.
 */
function promptRecord(a: Admitted, s: Screened): PromptRecord {
  return {
    conversationId: a.found?.conversation.id ?? null,
    classId: a.sandbox.homeClassId,
    model: a.input.model,
    // the student's own system prompt, like the prompt, without what the screen blocked in it
    // (a walk with a model key, 7 December: "…I want to kill myself. Call me on 138…" kept the number)
    systemPrompt: s.blocked && a.ownSystem ? redactPersonalData(a.ownSystem, findPersonalData(a.ownSystem)) : a.ownSystem,
    text: s.blocked?.stored ?? a.typed.prompt,
    status: "complete",
    flags: s.flags,
    crisis: s.crisis.matched ? s.crisis.matches : null,
  };
}

// ---------------------------------------------------------------------------------------------
// reserve

async function reserve({ user, locale, now }: Asking, a: Admitted): Promise<Refusal | { ok: true; reservation: Reservation | null }> {
  const { tokens, scopes } = reservationFor({
    provider: a.model.option.provider,
    userId: user.id,
    sandbox: a.sandbox,
    request: a.request,
    ownSystem: a.ownSystem,
    conversation: a.found ? { systemPrompt: a.found.conversation.systemPrompt, previous: a.history.previous } : null,
  });
  const { messagesPerMinute } = a.sandbox.policy;
  const claim = await claimStreamAndReserve(user.id, messagesPerMinute, scopes, ledgerDay(now, a.sandbox.policy.timeZone), tokens);
  if (!claim.ok) return refusal(claim.reason, locale, { n: messagesPerMinute });
  return { ok: true, reservation: claim.reservation.scopes.length > 0 ? claim.reservation : null };
}

/**
 * A claim made for a message that then stays on the server: the stream freed and the tokens
 * given back. A claim that was refused took nothing (and "busy" means another stream of this
 * student holds the row, which stays theirs). The held or blocked answer does not depend on the
 * claim, so a failure here is logged, not shown.
 */
async function giveBack({ user }: Asking, claiming: ReturnType<typeof reserve>): Promise<void> {
  try {
    const claim = await claiming;
    if (claim.ok) await settleAndRelease(user.id, claim.reservation, 0);
  } catch (error) {
    console.error(`playground: could not give back a claim: ${reasonOf(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// stream

/** The conversation this exchange writes to, and the prompt's write (true once stored; never rejects). */
interface Turn {
  conversationId: string;
  title: string;
  stored: Promise<boolean>;
}

/**
 * Stores the prompt while the upstream request starts (the first text waits for both), so
 * storing it adds nothing to the time to the first token. A new conversation's id is made here.
 */
function storePrompt(asking: Asking, a: Admitted, s: Screened): Turn {
  const { user } = asking;
  const { found, input } = a;
  const conversationId = found?.conversation.id ?? crypto.randomUUID();
  const title = found?.conversation.title ?? titleFrom(a.typed.prompt);
  const stored = input.regenerate
    ? Promise.resolve(true)
    : recordPrompt(user, { ...promptRecord(a, s), newConversationId: conversationId }).then(
        (row) => {
          if (row && s.crisis.matched) void raiseAlert(asking, row.messageId);
          return row !== null;
        },
        (error: unknown) => {
          console.error(`playground: could not store a prompt: ${reasonOf(error)}`);
          return false;
        },
      );
  return { conversationId, title, stored };
}

interface Streamed extends StreamEnd {
  /** The endpoint reported no usage: the counts were estimated from the text. */
  estimated: boolean;
  /** The reply turned harmful to the child (harmful-reply.ts): the model was stopped there. */
  harmful: HarmfulReply | null;
  stopReason: string | null;
  latencyMs: number;
}

/**
 * The provider's events to the student: start (and the support card first, when crisis detection
 * matched and the school lets the model answer), text…, usage. Returns how the stream ended. The
 * upstream request is dropped when the student leaves, and after MAX_STREAM_MS.
 */
async function* stream(a: Admitted, turn: Turn, card: SupportCardView | null, clientGone: AbortSignal): AsyncGenerator<ExchangeEvent, Streamed> {
  const upstream = new AbortController();
  const abort = () => upstream.abort();
  clientGone.addEventListener("abort", abort, { once: true });
  if (clientGone.aborted) upstream.abort();
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    upstream.abort();
  }, MAX_STREAM_MS);
  const startedAt = performance.now();
  let ended = false;

  const events = a.model.provider.stream(a.request, upstream.signal)[Symbol.asyncIterator]();
  try {
    // Start the upstream request first; the answer's headers and the prompt's write overlap
    // with it. "start" waits for the write (the page opens the conversation it names), and
    // nothing the model says is shown before the prompt is on record for the teacher.
    const first = events.next();
    yield { type: "accepted" };
    if (!(await turn.stored)) throw new Error("the prompt was not stored");
    yield { type: "start", conversationId: turn.conversationId, title: turn.title, model: a.input.model };
    if (card) yield { type: "support", card, held: false };
    const end: Streamed = {
      failure: null,
      text: "",
      textEvents: 0,
      usage: { inputTokens: 0, outputTokens: 0 },
      estimated: false,
      stopReason: null,
      latencyMs: 0,
      harmful: null,
    };
    for (let next = await first; !next.done; next = await events.next()) {
      const event = next.value;
      if (event.type === "text") {
        end.text += event.text;
        end.textEvents += 1;
        // Read before it is shown: the piece that makes the reply harmful never reaches the
        // student, and the model is stopped there (what came before is taken off their screen).
        end.harmful = findHarmfulReplyAtEnd(end.text);
        if (end.harmful) {
          upstream.abort();
          break;
        }
        yield event;
      } else if (event.type === "usage") {
        end.usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
        end.estimated = event.estimated === true;
        yield event;
      } else if (event.type === "done") {
        end.stopReason = event.stopReason;
        break;
      } else {
        end.failure = event.code === "aborted" && timedOut ? "timeout" : event.code;
        break;
      }
    }
    ended = true;
    end.latencyMs = performance.now() - startedAt;
    return end;
  } finally {
    clearTimeout(deadline);
    clientGone.removeEventListener("abort", abort);
    if (!ended) upstream.abort();
    await events.return?.(undefined).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// settle

/**
 * Stores the reply, whatever became of it, and settles the budget to what it cost, freeing the
 * student's stream — one transaction: a failure stores neither, and the pipeline gives the
 * reservation back. A reply the reply screen marks as self-harm tells the adults. Returns the
 * exchange's last event: done, or the error in the student's language.
 */
async function settle(asking: Asking, a: Admitted, turn: Turn, reservation: Reservation | null, end: Streamed): Promise<StreamEvent> {
  const { user, locale } = asking;
  // A reply stopped for harming the child is kept unfinished, costs what a stopped one costs, and
  // is kept whole for the adults (the teacher reads what the model said; the student never again).
  const { status, cost } = settlementOf(end.harmful ? { ...end, failure: "aborted" } : end);
  const flags = [...(end.text ? flagKinds(end.text, a.sandbox.policy.blockedTopics) : []), ...(end.harmful ? [harmfulReplyFlag(end.harmful)] : [])];
  const messageId = await transaction(async () => {
    const id = await recordReply(user, {
      conversationId: turn.conversationId,
      text: end.text,
      model: a.input.model,
      inputTokens: end.usage.inputTokens,
      outputTokens: end.usage.outputTokens,
      usageEstimated: end.estimated,
      status,
      errorCode: end.failure,
      flags,
      latencyMs: end.latencyMs,
    });
    await settleAndRelease(user.id, reservation, cost);
    return id;
  });
  if (severityOf(flags, { role: "assistant", blocked: false }) === "safeguarding") {
    void raiseAlert(asking, messageId);
  }
  if (end.harmful) return { type: "done", messageId, stopReason: "withheld", flagged: true, withheld: translator(locale)("playground.reply.withheld") };
  if (end.failure === null) return { type: "done", messageId, stopReason: end.stopReason, flagged: flags.length > 0 };
  // The admin's one view of a model server that fails (found in a school admin's walk: a reply
  // cut off by the school's server left only "POST /api/playground/stream 200" in the log).
  // Which service and model, how, and when; never who asked or what.
  if (end.failure !== "aborted") {
    console.warn(`playground: ${a.service} (${a.input.model}) failed: ${end.failure} after ${Math.round(end.latencyMs)} ms, ${end.textEvents} text events`);
  }
  return {
    type: "error",
    code: end.failure,
    message: providerErrorMessage(end.failure, locale, a.service),
    status,
    conversationId: turn.conversationId,
    messageId,
  };
}

async function* refused(r: Refusal): AsyncGenerator<ExchangeEvent, void> {
  yield { type: "refused", refusal: r };
}
