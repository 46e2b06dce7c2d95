/**
 * One exchange with a model, as the stream route and the no-JavaScript form both run it:
 *
 *   prepareExchange   guard (policy, model, screening, one stream, rate, budget) → store the prompt
 *   streamExchange    provider events → the student; at the end store the reply with its usage,
 *                     settle the budget to what it really cost, free the stream
 *
 * The hot path is lean on purpose: the policy and the conversation load in parallel, the stream
 * claim and the reservation are one statement each, and nothing is written per token.
 */
import crypto from "node:crypto";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/catalogs.server";
import type { MessageKey } from "~/i18n/catalog/en";
import type { SessionUser } from "~/utils/auth.server";
import type { FieldErrors } from "~/utils/forms.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { transaction } from "~/utils/db.server";
import { allBlocks } from "~/course/block-tree";
import { getLesson } from "~/course/course.server";
import type { Block, RecordedReply, TryItCheck } from "~/course/types";
import { findConversation, historyFor, recordPrompt, recordReply, titleFrom } from "~/models/playground.server";
import type { ChatProvider, ChatRequest } from "./provider";
import { providerErrorMessage } from "./error-messages";
import type { StreamEvent, SupportCardView } from "./chat-events";
import { crisisFlags, detectCrisisInTurn, type CrisisResult } from "./crisis";
import { severityOf } from "../models/severity";
import { getSafeguardingSettings, notifySafeguarding, supportCardOf } from "~/models/safeguarding.server";
import {
  accessRefusal,
  allowedModelIds,
  budgetScopes,
  claimStreamAndReserve,
  composeSystemPrompt,
  costOf,
  flagKinds,
  ledgerDay,
  loadSandbox,
  maxInputTokens,
  maxTokensFor,
  MAX_STREAM_MS,
  overRate,
  REFUSAL_STATUS,
  screenOutgoing,
  settleAndRelease,
  temperatureFor,
  type RefusalCode,
  type Reservation,
} from "./guard.server";
import { resolveModel } from "./connections.server";

export interface ExchangeInput {
  conversationId: string | null;
  /** null with `regenerate`. */
  prompt: string | null;
  regenerate: boolean;
  model: string;
  /** Explore mode only: the student's own system prompt. */
  system: string | null;
  temperature: number | null;
  maxTokens: number | null;
  /** "lessonSlug:tryitId": a lesson's "try it" may fix the system prompt. */
  tryit: string | null;
}

export interface Refusal {
  ok: false;
  code: RefusalCode;
  status: number;
  message: string;
  /** Set when a blocked prompt was stored. */
  conversationId?: string;
  messageId?: string;
}

export interface PreparedExchange {
  ok: true;
  user: Pick<SessionUser, "id" | "schoolId">;
  locale: Locale;
  conversationId: string;
  title: string;
  model: string;
  provider: ChatProvider;
  /** What error messages call the model's service: "Claude", or the school connection's name. */
  service: string;
  request: ChatRequest;
  reservation: Reservation | null;
  blockedTopics: string[];
  /** Resolves once the prompt is stored (false if that failed); never rejects. */
  promptStored: Promise<boolean>;
  /** The prompt matched crisis detection and the school lets the model answer too: the card comes first. */
  support: SupportCardView | null;
  /** Where links in alert e-mails point (the school's public address, decision 017). */
  origin: string | null;
}

/**
 * A message that matched crisis detection and was NOT sent to any model (the school's default):
 * the student gets the support card; the prompt is stored, flagged and the adults are told.
 */
export interface SupportOnly {
  ok: "support";
  conversationId: string;
  messageId: string | null;
  title: string;
  model: string;
  card: SupportCardView;
}

export interface ExchangeOptions {
  now?: Date;
  /** The school's public address, for the link in safeguarding e-mails. */
  origin?: string | null;
}

export function refusal(code: RefusalCode, locale: Locale, params?: Record<string, string | number>): Refusal {
  const t = translator(locale);
  return { ok: false, code, status: REFUSAL_STATUS[code], message: t(`playground.refused.${code}` as MessageKey, params) };
}

