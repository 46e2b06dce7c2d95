/**
 * The playground pipeline's decisions, as tables of facts and outcomes: the guard is pure, so
 * each rule is read here without a database, a provider or a request.
 */
import { describe, expect, it } from "vitest";
import type { PlaygroundPolicy } from "../../db/schema";
import type { ChatMessage } from "~/playground/provider";
import {
  byteLength,
  crisisInTurn,
  overRate,
  reservationFor,
  sandboxOf,
  screeningVerdict,
  settlementOf,
  STAFF_POLICY,
  typedByStudent,
  type ReservationFacts,
  type ScreeningVerdict,
  type StreamEnd,
} from "~/playground/guard.server";
import { serverTimeZone } from "~/utils/time-zone";

describe("what becomes of a message: crisis detection, low mood and the screen", () => {
  // [crisis matched, school lets models answer a crisis message, screen passed, low mood, the model can talk, verdict]
  const TABLE: [boolean, boolean, boolean, boolean, boolean, ScreeningVerdict][] = [
    [false, false, true, false, true, "send"],
    [false, true, true, false, true, "send"],
    [false, false, false, false, true, "block"],
    [false, true, false, false, true, "block"],
    [false, false, true, false, false, "send"],
    // the school's default: a crisis message goes to no model, whatever the screen says
    [true, false, true, false, true, "hold_for_support"],
    [true, false, false, false, true, "hold_for_support"],
    // allowed to the model, but one the screen would block is still never sent
    [true, true, false, false, true, "hold_for_support"],
    [true, true, true, false, true, "send_after_card"],
    // allowed, but the mini model cannot talk about it: the card alone
    [true, true, true, false, false, "hold_for_support"],
    // low mood: the card first, then a model that can talk; the card alone before the mini model
    [false, false, true, true, true, "send_after_card"],
    [false, false, true, true, false, "hold_for_support"],
    // low mood with personal data in it: blocked, as any such message
    [false, false, false, true, true, "block"],
  ];
  it.each(TABLE)("crisis %s, send crisis to model %s, screened ok %s, low mood %s, model can talk %s → %s", (crisis, sendCrisisToModel, screenedOk, lowMood, modelCanTalk, verdict) => {
    expect(screeningVerdict({ crisis, sendCrisisToModel, screenedOk, lowMood, modelCanTalk })).toBe(verdict);
  });
});

describe("what the student typed, and crisis detection over the turn", () => {
  const history = (...texts: string[]): ChatMessage[] => texts.map((content, i) => ({ role: i % 2 === 0 ? "user" : "assistant", content }));

  it("reads the prompt, the student's own system prompt, their earlier messages and the one before", () => {
    expect(typedByStudent(history("hello", "Hi!", "what is a token?", "A piece of text.", "and a word?"), "Answer like a pirate")).toEqual({
      prompt: "and a word?",
      system: "Answer like a pirate",
      earlier: ["hello", "what is a token?"],
      previous: "hello\nwhat is a token?",
    });
  });

  // found by a red team: a disclosure typed in three messages was read two at a time
  it("reads a burst of three messages", () => {
    expect(crisisInTurn(typedByStudent(history("i want", "…", "to", "…", "die"), null)).categories).toContain("suicide");
    expect(crisisInTurn(typedByStudent(history("我想", "…", "自", "…", "杀"), null)).categories).toContain("suicide");
    expect(crisisInTurn(typedByStudent(history("i want to die", "…", "ok", "…", "what is a token?"), null)).matched).toBe(false);
  });

  // "i havent eaten in 3 days" is neglect or an eating disorder until the student says which
  // (crisis.ts, not_eating): a reason in the messages around it settles it, a question does not
  it.each([
    [["i havent eaten in 3 days"], ["not_eating"]],
    [["i havent eaten in 3 days", "…", "theres no food at home"], ["abuse"]],
    [["theres no food at home", "…", "ok", "…", "i havent eaten in 3 days"], ["abuse"]],
    [["i havent eaten in 3 days", "…", "i want to be skinny"], ["self_harm"]],
    [["我三天没吃饭了", "…", "家里没有吃的"], ["abuse"]],
    [["what is a token?", "…", "我三天没吃饭了"], ["not_eating"]],
    // found by a red team: money for a game is no reason
    [["i have no money for the new game lol", "…", "ok", "…", "i havent eaten in 3 days"], ["not_eating"]],
    [["i want to be skinnier", "…", "ok", "…", "i havent eaten in 3 days"], ["self_harm"]],
  ])("days without food, and the reason around it: %j → %j", (texts, categories) => {
    expect(crisisInTurn(typedByStudent(history(...texts), null)).categories).toEqual(categories);
  });

  it("a new chat has no earlier message", () => {
    expect(typedByStudent(history("hello"), null)).toEqual({ prompt: "hello", system: null, earlier: [], previous: null });
  });

  // [previous message, system prompt, prompt, matched]
  const TURNS: [string | null, string | null, string, boolean][] = [
    [null, null, "I want to die", true],
    [null, "I want to die", "what is a token?", true],
    // typed in bursts, with and without a system prompt in between
    ["i just want to", null, "die", true],
    ["i just want to", "Answer like a pirate", "die", true],
    [null, "Answer like a pirate", "what is a token?", false],
    ["I want to die", null, "what is a token?", false],
  ];
  it.each(TURNS)("previous %j, system %j, prompt %j → matched %s", (previous, system, prompt, matched) => {
    const messages = previous ? history(previous, "…", prompt) : history(prompt);
    expect(crisisInTurn(typedByStudent(messages, system)).matched).toBe(matched);
  });
});

