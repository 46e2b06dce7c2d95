/**
 * The sandbox's rules: every decision the playground makes before, during and after a call, in
 * one module. Pure — given the facts (loaded by app/models/), decide — so each rule reads, and is
 * tested, as a table of facts and outcomes. The pipeline (pipeline.server.ts) loads the facts,
 * asks here, and acts.
 *
 *   policy      the class policy of a student (several classes combine: the most restrictive
 *               wins), or a sane default for teachers trying the playground themselves
 *   access      playground on/off, opening hours, allowed models, explore mode
 *   preamble    the safety preamble for minors, prepended to every student request, not removable
 *   screening   crisis messages go to the support card; personal data and blocked topics stop a
 *               prompt before it leaves the server; prompts and replies are flagged for the teacher
 *   rate        messages per minute (counted in the database, with the stream claim)
 *   budgets     what a call reserves, for the student AND each class, and what it finally costs
 *               (a failed call costs nothing)
 */
import type { PlaygroundPolicy } from "../../db/schema";
import type { SessionUser } from "~/utils/auth.server";
import type { SandboxFacts } from "~/models/playground-sandbox.server";
import type { BudgetScope } from "~/models/token-ledger.server";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/catalogs.server";
import { PERSONAL_DATA_KINDS, type Finding, type FindingKind } from "./screen-types";
import { screenPrompt, screenReply, screenTyped } from "./screening";
import { explainFindings } from "./explain-screening.server";
import type { ChatMessage, ChatRequest, ProviderErrorCode } from "./provider";
import { detectCrisisInTurn, type CrisisResult } from "./crisis";
import { restOfBlockedNumber, screenContext, type ContextFinding, type ContextPart } from "./screen-context";
import { foldForWords, originalSpan } from "./normalize-text";
import { wallClock, zoneOrServer } from "~/utils/time-zone";

// ---------------------------------------------------------------------------------------------
// Policy

export type Schedule = NonNullable<PlaygroundPolicy["schedule"]>;

/** What applies to one user right now, after combining their classes' policies. */
export interface EffectivePolicy {
  /** "student": their classes' rules; "staff": a teacher or admin trying the playground. */
  kind: "student" | "staff";
  enabled: boolean;
  /** Model ids every class allows (staff: null = whatever the school offers). */
  allowedModels: string[] | null;
  exploreMode: boolean;
  messagesPerMinute: number;
  /** The user's own daily budget. */
  dailyTokens: number;
  blockedTopics: string[];
  /** Every class's opening hours; the playground is open only when all of them are. */
  schedules: Schedule[];
  /** The school's time zone: opening hours are read on its clocks. */
  timeZone: string;
  /** Prepend the safety preamble for minors. */
  preamble: boolean;
}

export interface ClassBudget {
  classId: string;
  dailyTokens: number;
}

/**
 * Teachers may use the playground too: no class rules, but a budget of their own. The safety
 * preamble and the screening are the same as a student's: staff demonstrate on a projector.
 */
export const STAFF_POLICY: Omit<EffectivePolicy, "kind" | "timeZone"> = {
  enabled: true,
  allowedModels: null,
  exploreMode: true,
  messagesPerMinute: 20,
  dailyTokens: 100_000,
  blockedTopics: [],
  schedules: [],
  preamble: true,
};

/**
 * Several classes combine to the most restrictive rules: the playground is on only if every class
 * has it on; a model must be allowed by every class; explore mode needs every class; the lowest
 * rate and budget apply; every class's blocked topics and opening hours apply. No class at all
 * means no playground (a student joins a class with a code first).
 */