export async function prepareExchange(
  user: Pick<SessionUser, "id" | "role" | "schoolId">,
  input: ExchangeInput,
  locale: Locale,
  { now = new Date(), origin = null }: ExchangeOptions = {},
): Promise<Refusal | PreparedExchange | SupportOnly> {
  const [sandbox, found] = await Promise.all([
    loadSandbox(user, now),
    input.conversationId ? findConversation(user, input.conversationId) : Promise.resolve(null),
  ]);
  const { policy } = sandbox;
  if (input.conversationId && !found) return refusal("not_found", locale);
  const closed = accessRefusal(policy, sandbox.classes.length > 0, now);
  if (closed) return refusal(closed, locale);

  // The environment's models, or an approved model of one of the school's enabled connections.
  const resolved = await resolveModel(user, input.model);
  if (!resolved || !allowedModelIds(policy, [input.model]).includes(input.model)) {
    return refusal("model_not_allowed", locale);
  }
  const { provider } = resolved;
  const kind = resolved.option.provider;

  // A lesson's fixed system prompt wins; otherwise only explore mode lets a student write one.
  const tryit = input.tryit ? findTryIt(input.tryit, locale) : null;
  const ownSystem = tryit?.system ?? (policy.exploreMode ? input.system?.trim() || null : null);

  const history = found
    ? historyFor(found.messages, input.regenerate ? { regenerate: true } : { prompt: input.prompt ?? "" })
    : input.regenerate
      ? null
      : historyFor([], { prompt: input.prompt ?? "" });
  if (!history) return refusal("nothing_to_regenerate", locale);
  const prompt = history.messages.at(-1)!.content;
  if (!prompt.trim()) return refusal("empty", locale);

  // Crisis detection comes first, before any provider and whatever the provider: only what the
  // student typed (the prompt, their own system prompt), never the lesson's text.
  const typedSystem = tryit?.system ? null : ownSystem;
  const previousTyped = history.messages.at(-2)?.role === "assistant" ? history.messages.at(-3) : history.messages.at(-2);
  const previousText = previousTyped?.role === "user" ? previousTyped.content : null;
  const withSystem = detectCrisisInTurn(typedSystem ? `${typedSystem}\n${prompt}` : prompt, previousText);
  // With their own system prompt in between, the burst is the previous message and this prompt.
  const crisis = withSystem.matched || !typedSystem ? withSystem : detectCrisisInTurn(prompt, previousText);
  const safeguarding = crisis.matched ? await getSafeguardingSettings(user) : null;

  // Screening, before anything leaves the server: everything the student typed that this request
  // sends (their system prompt, their earlier messages, the prompt). The lesson's own system
  // prompt is course content, and the model's replies are not the student's words.
  const earlier = history.messages.slice(0, -1).flatMap((m) => (m.role === "user" ? [m.content] : []));
  const screened = screenOutgoing(prompt, typedSystem, policy, locale, earlier);
  if (crisis.matched && (!safeguarding!.sendCrisisToModel || !screened.ok)) {
    return holdForSupport(user, { input, found, sandbox, ownSystem, prompt, crisis, screened, origin, card: supportCardOf(safeguarding!) });
  }
  if (!screened.ok) {
    if (await overRate(user.id, policy.messagesPerMinute)) {
      return refusal("rate_limited", locale, { n: policy.messagesPerMinute });
    }
    const base = { ...refusal("blocked", locale), message: screened.explanation };
    if (input.regenerate) return base;
    const stored = await recordPrompt(user, {
      conversationId: found?.conversation.id ?? null,
      classId: sandbox.homeClassId,
      model: input.model,
      systemPrompt: found?.conversation.systemPrompt ?? null,
      text: screened.stored,
      status: "blocked",
      flags: screened.kinds,
    });
    return stored ? { ...base, conversationId: stored.conversationId, messageId: stored.messageId } : base;
  }

  const maxTokens = maxTokensFor(kind, policy.exploreMode, input.maxTokens);
  const system = composeSystemPrompt(policy, locale, ownSystem, tryit?.system ? "lesson" : "student");
  const request: ChatRequest = {
    model: input.model,
    system,
    messages: history.messages,
    maxTokens,
    temperature: temperatureFor(policy.exploreMode, input.temperature),
  };

  // The offline mini model costs nothing, so it reserves from no budget.
  let tokens = 0;
  if (kind === "claude") {
    const sameContext =
      found !== null &&
      history.previous?.model === input.model &&
      (found.conversation.systemPrompt ?? null) === (ownSystem ?? null);
    tokens = maxInputTokens(system, history.messages, sameContext ? history.previous : null) + maxTokens;
  }
  const scopes = kind === "claude" ? budgetScopes(user.id, sandbox) : [];
  const claim = await claimStreamAndReserve(user.id, policy.messagesPerMinute, scopes, ledgerDay(now), tokens);
  if (!claim.ok) return refusal(claim.reason, locale, { n: policy.messagesPerMinute });

  // The prompt is stored while the upstream request starts (streamExchange waits for both), so
  // storing it adds nothing to the time to the first token. A new conversation's id is made here.
  const conversationId = found?.conversation.id ?? crypto.randomUUID();
  const title = found?.conversation.title ?? titleFrom(prompt);
  const promptStored = input.regenerate
    ? Promise.resolve(true)
    : recordPrompt(user, {
        conversationId: found?.conversation.id ?? null,
        newConversationId: conversationId,
        classId: sandbox.homeClassId,
        model: input.model,
        systemPrompt: ownSystem,
        text: prompt,
        status: "complete",
        flags: [...crisisFlags(crisis), ...screened.flags],
        crisis: crisis.matched ? crisis.matches : null,
      }).then(
        (stored) => {
          if (stored && crisis.matched) void notifySafeguarding(user, stored.messageId, origin);
          return stored !== null;
        },
        (error: unknown) => {
          console.error(`playground: could not store a prompt: ${(error as Error).message}`);
          return false;
        },
      );

  return {
    ok: true,
    user,
    locale,
    conversationId,
    title,
    model: input.model,
    provider,
    service: resolved.option.connection ?? "Claude",
    request,
    reservation: claim.reservation.scopes.length > 0 ? claim.reservation : null,
    blockedTopics: policy.blockedTopics,
    promptStored,
    support: crisis.matched ? supportCardOf(safeguarding!) : null,
    origin,
  };
}