describe("messages per minute", () => {
  it.each([
    [0, 5, false],
    [4, 5, false],
    [5, 5, true],
    [6, 5, true],
    [0, 0, true],
  ])("%i requests in the last minute, limit %i → over %s", (recent, limit, over) => {
    expect(overRate(recent, limit)).toBe(over);
  });
});

describe("what a call reserves, and from which budgets", () => {
  const USER = "00000000-0000-4000-8000-000000000001";
  const CLASS = "00000000-0000-4000-8000-000000000002";
  const sandbox = {
    policy: { ...STAFF_POLICY, kind: "student" as const, timeZone: "UTC", dailyTokens: 5_000 },
    classes: [{ classId: CLASS, dailyTokens: 50_000 }],
  };
  const SYSTEM = "Safety rules";
  const continuing: ChatMessage[] = [
    { role: "user", content: "hello" },
    { role: "assistant", content: "Hi!" },
    { role: "user", content: "more" },
  ];
  const facts = (over: Partial<ReservationFacts> = {}): ReservationFacts => ({
    provider: "claude",
    userId: USER,
    sandbox,
    request: { model: "claude-x", system: SYSTEM, messages: [{ role: "user", content: "hello" }], maxTokens: 600 },
    ownSystem: null,
    conversation: null,
    ...over,
  });
  const bothScopes = [
    { scope: "student", scopeId: USER, budget: 5_000 },
    { scope: "class", scopeId: CLASS, budget: 50_000 },
  ];
  const everyByte = byteLength(SYSTEM) + 16 + byteLength("hello") + 16 + byteLength("Hi!") + 16 + byteLength("more") + 16 + 600;
  const fromPrevious = Math.ceil((1_000 + 200) * 1.1) + byteLength("more") + 16 + 256 + 600;
  const previous = { inputTokens: 1_000, outputTokens: 200, model: "claude-x" };

  it("the offline mini model reserves nothing, from no budget", () => {
    expect(reservationFor(facts({ provider: "mini" }))).toEqual({ tokens: 0, scopes: [] });
  });

  it("a new chat reserves every byte it sends plus max_tokens, from the student's budget and each class's", () => {
    expect(reservationFor(facts())).toEqual({ tokens: byteLength(SYSTEM) + 16 + byteLength("hello") + 16 + 600, scopes: bothScopes });
  });

  it("staff reserve from their own budget only", () => {
    expect(reservationFor(facts({ sandbox: { ...sandbox, classes: [] } })).scopes).toEqual([bothScopes[0]]);
  });

  // [model of the last reply, stored system prompt, this request's system prompt, tokens]
  const CONTINUING: [string, string | null, string | null, number][] = [
    ["claude-x", null, null, fromPrevious],
    ["claude-x", "Be brief", "Be brief", fromPrevious],
    ["claude-other", null, null, everyByte],
    ["claude-x", "Be brief", null, everyByte],
    ["claude-x", null, "Be brief", everyByte],
  ];
  it.each(CONTINUING)("continuing after %s with system %j → %j: %i tokens", (model, stored, own, tokens) => {
    const reserved = reservationFor(
      facts({
        request: { model: "claude-x", system: SYSTEM, messages: continuing, maxTokens: 600 },
        ownSystem: own,
        conversation: { systemPrompt: stored, previous: { ...previous, model } },
      }),
    );
    expect(reserved.tokens).toBe(tokens);
  });
});