export function combinePolicies(policies: readonly PlaygroundPolicy[]): Omit<EffectivePolicy, "kind" | "timeZone"> {
  const [first, ...rest] = policies;
  if (!first) {
    return {
      enabled: false,
      allowedModels: [],
      exploreMode: false,
      messagesPerMinute: 0,
      dailyTokens: 0,
      blockedTopics: [],
      schedules: [],
      preamble: true,
    };
  }
  const topics = new Map<string, string>();
  for (const p of policies) for (const t of p.blockedTopics) if (t.trim()) topics.set(t.trim().toLowerCase(), t.trim());
  return {
    enabled: policies.every((p) => p.enabled),
    allowedModels: first.allowedModels.filter((m) => rest.every((p) => p.allowedModels.includes(m))),
    exploreMode: policies.every((p) => p.exploreMode),
    messagesPerMinute: Math.min(...policies.map((p) => p.messagesPerMinute)),
    dailyTokens: Math.min(...policies.map((p) => p.studentDailyTokens)),
    blockedTopics: [...topics.values()],
    schedules: policies.flatMap((p) => (p.schedule ? [p.schedule] : [])),
    preamble: true,
  };
}

/** Day 0 is Sunday (as Date#getDay); times are "HH:MM" on the school's clocks (`zone`); `to` is exclusive. */
export function scheduleOpenAt(schedule: Schedule, now: Date, zone: string): boolean {
  const clock = wallClock(now, zone);
  if (!schedule.days.includes(clock.weekday)) return false;
  const hhmm = `${pad(clock.hour)}:${pad(clock.minute)}`;
  return schedule.from <= hhmm && hhmm < schedule.to;
}