/**
 * The crisis path when the model must not see the message: store it (flagged safeguarding, the
 * conversation marked), tell the adults after the answer (never waiting for a mail server), and
 * answer with the support card alone. A regenerate of such a message stores nothing new.
 */
async function holdForSupport(
  user: Pick<SessionUser, "id" | "schoolId">,
  c: {
    input: ExchangeInput;
    found: Awaited<ReturnType<typeof findConversation>>;
    sandbox: Awaited<ReturnType<typeof loadSandbox>>;
    ownSystem: string | null;
    prompt: string;
    crisis: CrisisResult;
    screened: ReturnType<typeof screenOutgoing>;
    origin: string | null;
    card: SupportCardView;
  },
): Promise<SupportOnly> {
  const { found, input } = c;
  if (input.regenerate && found) {
    const last = found.messages.findLast((m) => m.role === "user");
    return { ok: "support", conversationId: found.conversation.id, messageId: last?.id ?? null, title: found.conversation.title, model: input.model, card: c.card };
  }
  const stored = await recordPrompt(user, {
    conversationId: found?.conversation.id ?? null,
    classId: c.sandbox.homeClassId,
    model: input.model,
    systemPrompt: c.ownSystem,
    text: c.prompt,
    status: "complete",
    flags: [...crisisFlags(c.crisis), ...(c.screened.ok ? c.screened.flags : c.screened.kinds)],
    crisis: c.crisis.matches,
  });
  if (!stored) throw new Error("the crisis message could not be stored");
  setTimeout(() => void notifySafeguarding(user, stored.messageId, c.origin), 0);
  return { ok: "support", conversationId: stored.conversationId, messageId: stored.messageId, title: stored.title, model: input.model, card: c.card };
}

/**
 * Streams the reply and stores it. Always ends with exactly one `done` or `error` event, always
 * stores what happened, settles the budget and frees the student's stream — also when the
 * consumer stops listening (the caller aborts `signal` and the upstream request is dropped).
 */