describe("how a reply is stored and what it costs", () => {
  const usage = { inputTokens: 100, outputTokens: 40 };
  // [failure, text, text events, stored status, cost]
  const TABLE: [StreamEnd["failure"], string, number, "complete" | "incomplete" | "error", number][] = [
    [null, "A whole reply.", 3, "complete", 140],
    // stopped: what was produced is billed (at least a token per text event)
    ["aborted", "A whole", 2, "incomplete", 100 + 40],
    ["aborted", "A", 60, "incomplete", 100 + 60],
    ["aborted", "", 0, "incomplete", 100 + 40],
    // any failure costs nothing; with some text the reply is kept unfinished
    ["timeout", "A whole", 2, "incomplete", 0],
    ["stream_error", "A whole", 2, "incomplete", 0],
    ["server", "", 0, "error", 0],
    ["overloaded", "", 0, "error", 0],
  ];
  it.each(TABLE)("%s with %j (%i events) → %s, costs %i", (failure, text, textEvents, status, cost) => {
    expect(settlementOf({ failure, text, textEvents, usage })).toEqual({ status, cost });
  });
});

describe("the rules that apply to a user", () => {
  const policy = (over: Partial<PlaygroundPolicy>): PlaygroundPolicy => ({
    enabled: true,
    allowedModels: ["mini", "claude-x"],
    exploreMode: true,
    messagesPerMinute: 10,
    studentDailyTokens: 20_000,
    classDailyTokens: 200_000,
    blockedTopics: [],
    schedule: null,
    ...over,
  });
  const student = { id: "00000000-0000-4000-8000-000000000001", role: "student" as const };
  const A = "00000000-0000-4000-8000-00000000000a";
  const B = "00000000-0000-4000-8000-00000000000b";

  it("a student's classes combine to the strictest rules; today's ledger is read per scope", () => {
    const sandbox = sandboxOf(student, {
      timeZone: "Asia/Shanghai",
      classes: [
        { id: A, policy: policy({ messagesPerMinute: 5, blockedTopics: ["Games"] }) },
        { id: B, policy: policy({ allowedModels: ["mini"], exploreMode: false, classDailyTokens: 1_000 }) },
      ],
      ledger: [
        { scope: "student", scope_id: student.id, used: 300, reserved: 50 },
        { scope: "class", scope_id: B, used: 900, reserved: 0 },
      ],
    });
    expect(sandbox.policy).toMatchObject({ kind: "student", allowedModels: ["mini"], exploreMode: false, messagesPerMinute: 5, blockedTopics: ["Games"], timeZone: "Asia/Shanghai" });
    expect(sandbox.homeClassId).toBe(A);
    expect(sandbox.usage).toEqual({
      own: { used: 300, reserved: 50, budget: 20_000 },
      classes: [
        { classId: A, used: 0, reserved: 0, budget: 200_000 },
        { classId: B, used: 900, reserved: 0, budget: 1_000 },
      ],
    });
  });

  it("a student in no class gets no playground; staff get the staff policy; an unknown zone is the server's", () => {
    expect(sandboxOf(student, { timeZone: null, classes: [], ledger: [] }).policy).toMatchObject({ enabled: false, allowedModels: [] });
    const staff = sandboxOf({ id: student.id, role: "teacher" as const }, { timeZone: "Not/AZone", classes: [], ledger: [] });
    expect(staff.policy).toEqual({ kind: "staff", ...STAFF_POLICY, timeZone: serverTimeZone() });
    expect(staff.homeClassId).toBeNull();
  });
});