export function openAt(policy: Pick<EffectivePolicy, "schedules" | "timeZone">, now: Date): boolean {
  return policy.schedules.every((s) => scheduleOpenAt(s, now, policy.timeZone));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export interface BudgetUse {
  used: number;
  reserved: number;
  budget: number;
}

/** One user's sandbox, as a page or a chat request sees it. */
export interface Sandbox {
  policy: EffectivePolicy;
  /** The classes whose budgets a call reserves from, in enrolment order. */
  classes: ClassBudget[];
  /** The class a new conversation belongs to (the first one); null for staff. */
  homeClassId: string | null;
  /** Today's use of the user's own budget and of each class's. */
  usage: { own: BudgetUse; classes: (BudgetUse & { classId: string })[] };
}

/**
 * The rules that apply to a user, from their stored facts (loadSandboxFacts): a student's
 * classes combined, or the staff policy; opening hours on the school's clocks (the server's when
 * the school's zone is unknown); today's use of every budget.
 */
export function sandboxOf(user: Pick<SessionUser, "id" | "role">, facts: SandboxFacts): Sandbox {
  const timeZone = zoneOrServer(facts.timeZone);
  const policy: EffectivePolicy =
    user.role === "student"
      ? { kind: "student", ...combinePolicies(facts.classes.map((c) => c.policy)), timeZone }
      : { kind: "staff", ...STAFF_POLICY, timeZone };
  const classes = facts.classes.map((c) => ({ classId: c.id, dailyTokens: c.policy.classDailyTokens }));
  const usageOf = (scopeId: string, budget: number): BudgetUse => {
    const l = facts.ledger.find((x) => x.scope_id === scopeId);
    return { used: l?.used ?? 0, reserved: l?.reserved ?? 0, budget };
  };
  return {
    policy,
    classes,
    homeClassId: classes[0]?.classId ?? null,
    usage: {
      own: usageOf(user.id, policy.dailyTokens),
      classes: classes.map((c) => ({ classId: c.classId, ...usageOf(c.classId, c.dailyTokens) })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Access

export type RefusalCode =
  | "signed_out"
  | "invalid"
  | "no_class"
  | "disabled"
  | "closed"
  | "model_not_allowed"
  | "empty"
  | "too_long"
  | "not_found"
  | "nothing_to_regenerate"
  | "blocked"
  | "rate_limited"
  | "busy"
  | "budget_own"
  | "budget_class";

export const REFUSAL_STATUS: Record<RefusalCode, number> = {
  signed_out: 401,
  invalid: 400,
  no_class: 403,
  disabled: 403,
  closed: 403,
  model_not_allowed: 403,
  empty: 400,
  too_long: 400,
  not_found: 404,
  nothing_to_regenerate: 400,
  blocked: 422,
  rate_limited: 429,
  busy: 409,
  budget_own: 429,
  budget_class: 429,
};

/** Why the playground is closed to this user right now, or null when it is open. */
export function accessRefusal(policy: EffectivePolicy, hasClass: boolean, now: Date): RefusalCode | null {
  if (policy.kind === "student" && !hasClass) return "no_class";
  if (!policy.enabled) return "disabled";
  if (!openAt(policy, now)) return "closed";
  return null;
}

/** The models this user may pick, from those the school offers, in the school's order. */
export function allowedModelIds(policy: EffectivePolicy, offered: readonly string[]): string[] {
  return policy.allowedModels === null ? [...offered] : offered.filter((id) => policy.allowedModels!.includes(id));
}

// ---------------------------------------------------------------------------------------------
// Request shape: what guided mode fixes and explore mode lets a student change

/** Guided mode's sampling: the API's default temperature, so "regenerate" shows variety. */
export const GUIDED_TEMPERATURE = 1;

const MAX_TOKENS: Record<"mini" | "claude", { guided: number; explore: number }> = {
  mini: { guided: 60, explore: 300 },
  claude: { guided: 600, explore: 2_048 },
};

export function maxTokensFor(provider: "mini" | "claude", exploreMode: boolean, requested: number | null): number {
  const limits = MAX_TOKENS[provider];
  if (!exploreMode || requested === null) return limits.guided;
  return Math.min(Math.max(Math.round(requested), 1), limits.explore);
}

export function maxTokensLimit(provider: "mini" | "claude"): number {
  return MAX_TOKENS[provider].explore;
}

export function temperatureFor(exploreMode: boolean, requested: number | null): number {
  if (!exploreMode || requested === null || !Number.isFinite(requested)) return GUIDED_TEMPERATURE;
  return Math.min(Math.max(requested, 0), 1);
}

// ---------------------------------------------------------------------------------------------
// The safety preamble for minors

/**
 * The school's safety rules, first in every system prompt, in the student's language. The text is
 * in the catalogs (`modelPrompt.safetyRules`) so that 繁體中文 is derived from 简体中文 like
 * everything else a student's language shapes.
 */
export function safetyPreamble(locale: Locale): string {
  return translator(locale)("modelPrompt.safetyRules");
}

/**
 * The system prompt sent upstream. The preamble goes first and is not part of anything a student
 * can edit. A lesson's system prompt (course content) follows it as it is; a student's own
 * (explore mode) follows it inside the delimiters the preamble names, so the model can tell the
 * student's words from the school's rules.
 */
export function composeSystemPrompt(
  policy: Pick<EffectivePolicy, "preamble">,
  locale: Locale,
  own: string | null,
  author: "student" | "lesson" = "student",
): string {
  const text = own?.trim() ?? "";
  const mine = !text ? "" : author === "lesson" ? text : `<student_system_prompt>\n${withoutDelimiters(text).trim()}\n</student_system_prompt>`;
  return [policy.preamble ? safetyPreamble(locale) : "", mine].filter(Boolean).join("\n\n");
}

/**
 * Anything in the student's text that could pass for the delimiters — in any case, with spaces,
 * hyphens, full-width or look-alike brackets, hidden zero-width characters — is removed, so the
 * student cannot close their block early and write "rules" after it.
 */
const DELIMITER_LOOKALIKE =
  /[<‹〈《«⟨❬❮]\s*\/?\s*student[\s_-]*system[\s_-]*prompt(?:[^<>‹›〈〉《》«»⟨⟩❬❭❮❯\n]{0,40}[>›〉》»⟩❭❯])?|\/?\s*student[\s_-]*system[\s_-]*prompt\s*[>›〉》»⟩❭❯]/giu;

export function withoutDelimiters(text: string): string {
  const folded = foldForWords(text);
  let out = "";
  let at = 0;
  for (const m of folded.text.matchAll(DELIMITER_LOOKALIKE)) {
    const [start, end] = originalSpan(folded, m.index, m.index + m[0].length);
    if (start < at) continue;
    out += text.slice(at, start);
    at = end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Screening

export type ScreenOutcome =
  | { ok: true; flags: string[] }
  /** Blocked: `stored` is the prompt with personal data removed; `explanation` teaches why. */
  | { ok: false; findings: Finding[]; kinds: FindingKind[]; stored: string; explanation: string };

/**
 * Screens everything a user is about to send, before anything leaves the server: their own
 * system prompt (explore mode), their earlier messages in the conversation (`history`, the
 * student's own words only) and the new prompt, as one text — so a number split across messages
 * is caught too. A prompt that passes can still carry flags for the teacher (self-harm, violence,
 * sexual words, an attempt to get round the model's rules): it is sent, and the teacher sees it.
 * `blockedBefore`: the flags of the student's message just before, when it was blocked
 * (blockedJustBefore) — a number sent after it, with a few words at most, is read as its rest.
 */
export function screenOutgoing(
  prompt: string,
  ownSystem: string | null,
  policy: Pick<EffectivePolicy, "blockedTopics">,
  locale: Locale,
  { history = [], blockedBefore = [] }: { history?: readonly string[]; blockedBefore?: readonly string[] } = {},
): ScreenOutcome {
  const parts: ContextPart[] = [
    ...(ownSystem ? [{ source: "system" as const, text: ownSystem }] : []),
    ...history.map((text) => ({ source: "history" as const, text })),
    { source: "prompt", text: prompt },
  ];
  const screened = screenContext(parts, { blockedTopics: policy.blockedTopics });
  if (screened.ok) {
    const rest = restOfBlockedNumber(prompt, blockedBefore);
    if (rest.length > 0) return blockedFor(rest, prompt, explainFindings(rest, locale, "split"));
    return { ok: true, flags: typedFlagKinds(`${ownSystem ?? ""}\n${prompt}`, policy.blockedTopics) };
  }
  const findings = screened.findings;
  const inPrompt = findings.filter((f) => f.source === "prompt");
  const personal = findings.filter((f) => f.kind !== "blocked_topic");
  const where = personal.some((f) => f.split)
    ? "split"
    : personal.some((f) => f.source === "prompt")
      ? "prompt"
      : personal.some((f) => f.source === "system")
        ? "system"
        : "history";
  return blockedFor(findings, prompt, explainFindings(findings, locale, where, topicWhere(findings)), inPrompt);
}

function blockedFor(findings: Finding[], prompt: string, explanation: string, inPrompt: readonly Finding[] = findings): ScreenOutcome {
  return { ok: false, findings, kinds: [...new Set(findings.map((f) => f.kind))], stored: redactPersonalData(prompt, inPrompt), explanation };
}

/** A message blocked this long ago no longer makes a number sent now read as its rest. */
const REST_OF_BLOCKED_MS = 10 * 60_000;

/**
 * The flags of the student's last message in the conversation, when it was blocked a moment ago
 * (what screenOutgoing reads as `blockedBefore`); none otherwise.
 */
export function blockedJustBefore(
  stored: readonly { role: string; status: string; flags: string[]; createdAt: Date }[],
  now: Date,
): string[] {
  const last = stored.findLast((m) => m.role === "user");
  if (!last || last.status !== "blocked" || now.getTime() - last.createdAt.getTime() > REST_OF_BLOCKED_MS) return [];
  return last.flags;
}

/** Messages typed this long before a new conversation's first are read with it as one burst. */
const BURST_MS = 5 * 60_000;

/**
 * A new conversation's first message has no message before it in the conversation, but the
 * student may have pressed "New chat" between two halves ("i just want to" ⏎ New chat ⏎ "die";
 * a walk with a model key, 7 December): their last messages elsewhere, typed a moment ago, a line
 * each, oldest first, as `TypedByStudent.previous` reads them; null when there are none.
 */
export function burstBefore(newestFirst: readonly { text: string; createdAt: Date }[], now: Date): string | null {
  const recent = newestFirst.filter((m) => now.getTime() - m.createdAt.getTime() <= BURST_MS && m.text.trim() !== "");
  return recent.length > 0 ? recent.map((m) => m.text).reverse().join("\n") : null;
}

function topicWhere(findings: readonly ContextFinding[]): "prompt" | "system" | "history" {
  const topics = findings.filter((f) => f.kind === "blocked_topic");
  if (topics.some((f) => f.source === "prompt")) return "prompt";
  return topics.some((f) => f.source === "system") ? "system" : "history";
}

/** A reply's flags for the teacher ("self_harm", "personal_data", …), deduplicated. */
export function flagKinds(text: string, blockedTopics: readonly string[]): string[] {
  return [...new Set(screenReply(text, { blockedTopics: [...blockedTopics] }).map((f) => f.kind))];
}

/**
 * The flags of what a student typed: a reply's, and "jailbreak" for an attempt to get round the
 * model's rules — read in the student's words only, as a reply explaining jailbreaks is not one.
 */
function typedFlagKinds(text: string, blockedTopics: readonly string[]): string[] {
  return [...new Set(screenTyped(text, { blockedTopics: [...blockedTopics] }).map((f) => f.kind))];
}

/**
 * A blocked prompt is kept for the teacher, but without the personal data that blocked it: a
 * child's phone number should not sit in a transcript either. The mark reads the same in every
 * language; what was removed is in the message's flags.
 */
export const REDACTED = "███";

export function redactPersonalData(text: string, findings: readonly Finding[]): string {
  let out = "";
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.index - b.index)) {
    if (f.kind === "blocked_topic" || f.index < at) continue;
    out += text.slice(at, f.index) + REDACTED;
    at = f.index + f.match.length;
  }
  return out + text.slice(at);
}

/**
 * The explanation for a stored blocked prompt, rebuilt from its flags (what the student saw).
 * `ownSystem`: the conversation has the student's own system prompt, so what was found outside the
 * message may be there; without one it was in an earlier message.
 */
export function explainBlocked(kinds: readonly string[], text: string, blockedTopics: readonly string[], locale: Locale, ownSystem: boolean): string {
  const findings: Finding[] = kinds
    .filter((k): k is FindingKind => k !== "blocked_topic" && isFindingKind(k))
    .map((kind) => ({ kind, match: "", index: 0 }));
  if (kinds.includes("blocked_topic")) {
    const topics = screenPrompt(text, { blockedTopics: [...blockedTopics] });
    const found = topics.ok ? [] : topics.findings.filter((f) => f.kind === "blocked_topic");
    findings.push(...(found.length > 0 ? found : [{ kind: "blocked_topic" as const, match: "…", index: 0 }]));
  }
  // The personal data in the new message was redacted when it was stored; with no mark left, it
  // was elsewhere in what the message would have sent (the system prompt or an earlier message:
  // "your system prompt" read oddly to a student who never wrote one).
  const personalInPrompt = text.includes(REDACTED);
  const where = findings.some((f) => f.kind !== "blocked_topic") && !personalInPrompt ? (ownSystem ? "context" : "history") : "prompt";
  return explainFindings(findings, locale, where);
}

const FINDING_KINDS: readonly string[] = [...PERSONAL_DATA_KINDS, "blocked_topic"];
function isFindingKind(value: string): value is FindingKind {
  return FINDING_KINDS.includes(value);
}

// ---------------------------------------------------------------------------------------------
// What the student typed, and what becomes of a message that matched crisis detection

/**
 * What the student typed that this request sends — never the lesson's text, never the model's
 * replies: crisis detection and screening read only these.
 */
export interface TypedByStudent {
  prompt: string;
  /** Their own system prompt (explore mode); null when there is none or a lesson's try-it fixes it. */
  system: string | null;
  /** Their earlier messages that this request sends again, oldest first. */
  earlier: string[];
  /**
   * Their two messages just before this one, one a line (teens type in bursts: "i just want to" ⏎
   * "die", and in threes: "i want" ⏎ "to" ⏎ "die").
   */
  previous: string | null;
}

/** `messages` as sent, ending with the prompt; `system`: the system prompt the student typed. */
export function typedByStudent(messages: readonly ChatMessage[], system: string | null): TypedByStudent {
  const earlier = messages.slice(0, -1).flatMap((m) => (m.role === "user" ? [m.content] : []));
  return {
    prompt: messages.at(-1)!.content,
    system,
    earlier,
    previous: earlier.length > 0 ? earlier.slice(-2).join("\n") : null,
  };
}

/**
 * Crisis detection over this turn: the prompt with the student's own system prompt, and read on
 * from their message before. With a system prompt in between, the burst is the previous message
 * and this prompt, so that pair is read too when the first reading finds nothing.
 */
export function crisisInTurn(typed: TypedByStudent): CrisisResult {
  const withSystem = detectCrisisInTurn(typed.system ? `${typed.system}\n${typed.prompt}` : typed.prompt, typed.previous);
  return withSystem.matched || !typed.system ? withSystem : detectCrisisInTurn(typed.prompt, typed.previous);
}

/**
 * What happens to a message, from crisis detection, low mood and the screen (docs/decisions/006,
 * 014):
 *   send              nothing matched: it goes to the model
 *   block             personal data or a blocked topic: stored blocked, never sent
 *   hold_for_support  the support card alone, nothing sent: a crisis message the school keeps
 *                     from models (the default) or the screen would block, and a crisis or low-mood
 *                     message to a model that cannot talk about feelings (the mini model only
 *                     continues the course's text); low mood raises no alert
 *   send_after_card   the card comes first, then the model answers: a crisis message the school
 *                     lets models answer, or low mood (low-mood.ts)
 */
export type ScreeningVerdict = "send" | "block" | "hold_for_support" | "send_after_card";

export function screeningVerdict(facts: {
  crisis: boolean;
  sendCrisisToModel: boolean;
  screenedOk: boolean;
  lowMood: boolean;
  modelCanTalk: boolean;
}): ScreeningVerdict {
  if (facts.crisis) return facts.sendCrisisToModel && facts.screenedOk && facts.modelCanTalk ? "send_after_card" : "hold_for_support";
  if (!facts.screenedOk) return "block";
  if (facts.lowMood) return facts.modelCanTalk ? "send_after_card" : "hold_for_support";
  return "send";
}

// ---------------------------------------------------------------------------------------------
// Messages per minute

/**
 * Over the limit: a blocked prompt counts against the rate too, and past it is not even stored.
 * The stream claim applies the same rule inside its statement (stream-claims.server.ts).
 */
export function overRate(requestsInLastMinute: number, messagesPerMinute: number): boolean {
  return requestsInLastMinute >= messagesPerMinute;
}

// ---------------------------------------------------------------------------------------------
// Token budgets

/** The scopes a call of this user reserves from: their own budget and each of their classes'. */
export function budgetScopes(userId: string, sandbox: Pick<Sandbox, "policy" | "classes">): BudgetScope[] {
  return [
    // The ledger's "student" scope is any user's own budget (teachers' too).
    { scope: "student", scopeId: userId, budget: sandbox.policy.dailyTokens },
    ...sandbox.classes.map((c) => ({ scope: "class" as const, scopeId: c.classId, budget: c.dailyTokens })),
  ];
}

/** Per message, a generous allowance for the role markers and formatting the API adds. */
const FORMAT_TOKENS_PER_MESSAGE = 16;
/** Margin over the previous reply's exact count (a language switch changes the preamble a little). */
const USAGE_MARGIN = 1.1;
const USAGE_SLACK = 256;

const utf8 = new TextEncoder();
export function byteLength(text: string): number {
  return utf8.encode(text).length;
}

export interface PreviousUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * At most how many input tokens a request can cost, before sending it. Claude's tokens each cover
 * at least one byte of text (byte-level BPE), so bytes bound them from above. A conversation
 * whose last reply completed with the same system prompt knows its exact size so far — the API's
 * own count of that call — and needs bytes only for the new prompt, so long chats do not
 * reserve four times what they cost.
 */
export function maxInputTokens(system: string, messages: readonly ChatMessage[], previous: PreviousUsage | null): number {
  const last = messages.at(-1);
  if (previous && last && messages.length >= 3) {
    return (
      Math.ceil((previous.inputTokens + previous.outputTokens) * USAGE_MARGIN) +
      byteLength(last.content) +
      FORMAT_TOKENS_PER_MESSAGE +
      USAGE_SLACK
    );
  }
  let total = byteLength(system) + FORMAT_TOKENS_PER_MESSAGE;
  for (const m of messages) total += byteLength(m.content) + FORMAT_TOKENS_PER_MESSAGE;
  return total;
}

export interface ReservationFacts {
  provider: "mini" | "claude";
  userId: string;
  sandbox: Pick<Sandbox, "policy" | "classes">;
  request: Pick<ChatRequest, "model" | "system" | "messages" | "maxTokens">;
  /** The system prompt this request stores with the conversation (the student's or the lesson's). */
  ownSystem: string | null;
  /** A stored conversation: the system prompt it has, and its last completed reply's usage. */
  conversation: { systemPrompt: string | null; previous: (PreviousUsage & { model: string | null }) | null } | null;
}

/**
 * What a call reserves before it starts, and from which budgets. The offline mini model costs
 * nothing, so it reserves from none. A model reserves its most: the input's upper bound (exact so
 * far when the conversation continues with the same model and system prompt) plus max_tokens.
 */
export function reservationFor(f: ReservationFacts): { tokens: number; scopes: BudgetScope[] } {
  if (f.provider === "mini") return { tokens: 0, scopes: [] };
  const previous = f.conversation?.previous ?? null;
  const sameContext =
    f.conversation !== null && previous?.model === f.request.model && (f.conversation.systemPrompt ?? null) === (f.ownSystem ?? null);
  const tokens = maxInputTokens(f.request.system, f.request.messages, sameContext ? previous : null) + f.request.maxTokens;
  return { tokens, scopes: budgetScopes(f.userId, f.sandbox) };
}

/**
 * What a finished call costs the budgets: a complete reply its real usage; a reply the student
 * stopped, what was produced before the stop (Anthropic bills it); any failure nothing.
 */
export function costOf(outcome: "complete" | "stopped" | "failed", usage: PreviousUsage, textEvents: number): number {
  if (outcome === "complete") return usage.inputTokens + usage.outputTokens;
  if (outcome === "stopped") return usage.inputTokens + Math.max(usage.outputTokens, textEvents);
  return 0;
}

/** How a stream ended, as the provider told it. */
export interface StreamEnd {
  /** null: the reply completed; "aborted": the student stopped it; else what went wrong. */
  failure: ProviderErrorCode | null;
  text: string;
  textEvents: number;
  usage: PreviousUsage;
}

/**
 * How the reply is stored and what it costs: a stopped reply, or a failed one with some text, is
 * kept unfinished ("incomplete"); a failure with no text is an error.
 */
export function settlementOf(end: StreamEnd): { status: "complete" | "incomplete" | "error"; cost: number } {
  const stopped = end.failure === "aborted";
  const status = end.failure === null ? "complete" : stopped || end.text ? "incomplete" : "error";
  const cost = costOf(end.failure === null ? "complete" : stopped ? "stopped" : "failed", end.usage, end.textEvents);
  return { status, cost };
}