export async function* streamExchange(p: PreparedExchange, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const upstream = new AbortController();
  const abort = () => upstream.abort();
  signal.addEventListener("abort", abort, { once: true });
  if (signal.aborted) upstream.abort();
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    upstream.abort();
  }, MAX_STREAM_MS);
  const startedAt = performance.now();
  let finished = false;

  const events = p.provider.stream(p.request, upstream.signal)[Symbol.asyncIterator]();
  try {
    // Start the upstream request first; the prompt's write overlaps with it.
    const first = events.next();
    if (!(await p.promptStored)) throw new Error("the prompt was not stored");
    yield { type: "start", conversationId: p.conversationId, title: p.title, model: p.model };
    if (p.support) yield { type: "support", card: p.support, held: false };
    let text = "";
    let textEvents = 0;
    let usage = { inputTokens: 0, outputTokens: 0, estimated: false };
    let stopReason: string | null = null;
    let failure: string | null = null;
    for (let next = await first; !next.done; next = await events.next()) {
      const event = next.value;
      if (event.type === "text") {
        text += event.text;
        textEvents += 1;
        yield event;
      } else if (event.type === "usage") {
        usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens, estimated: event.estimated === true };
        yield event;
      } else if (event.type === "done") {
        stopReason = event.stopReason;
        break;
      } else {
        failure = event.code === "aborted" && timedOut ? "timeout" : event.code;
        break;
      }
    }

    const stopped = failure === "aborted";
    const status = failure === null ? "complete" : stopped || text ? "incomplete" : "error";
    const cost = costOf(failure === null ? "complete" : stopped ? "stopped" : "failed", usage, textEvents);
    const flags = text ? flagKinds(text, p.blockedTopics) : [];
    // The reply and the settled budget (with the student's stream freed) are one transaction:
    // a failure stores neither, and the `finally` below refunds the reservation.
    const messageId = await transaction(async () => {
      const id = await recordReply(p.user, {
        conversationId: p.conversationId,
        text,
        model: p.model,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        usageEstimated: usage.estimated,
        status,
        errorCode: failure,
        flags,
        latencyMs: performance.now() - startedAt,
      });
      await settleAndRelease(p.user.id, p.reservation, cost);
      return id;
    });
    // A reply the reply screen marks as self-harm is a safeguarding flag: the adults are told.
    if (severityOf(flags, { role: "assistant", blocked: false }) === "safeguarding") {
      void notifySafeguarding(p.user, messageId, p.origin);
    }
    finished = true;
    if (failure === null) {
      yield { type: "done", messageId, stopReason, flagged: flags.length > 0 };
    } else {
      yield {
        type: "error",
        code: failure,
        message: providerErrorMessage(failure as Parameters<typeof providerErrorMessage>[0], p.locale, p.service),
        status,
        conversationId: p.conversationId,
        messageId,
      };
    }
  } catch (error) {
    console.error(`playground: exchange failed: ${(error as Error).message}`);
    yield {
      type: "error",
      code: "server",
      message: providerErrorMessage("server", p.locale, p.service),
      status: "error",
      conversationId: p.conversationId,
    };
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener("abort", abort);
    if (!finished) upstream.abort();
    await events.return?.(undefined).catch(() => {});
    if (!finished) {
      // Whatever went wrong, the student must not stay locked out or charged.
      await settleAndRelease(p.user.id, p.reservation, 0).catch(() => {});
    }
  }
}

/** The support card's events, for the stream route: start, support, done. */
export function supportEvents(s: SupportOnly): StreamEvent[] {
  return [
    { type: "start", conversationId: s.conversationId, title: s.title, model: s.model },
    { type: "support", card: s.card, held: true },
    { type: "done", messageId: s.messageId ?? "", stopReason: "support", flagged: true },
  ];
}

/** Runs an exchange to its end (the no-JavaScript form): its last event. */
export async function runExchange(p: PreparedExchange, signal: AbortSignal): Promise<StreamEvent> {
  let last: StreamEvent | undefined;
  for await (const event of streamExchange(p, signal)) last = event;
  return last!;
}

// ---------------------------------------------------------------------------------------------
// Lesson "try it" prompts

export interface TryIt {
  ref: string;
  lessonSlug: string;
  lessonTitle: string;
  id: string;
  prompt: string;
  system: string | null;
  check: TryItCheck;
  miniCheck: TryItCheck | null;
  recorded: RecordedReply | null;
}

/** A lesson's "try it" block by "lessonSlug:tryitId", in the reader's language, or null. */
export function findTryIt(ref: string, locale: Locale): TryIt | null {
  const [lessonSlug = "", id = ""] = ref.split(":");
  if (!lessonSlug || !id) return null;
  const lesson = getLesson(lessonSlug);
  const content = lesson?.content[locale];
  if (!content) return null;
  for (const step of content.steps) {
    const block = findTryItBlock(step.blocks, id);
    if (block) {
      return {
        ref,
        lessonSlug,
        lessonTitle: content.title,
        id,
        prompt: block.prompt,
        system: block.system ?? null,
        check: block.check,
        miniCheck: block.miniCheck ?? null,
        recorded: block.recorded ?? null,
      };
    }
  }
  return null;
}

type TryItBlock = Extract<Block, { t: "tryit" }>;

function findTryItBlock(blocks: readonly Block[], id: string): TryItBlock | null {
  for (const block of allBlocks(blocks)) if (block.t === "tryit" && block.id === id) return block;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The form both the stream route and the no-JavaScript page post (app/forms/playground.server.ts)

/** The refusal for a chat form that did not validate: its first problem, in the student's language. */
export function formRefusal(errors: FieldErrors, locale: Locale): Refusal {
  const [field, key] = Object.entries(errors)[0] ?? [];
  if (key === "playground.refused.empty") return refusal("empty", locale);
  if (key === "playground.refused.too_long") return refusal("too_long", locale, { max: field === "system" ? MAX_CHARS.systemPrompt : MAX_CHARS.prompt });
  return refusal("invalid", locale);
}
