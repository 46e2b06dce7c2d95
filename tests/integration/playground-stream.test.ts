/**
 * The playground end to end through the app's own resource route: the REAL @anthropic-ai/sdk
 * against the fake Anthropic API (a real HTTP server on 127.0.0.1), real PostgreSQL. Nothing here
 * mocks the SDK. The last part starts the real Lantern server to check what a browser receives.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { sql } from "drizzle-orm";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import { action as playgroundAction, loader as playgroundLoader } from "../../app/routes/playground";
import { action as policyAction, loader as policyLoader } from "../../app/routes/teach.classes.$classId.playground";
import { ReplyMarkdown } from "../../app/components/playground/reply-markdown";
import { createEventParser, type StreamEvent } from "../../app/playground/chat-events";
import { providerErrorMessage } from "../../app/playground/error-messages.server";
import { configureProviders } from "../../app/playground/providers.server";
import { claimStreamAndReserve } from "../../app/models/stream-claims.server";
import { classUsageToday, ledgerDay } from "../../app/models/token-ledger.server";
import { loadSandboxFacts } from "../../app/models/playground-sandbox.server";
import { promptWaitsForDisk, recordPrompt } from "../../app/models/playground.server";
import { factsOfSession, playgroundExchange } from "../../app/playground/pipeline.server";
import { ExchangeFormSchema } from "../../app/forms/playground.server";
import { validate } from "../../app/utils/forms.server";
import { serverTimeZone } from "../../app/utils/time-zone";
import { updatePlaygroundPolicy } from "../../app/models/classes.server";
import type { ProviderErrorCode } from "../../app/playground/provider";
import type { PlaygroundPolicy } from "../../db/schema";
import { connection, db, registerDatabase, transaction } from "../../app/utils/db.server";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "../../db/schema";
import { connect, type Connection, type Database } from "../../db/client";
import { cookieFor, makeClass, makeSchool, makeStudentIn, requestAs } from "../factories";
import { startFakeAnthropic, type FakeAnthropic, type ScriptStep } from "../../scripts/harness/fake-anthropic";
import { buildServer, serverBuildIsStale, ROOT, startLanternServer, type LanternServer } from "../../scripts/harness/lantern-server";
import type { SessionUser } from "../../app/utils/session.server";
import { refuseWrites, slowWrites } from "../setup/refuse-writes";


const MODEL = "claude-haiku-5-5";
let fake: FakeAnthropic;
let school: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  configureProviders({
    claude: { apiKey: fake.apiKey, baseURL: fake.url, timeoutMs: 800, maxRetries: 0 },
    claudeModels: [MODEL, "claude-sonnet-4-5"],
  });
  school = await makeSchool();
});
afterEach(() => fake.reset());
afterAll(async () => {
  configureProviders(null);
  await fake.close();
});

/** A class with these rules (generous rate by default, so tests do not trip it) and one student. */
async function studentWith(policy: Partial<PlaygroundPolicy> = {}) {
  const cls = await makeClass(school.admin);
  await updatePlaygroundPolicy(school.admin, cls.id, { ...cls.playgroundPolicy, messagesPerMinute: 60, ...policy });
  const student = await makeStudentIn(cls.id);
  return { cls, student };
}

async function post(
  user: SessionUser,
  form: Record<string, string>,
  { signal, locale }: { signal?: AbortSignal; locale?: string } = {},
): Promise<Response> {
  const headers = new Headers({
    Cookie: await cookieFor(user),
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: "http://localhost",
  });
  if (locale) headers.set("Accept-Language", locale);
  const request = new Request("http://localhost/api/playground/stream", {
    method: "POST",
    headers,
    body: new URLSearchParams(form),
    signal,
  });
  return (await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
}

async function eventsOf(response: Response): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  createEventParser((e) => events.push(e))(await response.text());
  return events;
}

const send = async (user: SessionUser, prompt: string, extra: Record<string, string> = {}, locale?: string) => {
  const response = await post(user, { prompt, model: MODEL, ...extra }, { locale });
  return { response, events: await eventsOf(response) };
};

async function ledger(...scopeIds: string[]) {
  const rows = await db().execute<{ scope_id: string; used: number; reserved: number }>(sql`
    select scope_id::text, used, reserved from token_ledger
     where day = ${ledgerDay(new Date(), serverTimeZone())}::date and scope_id in (${sql.join(scopeIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return Object.fromEntries(rows.map((r) => [r.scope_id, { used: r.used, reserved: r.reserved }]));
}

async function messagesOf(userId: string) {
  return db().execute<{
    role: string;
    text: string;
    status: string;
    error_code: string | null;
    input_tokens: number;
    output_tokens: number;
    flags: string[];
    flag_status: string;
    latency_ms: number | null;
    conversation_id: string;
  }>(sql`select role, text, status, error_code, input_tokens, output_tokens, flags, flag_status, latency_ms, conversation_id::text
           from playground_messages where user_id = ${userId} order by created_at`);
}

async function activeStreams(userId: string): Promise<number> {
  const [row] = await db().execute<{ n: number }>(sql`select count(*)::int as n from active_streams where user_id = ${userId}`);
  return row!.n;
}

const messagesPosted = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/messages");

describe("streaming a reply", () => {
  it("streams start, text…, usage, done; stores both messages; charges the real usage", async () => {
    const { cls, student } = await studentWith();
    const { response, events } = await send(student, "What is a token?");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/event-stream");
    expect(events[0]).toMatchObject({ type: "start", model: MODEL });
    const text = events.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("");
    expect(text).toBe("Echo: What is a token?");
    const usage = events.find((e) => e.type === "usage")!;
    expect(events.at(-1)).toMatchObject({ type: "done", stopReason: "end_turn" });

    // The safety preamble went first, in the student's language; no key ever recorded.
    const upstream = messagesPosted()[0]!;
    expect(String(upstream.body?.system)).toMatch(/^Lantern safety rules/);
    expect(upstream.body?.model).toBe(MODEL);

    const stored = await messagesOf(student.id);
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
    ]);
    expect(stored[1]!.text).toBe(text);
    expect(stored[1]!.latency_ms).toBeGreaterThanOrEqual(0);
    if (usage.type !== "usage") throw new Error("no usage");
    expect(stored[1]!).toMatchObject({ input_tokens: usage.inputTokens, output_tokens: usage.outputTokens });
    const cost = usage.inputTokens + usage.outputTokens;
    expect(await ledger(student.id, cls.id)).toEqual({
      [student.id]: { used: cost, reserved: 0 },
      [cls.id]: { used: cost, reserved: 0 },
    });
    expect(await activeStreams(student.id)).toBe(0);
  });

  it("continues a conversation with its history and the previous reply", async () => {
    const { student } = await studentWith();
    const first = await send(student, "First question");
    const start = first.events[0];
    if (start?.type !== "start") throw new Error("no start");
    await send(student, "Second question", { conversationId: start.conversationId });
    const body = messagesPosted()[1]!.body!;
    expect(body.messages).toEqual([
      { role: "user", content: "First question" },
      { role: "assistant", content: "Echo: First question" },
      { role: "user", content: "Second question" },
    ]);
    // Regenerate asks the last prompt again without the replies it had.
    await send(student, "", { conversationId: start.conversationId, intent: "regenerate" });
    expect(messagesPosted()[2]!.body!.messages).toEqual(body.messages);
  });

  it("serves the offline mini model without any budget", async () => {
    const { cls, student } = await studentWith();
    const response = await post(student, { prompt: "What is a token?", model: "mini" });
    const events = await eventsOf(response);
    expect(events.at(-1)?.type).toBe("done");
    expect(events.some((e) => e.type === "text")).toBe(true);
    expect(messagesPosted()).toHaveLength(0);
    expect(await ledger(student.id, cls.id)).toEqual({});
  });
});

describe("without JavaScript", () => {
  it("the page's own form runs the exchange to its end and shows the conversation", async () => {
    const { student } = await studentWith();
    const request = await requestAs(student, "/playground", {
      form: { intent: "send", prompt: "What is a token?", model: MODEL, conversationId: "", tryit: "prompting:prompting-try-tutor" },
      headers: { Origin: "http://localhost" },
    });
    const thrown = await playgroundAction({ request, params: {}, context: {} } as unknown as ActionFunctionArgs).catch((r: unknown) => r);
    expect(thrown).toBeInstanceOf(Response);
    const location = (thrown as Response).headers.get("Location")!;
    expect(location).toMatch(/^\/playground\?c=[0-9a-f-]{36}&tryit=prompting%3Aprompting-try-tutor$/);
    const stored = await messagesOf(student.id);
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
    ]);
    // The lesson fixed the system prompt, after the safety preamble.
    expect(String(messagesPosted()[0]!.body?.system)).toMatch(/^Lantern safety rules[\s\S]*patient maths tutor/);
    const page = (await playgroundLoader({ request: await requestAs(student, location), params: {}, context: {} } as unknown as LoaderFunctionArgs)) as unknown as {
      current: { messages: { role: string; text: string }[] };
      tryit: { system: string } | null;
    };
    expect(page.current.messages.map((m) => m.text)).toEqual(["What is a token?", "Echo: What is a token?"]);
    expect(page.tryit?.system).toMatch(/maths tutor/);
  });

  it("a student who leaves stops the model: the form listens to the connection, and the reply is kept unfinished", async () => {
    const { student } = await studentWith();
    fake.script({ kind: "reply", chunks: Array.from({ length: 200 }, (_, i) => `w${i} `), tokenDelayMs: 20 });
    const request = await requestAs(student, "/playground", { form: { prompt: "Write a long story", model: MODEL }, headers: { Origin: "http://localhost" } });
    // The server's signal for a closed connection (app/load-context.d.ts), not request.signal.
    const disconnected = new AbortController();
    const answered = playgroundAction({ request, params: {}, context: { disconnected: disconnected.signal } } as unknown as ActionFunctionArgs).catch((r: unknown) => r);
    await expect.poll(() => messagesPosted().length, { timeout: 3_000 }).toBe(1);
    disconnected.abort();
    await fake.waitForDisconnects(1, 3_000);
    expect(await answered).toBeInstanceOf(Response);
    const reply = (await messagesOf(student.id)).at(-1)!;
    expect(reply).toMatchObject({ role: "assistant", status: "incomplete", error_code: "aborted" });
    expect(await activeStreams(student.id)).toBe(0);
  });

  it("a refusal comes back as a message, and the prompt is kept", async () => {
    const { student } = await studentWith({ enabled: false });
    const request = await requestAs(student, "/playground", { form: { prompt: "hi", model: MODEL }, headers: { Origin: "http://localhost" } });
    const result = (await playgroundAction({ request, params: {}, context: {} } as unknown as ActionFunctionArgs)) as unknown as {
      data: { error: string; prompt: string };
      init: { status: number };
    };
    expect(result.init.status).toBe(403);
    expect(result.data).toEqual({ error: expect.stringMatching(/switched the playground off/), prompt: "hi" });
  });
});

describe("every fault ends in its terminal state, with the right message, and costs nothing", () => {
  const FAULTS: [string, ScriptStep, ProviderErrorCode, "error" | "incomplete"][] = [
    ["400", { kind: "http_error", status: 400 }, "bad_request", "error"],
    ["401", { kind: "http_error", status: 401 }, "auth", "error"],
    ["403", { kind: "http_error", status: 403 }, "permission", "error"],
    ["404", { kind: "http_error", status: 404 }, "not_found", "error"],
    ["413", { kind: "http_error", status: 413 }, "too_large", "error"],
    ["429", { kind: "http_error", status: 429, retryAfter: 0 }, "rate_limited", "error"],
    ["500", { kind: "http_error", status: 500 }, "server", "error"],
    ["529", { kind: "http_error", status: 529 }, "overloaded", "error"],
    ["timeout (no answer)", { kind: "hang", when: "before_headers" }, "timeout", "error"],
    ["timeout (silent mid-stream)", { kind: "hang", when: "mid_stream", afterChunks: ["Half ", "an "] }, "timeout", "incomplete"],
    ["connection reset", { kind: "reset", when: "before_headers" }, "connection", "error"],
    ["reset mid-stream", { kind: "reset", when: "mid_stream", afterChunks: ["Half ", "an "] }, "connection", "incomplete"],
    ["error event mid-stream", { kind: "stream_error", afterChunks: ["Half ", "an "] }, "stream_error", "incomplete"],
  ];

  it.each(FAULTS)("%s", async (_name, step, code, status) => {
    const { cls, student } = await studentWith();
    fake.script(step);
    const { events } = await send(student, "Tell me about tokens");
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: "error", code, status, message: providerErrorMessage(code, "en") });
    const stored = await messagesOf(student.id);
    expect(stored[1]).toMatchObject({ role: "assistant", status, error_code: code });
    if (status === "incomplete") expect(stored[1]!.text).toBe("Half an ");
    const ledgerRows = await ledger(student.id, cls.id);
    for (const id of [student.id, cls.id]) expect(ledgerRows[id]).toEqual({ used: 0, reserved: 0 });
    expect(await activeStreams(student.id)).toBe(0);
  });

  it("a reply the database refuses to store is not charged: reply and budget are one transaction", async () => {
    const { cls, student } = await studentWith();
    const undo = await refuseWrites("playground_messages", "insert", `new.user_id = '${student.id}' and new.role = 'assistant'`);
    try {
      const { events } = await send(student, "Tell me about tokens");
      expect(events.at(-1)).toMatchObject({ type: "error", code: "server", message: providerErrorMessage("server", "en") });
    } finally {
      await undo();
    }
    expect((await messagesOf(student.id)).map((m) => m.role)).toEqual(["user"]);
    const ledgerRows = await ledger(student.id, cls.id);
    for (const id of [student.id, cls.id]) expect(ledgerRows[id]).toEqual({ used: 0, reserved: 0 });
    expect(await activeStreams(student.id)).toBe(0);
  });

  it("a prompt the database refuses to store gets no reply: nothing the model says is shown before the prompt is on record", async () => {
    // The answer starts while the prompt is being written (its headers do not wait for the
    // write); its first event and the model's text must still wait for it.
    const { cls, student } = await studentWith();
    fake.script({ kind: "reply", text: "This reply must never reach the student" });
    const undo = await refuseWrites("playground_messages", "insert", `new.user_id = '${student.id}' and new.role = 'user'`);
    let events: StreamEvent[];
    try {
      ({ events } = await send(student, "Tell me about tokens"));
    } finally {
      await undo();
    }
    expect(events.map((e) => e.type)).toEqual(["error"]);
    expect(events.at(-1)).toMatchObject({ type: "error", code: "server", message: providerErrorMessage("server", "en") });
    expect(JSON.stringify(events)).not.toContain("must never reach");
    expect(await messagesOf(student.id)).toEqual([]);
    const ledgerRows = await ledger(student.id, cls.id);
    for (const id of [student.id, cls.id]) expect(ledgerRows[id] ?? { used: 0, reserved: 0 }).toEqual({ used: 0, reserved: 0 });
    expect(await activeStreams(student.id)).toBe(0);
  });

  it("the conversation a stream's start names is there to open, however slow the prompt's write", async () => {
    // The page opens the conversation as soon as "start" arrives: before the prompt (and a new
    // conversation) is stored, that page would find nothing.
    const { student } = await studentWith();
    fake.script({ kind: "reply", text: "Tokens are pieces of text" });
    const undo = await slowWrites("playground_messages", "insert", `new.user_id = '${student.id}' and new.role = 'user'`, 0.3);
    try {
      const response = await post(student, { prompt: "Tell me about tokens", model: MODEL });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const seen: StreamEvent[] = [];
      const parse = createEventParser((e) => seen.push(e));
      let found: number | null = null;
      while (found === null) {
        const { value, done } = await reader.read();
        if (done) break;
        parse(decoder.decode(value, { stream: true }));
        const start = seen.find((e) => e.type === "start");
        if (start?.type === "start") {
          const [row] = await db().execute<{ n: number }>(sql`select count(*)::int as n from playground_conversations where id = ${start.conversationId}`);
          found = row!.n;
        }
      }
      expect(found, "the conversation exists when start arrives").toBe(1);
      while (!(await reader.read()).done);
    } finally {
      await undo();
    }
  });

  it("tells the student in their language", async () => {
    const { student } = await studentWith();
    fake.script({ kind: "http_error", status: 529 });
    const { events } = await send(student, "你好", {}, "zh-CN");
    expect(events.at(-1)).toMatchObject({ code: "overloaded", message: providerErrorMessage("overloaded", "zh-Hans") });
    expect(String(messagesPosted()[0]!.body?.system)).toMatch(/^Lantern 安全规则/);
  });
});

describe("the claim before a call", () => {
  // The test databases commit without waiting for the disk (tests/setup/global-db.ts), so these
  // tests open connections that do wait, as a served school's do, and the claim runs on them.
  let durable: Connection;
  let previousConnection: Connection;
  beforeAll(() => {
    previousConnection = connection();
    const client = postgres(process.env.LANTERN_TEST_DATABASE_URL!, { max: 4, onnotice: () => {}, connection: { synchronous_commit: "on" } });
    durable = { url: process.env.LANTERN_TEST_DATABASE_URL!, db: drizzle(client, { schema }) as Database, sql: client, close: () => client.end({ timeout: 5 }) };
    registerDatabase(durable);
  });
  afterAll(async () => {
    registerDatabase(previousConnection);
    await durable.close();
  });
  const commitMode = async () => (await db().execute<{ v: string }>(sql`select current_setting('synchronous_commit') as v`))[0]!.v;

  it("leaves every statement after it waiting for the disk, on any connection", async () => {
    // The claim's commit is asynchronous (stream-claims.server.ts): set for its own statement's
    // transaction only. Were it to stay on a pooled connection, the prompt stored next (a
    // safeguarding record) could be lost in a crash.
    const { cls } = await studentWith();
    const students = await Promise.all(Array.from({ length: 12 }, () => makeStudentIn(cls.id)));
    const day = ledgerDay(new Date(), serverTimeZone());
    const claims = await Promise.all(students.map((s) => claimStreamAndReserve(s.id, 60, [{ scope: "student", scopeId: s.id, budget: 10_000 }], day, 100)));
    expect(claims.every((c) => c.ok)).toBe(true);
    const modes = await Promise.all(students.map(() => commitMode()));
    expect(new Set(modes)).toEqual(new Set(["on"]));
  });

  it("an unflagged prompt's write, which does not wait for the disk either, leaves the connections durable after it", async () => {
    const { cls } = await studentWith();
    const students = await Promise.all(Array.from({ length: 12 }, () => makeStudentIn(cls.id)));
    const stored = await Promise.all(
      students.map((s) => recordPrompt(s, { conversationId: null, classId: cls.id, model: MODEL, systemPrompt: null, text: "hello", status: "complete", flags: [] })),
    );
    expect(stored.every((row) => row !== null)).toBe(true);
    const modes = await Promise.all(students.map(() => commitMode()));
    expect(new Set(modes)).toEqual(new Set(["on"]));
  });

  it("inside a caller's transaction leaves that transaction durable", async () => {
    const { student } = await studentWith();
    const day = ledgerDay(new Date(), serverTimeZone());
    const inside = await transaction(async () => {
      const claim = await claimStreamAndReserve(student.id, 60, [], day, 0);
      return { claim, mode: await commitMode() };
    });
    expect(inside).toEqual({ claim: { ok: true, reservation: { scopes: [], day, tokens: 0 } }, mode: "on" });
    expect(await activeStreams(student.id)).toBe(1);
  });
});

describe("the class rules' facts, read beside the session lookup", () => {
  it("are read once per exchange, by the session's token (one round trip before the policy, not two)", async () => {
    const { student } = await studentWith();
    const queries: string[] = [];
    const original = connection();
    const counted = connect(original.url, { max: 4, debug: (_c, query) => queries.push(query) });
    registerDatabase(counted);
    try {
      const { events } = await send(student, "What is a token?");
      expect(events.at(-1)).toMatchObject({ type: "done" });
    } finally {
      registerDatabase(original);
      await counted.close();
    }
    const facts = queries.filter((q) => /with who as/.test(q));
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatch(/from sessions s join users u/);
  });

  it("are what the user's own facts are; nobody's for a token no session holds", async () => {
    const { student, cls } = await studentWith();
    await send(student, "What is a token?"); // today's ledger rows
    const now = new Date();
    const early = await factsOfSession(await requestAs(student, "/api/playground/stream"), now);
    expect(early).toEqual({ ...(await loadSandboxFacts(student, now)), userId: student.id });
    expect(early!.classes.map((c) => c.id)).toEqual([cls.id]);
    expect(early!.ledger.length).toBeGreaterThan(0);
    expect(await factsOfSession(await requestAs(null, "/api/playground/stream"), now)).toBeNull();
    const forged = new Request("http://localhost/api/playground/stream", { headers: { Cookie: "lantern_session=" + "A".repeat(43) } });
    expect(await factsOfSession(forged, now)).toBeNull();
  });

  it("count only when they are the facts of the user the session lookup found", async () => {
    // Another student's facts (their class open) handed to an exchange of a student whose class
    // has the playground switched off: the exchange reads the student's own, and refuses.
    const open = await studentWith();
    const closed = await studentWith({ enabled: false });
    const now = new Date();
    const othersFacts = Promise.resolve({ ...(await loadSandboxFacts(open.student, now)), userId: open.student.id });
    const form = validate(ExchangeFormSchema, { intent: "send", model: MODEL, prompt: "hello" });
    const events = [];
    for await (const e of playgroundExchange(closed.student, form, "en", new AbortController().signal, { now, facts: othersFacts })) events.push(e);
    expect(events).toEqual([{ type: "refused", refusal: expect.objectContaining({ code: "disabled" }) }]);
    expect(messagesPosted()).toHaveLength(0);
  });
});

describe("an unflagged prompt's commit", () => {
  it("does not wait for the disk; a flagged, crisis or blocked one does", () => {
    const plain = { flags: [], crisis: null, status: "complete" as const };
    expect(promptWaitsForDisk(plain)).toBe(false);
    expect(promptWaitsForDisk({ ...plain, flags: ["jailbreak"] })).toBe(true);
    expect(promptWaitsForDisk({ ...plain, flags: [], crisis: [{ category: "self_harm", rule: "x" }] as never })).toBe(true);
    expect(promptWaitsForDisk({ ...plain, flags: ["phone"], status: "blocked" })).toBe(true);
  });
});

describe("budgets hold under concurrency", () => {
  it("50 parallel claims against one class's budget reserve exactly what fits, and give the rest back", async () => {
    // The app's own reservation path (what the stream action calls): each student claims their
    // stream and reserves from their own budget AND the shared class budget in one statement.
    const { cls } = await studentWith();
    const students = await Promise.all(Array.from({ length: 50 }, () => makeStudentIn(cls.id)));
    const day = ledgerDay(new Date(), serverTimeZone());
    const results = await Promise.all(
      students.map((s) =>
        claimStreamAndReserve(s.id, 60, [
          { scope: "student", scopeId: s.id, budget: 10_000 },
          { scope: "class", scopeId: cls.id, budget: 1_000 },
        ], day, 100),
      ),
    );
    const granted = students.filter((_, i) => results[i]!.ok);
    const refused = students.filter((_, i) => !results[i]!.ok);
    expect(granted).toHaveLength(10);
    for (const i of results.keys()) if (!results[i]!.ok) expect(results[i]).toEqual({ ok: false, reason: "budget_class" });
    expect((await ledger(cls.id))[cls.id]).toEqual({ used: 0, reserved: 1_000 });
    const own = await ledger(...students.map((s) => s.id));
    for (const s of granted) expect(own[s.id]).toEqual({ used: 0, reserved: 100 });
    // A refused claim keeps nothing: its own reservation is given back and its stream freed.
    for (const s of refused) expect(own[s.id] ?? { used: 0, reserved: 0 }).toEqual({ used: 0, reserved: 0 });
    for (const s of refused) expect(await activeStreams(s.id)).toBe(0);
    for (const s of granted) expect(await activeStreams(s.id)).toBe(1);
  });

  it("50 parallel requests from one student never overspend their budget", async () => {
    const budget = 6_000; // a reservation is ~2,400 tokens, a finished call costs ~450
    const { student } = await studentWith({ studentDailyTokens: budget });
    // 50 clients at once; each one retries while another of the student's streams runs, so
    // requests keep arriving until the budget refuses them.
    const outcomes: string[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let attempt = 0; attempt < 200; attempt++) {
          const { events } = await send(student, "hi");
          const last = events.at(-1)!;
          const outcome = last.type === "done" ? "done" : (last as { code: string }).code;
          outcomes.push(outcome);
          if (outcome !== "busy") return;
          await new Promise((r) => setTimeout(r, Math.random() * 5));
        }
      }),
    );
    const done = outcomes.filter((o) => o === "done").length;
    expect(done).toBeGreaterThanOrEqual(2);
    expect(outcomes).toContain("budget_own");
    expect(new Set(outcomes)).toEqual(new Set(["done", "busy", "budget_own"]));
    expect(messagesPosted()).toHaveLength(done);
    const row = (await ledger(student.id))[student.id]!;
    expect(row.reserved).toBe(0);
    expect(row.used).toBeGreaterThan(0);
    expect(row.used).toBeLessThanOrEqual(budget);
    expect(await activeStreams(student.id)).toBe(0);
  });

  it("50 students in parallel never overspend their class's budget", async () => {
    const budget = 8_000; // about three reservations at once
    const { cls } = await studentWith({ classDailyTokens: budget, studentDailyTokens: 8_000 });
    const students = await Promise.all(Array.from({ length: 50 }, () => makeStudentIn(cls.id)));
    fake.script(...Array.from({ length: 50 }, () => ({ kind: "reply" as const, text: "a b c d e f g h", tokenDelayMs: 5 })));
    const runs = await Promise.all(students.map((s) => send(s, "hello")));
    const done = runs.filter((r) => r.events.at(-1)?.type === "done");
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.length).toBeLessThan(50);
    for (const r of runs.filter((x) => x.events.at(-1)?.type !== "done")) {
      expect(r.events.at(-1)).toMatchObject({ type: "error", code: "budget_class" });
      expect(r.response.status).toBe(429);
    }
    const row = (await ledger(cls.id))[cls.id]!;
    expect(row.reserved).toBe(0);
    expect(row.used).toBeGreaterThan(0);
    expect(row.used).toBeLessThanOrEqual(budget);
  });
});

describe("budgets by the school's day", () => {
  it("a school in another time zone is charged on its own date, and today's use is read from that date", async () => {
    // a zone whose date differs from the server's right now (one of the two always does)
    const serverDay = ledgerDay(new Date(), serverTimeZone());
    const zone = ["Etc/GMT-14", "Etc/GMT+12"].find((z) => ledgerDay(new Date(), z) !== serverDay);
    expect(zone).toBeDefined();
    const schoolDay = ledgerDay(new Date(), zone!);
    const far = await makeSchool();
    await db().execute(sql`update schools set settings = settings || ${JSON.stringify({ timeZone: zone })}::jsonb where id = ${far.school.id}`);
    const cls = await makeClass(far.admin);
    await updatePlaygroundPolicy(far.admin, cls.id, { ...cls.playgroundPolicy, messagesPerMinute: 60 });
    const student = await makeStudentIn(cls.id);

    const { events } = await send(student, "What is a token?");
    expect(events.at(-1)).toMatchObject({ type: "done" });
    const rows = await db().execute<{ day: string; scope: string; used: number }>(sql`
      select to_char(day, 'YYYY-MM-DD') as day, scope, used from token_ledger where scope_id in (${student.id}::uuid, ${cls.id}::uuid)`);
    expect(rows.map((r) => [r.scope, r.day]).sort()).toEqual([
      ["class", schoolDay],
      ["student", schoolDay],
    ]);
    const used = rows[0]!.used;
    expect(used).toBeGreaterThan(0);
    // what the budgets are checked and shown against: the same date
    const facts = await loadSandboxFacts(student);
    expect(facts.ledger.map((l) => [l.scope, l.used]).sort()).toEqual([
      ["class", used],
      ["student", used],
    ]);
    expect(await classUsageToday(cls.id, zone!)).toEqual({ used, reserved: 0 });
    expect(await classUsageToday(cls.id, serverTimeZone())).toEqual({ used: 0, reserved: 0 });
  });
});

describe("one stream per student, and stop", () => {
  async function startSlow(student: SessionUser, signal?: AbortSignal) {
    fake.script({ kind: "reply", chunks: Array.from({ length: 200 }, (_, i) => `w${i} `), tokenDelayMs: 20 });
    const response = await post(student, { prompt: "Write a long story", model: MODEL }, { signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const seen: StreamEvent[] = [];
    const parse = createEventParser((e) => seen.push(e));
    while (!seen.some((e) => e.type === "text")) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended before any text");
      parse(value);
    }
    return { reader, seen, parse };
  }

  it("refuses a second stream while the first runs, then allows the next", async () => {
    const { student } = await studentWith();
    const controller = new AbortController();
    const first = await startSlow(student, controller.signal);
    const second = await send(student, "Another question");
    expect(second.response.status).toBe(409);
    expect(second.events).toEqual([
      expect.objectContaining({ type: "error", code: "busy", message: expect.stringMatching(/still being written/) }),
    ]);
    controller.abort();
    await first.reader.cancel().catch(() => {});
    await expect.poll(() => activeStreams(student.id), { timeout: 3_000 }).toBe(0);
    const third = await send(student, "Now?");
    expect(third.events.at(-1)?.type).toBe("done");
  });

  it("a message held for the support card or blocked gives its claim back, and leaves a running stream's claim alone", async () => {
    // The claim is sent while the screen reads (pipeline.server.ts). For a message that stays on
    // the server it is given back; refused "busy", it took nothing, and the row is the running
    // stream's.
    const { cls, student } = await studentWith();
    const controller = new AbortController();
    const first = await startSlow(student, controller.signal);
    const held = await send(student, "i want to kill myself");
    expect(held.events.map((e) => e.type)).toEqual(["start", "support", "done"]);
    const blocked = await send(student, "my number is 555-123-4567");
    expect(blocked.response.status).toBe(422);
    expect(await activeStreams(student.id)).toBe(1);
    let text = "";
    for (let next = await first.reader.read(); !next.done; next = await first.reader.read()) text += next.value;
    first.parse(text);
    expect(first.seen.at(-1)).toMatchObject({ type: "done" });
    expect(messagesPosted()).toHaveLength(1);

    // with no stream running, the held message's own claim is taken and given back
    const again = await send(student, "i want to kill myself");
    expect(again.events.map((e) => e.type)).toEqual(["start", "support", "done"]);
    expect(await activeStreams(student.id)).toBe(0);
    const own = (await ledger(student.id, cls.id))[student.id];
    expect(own?.reserved ?? 0).toBe(0);
    expect((await send(student, "Now a question")).events.at(-1)?.type).toBe("done");
  });

  it("a claim made while the screen reads is given back when the screening itself fails", async () => {
    // A crisis message makes the screen read the school's safeguarding settings; here that read
    // fails (a school id PostgreSQL refuses), after the claim was sent beside it.
    const { cls, student } = await studentWith();
    const broken = { ...student, schoolId: "not-a-school" };
    const form = validate(ExchangeFormSchema, { intent: "send", model: MODEL, prompt: "i want to kill myself" });
    const run = async () => {
      for await (const _event of playgroundExchange(broken, form, "en", new AbortController().signal)) {
        // the exchange fails before its first event
      }
    };
    await expect(run()).rejects.toThrow();
    // the claim ran (today's ledger rows are there), and nothing of it stays
    const rows = await ledger(student.id, cls.id);
    expect(rows[student.id]).toEqual({ used: 0, reserved: 0 });
    expect(await activeStreams(student.id)).toBe(0);
    expect(messagesPosted()).toHaveLength(0);
  });

  it("stop aborts the upstream request; the fake sees the disconnect; the reply is kept, unfinished", async () => {
    const { student } = await studentWith();
    const controller = new AbortController();
    const { reader } = await startSlow(student, controller.signal);
    controller.abort();
    await reader.cancel().catch(() => {});
    await fake.waitForDisconnects(1, 3_000);
    await expect.poll(async () => (await messagesOf(student.id)).at(-1)?.status, { timeout: 3_000 }).toBe("incomplete");
    const reply = (await messagesOf(student.id)).at(-1)!;
    expect(reply).toMatchObject({ role: "assistant", error_code: "aborted" });
    expect(reply.text).toMatch(/^w0 /);
    expect(await activeStreams(student.id)).toBe(0);
  });
});

describe("screening", () => {
  it("a prompt with a phone number is not sent, is stored blocked without the number, and the student learns why", async () => {
    const { cls, student } = await studentWith();
    const { response, events } = await send(student, "Please call my mum at 555-123-4567 and say hi");
    expect(response.status).toBe(422);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ type: "error", code: "blocked", status: "blocked" });
    expect((last as { message: string }).message).toMatch(/not sent.*phone number/s);
    expect(messagesPosted()).toHaveLength(0);
    const stored = await messagesOf(student.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ role: "user", status: "blocked", flags: ["phone"] });
    expect(stored[0]!.text).not.toMatch(/555/);
    // it costs nothing: the claim sent beside the screen may have opened today's rows, and gave them back
    expect(Object.values(await ledger(student.id, cls.id)).filter((l) => l.used > 0 || l.reserved > 0)).toEqual([]);
    expect(await activeStreams(student.id)).toBe(0);
  });

  it("blocks a Chinese mobile number and a teacher's blocked topic, explaining in Chinese", async () => {
    const { student } = await studentWith({ blockedTopics: ["游戏"] });
    const phone = await send(student, "我的手机号是13800138000", {}, "zh-CN");
    expect((phone.events.at(-1) as { message: string }).message).toMatch(/没有发出去.*手机号码/s);
    const topic = await send(student, "推荐一个游戏吧", {}, "zh-CN");
    expect((topic.events.at(-1) as { message: string }).message).toMatch(/游戏/);
    expect(messagesPosted()).toHaveLength(0);
  });

  it("a reply is flagged for the teacher, and one with <script> is stored and shown as text", async () => {
    const { student } = await studentWith();
    const evil = '<script>alert("x")</script> and <img src=x onerror=alert(1)> — I want to die';
    fake.script({ kind: "reply", text: evil });
    const { events } = await send(student, "Say something");
    expect(events.at(-1)).toMatchObject({ type: "done", flagged: true });
    const reply = (await messagesOf(student.id)).at(-1)!;
    expect(reply.text).toBe(evil);
    expect(reply).toMatchObject({ flag_status: "open", flags: ["self_harm"] });
    const html = renderToStaticMarkup(createElement(ReplyMarkdown, { text: reply.text }));
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("policy", () => {
  it("refuses when the class has switched the playground off, outside opening hours, and for a model it does not allow", async () => {
    const off = await studentWith({ enabled: false });
    expect((await send(off.student, "hi")).events[0]).toMatchObject({ code: "disabled" });
    const closed = await studentWith({ schedule: { days: [], from: "08:00", to: "09:00" } });
    expect((await send(closed.student, "hi")).events[0]).toMatchObject({ code: "closed" });
    const miniOnly = await studentWith({ allowedModels: ["mini"] });
    expect((await send(miniOnly.student, "hi")).events[0]).toMatchObject({ code: "model_not_allowed" });
    expect(messagesPosted()).toHaveLength(0);
  });

  it("outside the opening hours shows a student the hours in their language and where help is", async () => {
    // days [1, 2, 3] but an hour that has always just passed or not yet come: closed
    const closed = await studentWith({ schedule: { days: [1, 2, 3], from: "00:00", to: "00:01" } });
    const load = async (lang: string) =>
      (await playgroundLoader({ request: await requestAs(closed.student, "/playground", { headers: { "Accept-Language": lang } }), params: {}, context: {} } as LoaderFunctionArgs)) as unknown as {
        closedMessage: string | null;
        hours: string[];
        closedHelp: string | null;
      };
    const en = await load("en");
    expect(en.closedMessage).not.toBeNull();
    // no contact set: the card's own words name who can help at school
    expect(en.closedHelp).toContain("your teacher, your form tutor or the school counsellor");
    expect(en.hours[0]).toContain("Mon, Tue, and Wed");
    const zh = await load("zh-CN");
    expect(zh.hours[0]).toMatch(/周一、周二和周三/);
    expect(zh.hours[0]).not.toContain(", ");
    expect(zh.closedHelp).toMatch(/老师/);
  });

  it("several classes combine to the strictest rules", async () => {
    const a = await studentWith({ exploreMode: true, allowedModels: ["mini", MODEL] });
    const strict = await makeClass(school.admin);
    await updatePlaygroundPolicy(school.admin, strict.id, { ...strict.playgroundPolicy, exploreMode: false, allowedModels: [MODEL] });
    await db().execute(sql`insert into enrollments (class_id, student_id) values (${strict.id}, ${a.student.id})`);
    // explore mode off in one class: the student's own system prompt and temperature are ignored
    await send(a.student, "hi", { system: "You are a pirate", temperature: "0.1" });
    const body = messagesPosted()[0]!.body!;
    expect(String(body.system)).not.toContain("pirate");
    expect(body.temperature).toBe(1);
    // mini is allowed by one class only
    expect((await eventsOf(await post(a.student, { prompt: "hi", model: "mini" })))[0]).toMatchObject({ code: "model_not_allowed" });
  });

  it("rate-limits messages per minute, counted in the database", async () => {
    const { student } = await studentWith({ messagesPerMinute: 2 });
    expect((await send(student, "one")).events.at(-1)?.type).toBe("done");
    expect((await send(student, "two")).events.at(-1)?.type).toBe("done");
    const third = await send(student, "three");
    expect(third.response.status).toBe(429);
    expect(third.events[0]).toMatchObject({ code: "rate_limited" });
  });

  it("a student without a class, or signed out, is refused", async () => {
    const { makeUser } = await import("../factories");
    const loner = await makeUser(school.school.id, "student");
    expect((await send(loner, "hi")).events[0]).toMatchObject({ code: "no_class" });
    const anonymous = new Request("http://localhost/api/playground/stream", { method: "POST", body: new URLSearchParams({ prompt: "hi", model: MODEL }) });
    const res = (await streamAction({ request: anonymous, params: {}, context: {} } as ActionFunctionArgs)) as Response;
    expect(res.status).toBe(401);
    // refused unread: the form is read beside the session lookup only when there is a session token
    expect(anonymous.bodyUsed).toBe(false);
  });

  it("someone else's conversation is not found", async () => {
    const a = await studentWith();
    const b = await studentWith();
    const start = (await send(a.student, "mine")).events[0] as { conversationId: string };
    const theirs = await send(b.student, "hi", { conversationId: start.conversationId });
    expect(theirs.events[0]).toMatchObject({ code: "not_found" });
    await expect(playgroundLoader({ request: await requestAs(b.student, `/playground?c=${start.conversationId}`), params: {}, context: {} } as unknown as LoaderFunctionArgs)).rejects.toMatchObject({ status: 404 });
  });
});

describe("the class policy form", () => {
  const post = async (teacher: SessionUser, classId: string, form: Record<string, string | string[]>) => {
    const request = await requestAs(teacher, `/teach/classes/${classId}/playground`, { form, headers: { Origin: "http://localhost" } });
    const result = await policyAction({ request, params: { classId }, context: {} } as unknown as ActionFunctionArgs);
    return result as unknown as { data: { errors: Record<string, string>; saved: boolean }; init: { status?: number } | null };
  };
  const VALID = {
    enabled: "on",
    allowedModels: ["mini", MODEL],
    exploreMode: "on",
    messagesPerMinute: "5",
    studentDailyTokens: "10000",
    classDailyTokens: "200000",
    blockedTopics: "weapons\n  \nweapons\n游戏",
    scheduleOn: "on",
    days: ["1", "3"],
    from: "08:30",
    to: "15:00",
  };

  it("saves what the teacher chose", async () => {
    const cls = await makeClass(school.admin);
    const result = await post(school.admin, cls.id, VALID);
    expect(result.data).toMatchObject({ saved: true, errors: {} });
    const view = (await policyLoader({ request: await requestAs(school.admin, `/teach/classes/${cls.id}/playground`), params: { classId: cls.id }, context: {} } as unknown as LoaderFunctionArgs)) as unknown as { policy: PlaygroundPolicy; preamble: string };
    expect(view.policy).toEqual({
      enabled: true,
      allowedModels: ["mini", MODEL],
      exploreMode: true,
      messagesPerMinute: 5,
      studentDailyTokens: 10_000,
      classDailyTokens: 200_000,
      blockedTopics: ["weapons", "游戏"],
      schedule: { days: [1, 3], from: "08:30", to: "15:00" },
    });
    expect(view.preamble).toMatch(/^Lantern safety rules/);
  });

  it("invalid input returns an error beside each field and writes nothing", async () => {
    const cls = await makeClass(school.admin);
    const before = cls.playgroundPolicy;
    const result = await post(school.admin, cls.id, {
      ...VALID,
      allowedModels: [],
      messagesPerMinute: "0",
      studentDailyTokens: "lots",
      classDailyTokens: "100",
      from: "15:00",
      to: "09:00",
      days: [],
    });
    expect(result.init?.status).toBe(400);
    expect(result.data.errors).toEqual({
      allowedModels: "playground.policy.error.models",
      messagesPerMinute: "playground.policy.error.messagesPerMinute",
      studentDailyTokens: "playground.policy.error.studentDailyTokens",
      days: "playground.policy.error.days",
      to: "playground.policy.error.timeOrder",
    });
    const unknownModel = await post(school.admin, cls.id, { ...VALID, allowedModels: ["gpt-5"] });
    expect(unknownModel.data.errors).toEqual({ allowedModels: "form.invalid" });
    const [row] = await db().execute<{ policy: PlaygroundPolicy }>(sql`select playground_policy as policy from classes where id = ${cls.id}`);
    expect(row!.policy).toEqual(before);
  });

  it("another teacher's class is not found", async () => {
    const other = await makeSchool();
    const cls = await makeClass(other.admin);
    await expect(post(school.admin, cls.id, VALID)).rejects.toMatchObject({ status: 404 });
    const student = await makeStudentIn(cls.id);
    await expect(post(student, cls.id, VALID)).rejects.toMatchObject({ status: 404 });
  });
});

describe("demo transcripts", () => {
  it("seedDemoPlayground seeds chats with a safeguarding flag and a blocked prompt (a personal-data flag), and the page shows them", async () => {
    const { seedDemoPlayground } = await import("../../server/demo/seed-playground");
    const { connection } = await import("../../app/utils/db.server");
    const cls = await makeClass(school.admin);
    const students = await Promise.all(Array.from({ length: 6 }, () => makeStudentIn(cls.id)));
    await seedDemoPlayground(connection(), { classId: cls.id, teacherId: school.admin.id, studentIds: students.map((s) => s.id) });
    const rows = await db().execute<{ status: string; flag_status: string; flags: string[]; severity: string | null }>(sql`
      select m.status, m.flag_status, m.flags, m.severity from playground_messages m
        join playground_conversations c on c.id = m.conversation_id where c.class_id = ${cls.id}`);
    const open = rows.filter((r) => r.flag_status === "open").map((r) => ({ flags: r.flags, severity: r.severity }));
    expect(open).toHaveLength(2);
    expect(open).toContainEqual({ flags: ["crisis_self_harm", "self_harm"], severity: "safeguarding" });
    expect(open).toContainEqual({ flags: ["phone"], severity: "personal_data" });
    expect(rows.filter((r) => r.status === "blocked")).toHaveLength(1);
    const data = (await playgroundLoader({ request: await requestAs(students[0]!, "/playground"), params: {}, context: {} } as unknown as LoaderFunctionArgs)) as unknown as {
      conversations: { id: string; title: string }[];
    };
    expect(data.conversations.map((c) => c.title)).toContain("What is a token?");
  });
});

describe("the API key never reaches the browser (real server)", () => {
  const CANARY = `sk-ant-canary-${Math.random().toString(36).slice(2)}`;
  const snapshots = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-heap-"));
  let server: LanternServer;
  let keyed: FakeAnthropic;

  beforeAll(async () => {
    if (serverBuildIsStale()) buildServer();
    keyed = await startFakeAnthropic({ apiKey: CANARY });
    server = await startLanternServer({
      databaseUrl: process.env.LANTERN_TEST_DATABASE_URL!,
      env: {
        ANTHROPIC_API_KEY: CANARY,
        ANTHROPIC_BASE_URL: keyed.url,
        CLAUDE_MODELS: MODEL,
        LANTERN_DEMO: "0",
        // a heap snapshot is a full garbage collection the test can ask for from outside
        NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshots}`,
      },
    });
  }, 240_000);
  afterAll(async () => {
    fs.rmSync(snapshots, { recursive: true, force: true });
    await server?.stop();
    await keyed?.close();
  });

  async function get(url: string, cookie?: string) {
    const res = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
    return { status: res.status, text: await res.text() };
  }

  it("not in the playground page, not in any script it loads, not in any built file", async () => {
    const { student } = await studentWith();
    const cookie = await cookieFor(student);
    const page = await get(`${server.url}/playground`, cookie);
    expect(page.status).toBe(200);
    // Claude is configured (the server listed the models with the key) — and the key stayed there.
    expect(page.text).toContain("Claude Haiku 5.5");
    expect(page.text).not.toContain(CANARY);
    const scripts = [...page.text.matchAll(/(?:src|href)="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of new Set(scripts)) {
      const js = await get(`${server.url}${src}`);
      expect(js.status).toBe(200);
      expect(js.text, src).not.toContain(CANARY);
    }
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(path.join(ROOT, "public/build"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      expect(text, file).not.toContain(CANARY);
      // The SDK (and so any key handling) must never be bundled for the browser.
      expect(text, file).not.toContain("anthropic-version");
      expect(text, file).not.toContain("api.anthropic.com");
      // The crisis and low-mood rules stay on the server: they weighed 20 KB gzipped on the
      // playground page once a constant was imported from low-mood.ts, and they list what is watched.
      expect(text, file).not.toMatch(/sewer|坚持不下去/);
    }
  });

  it("streams over HTTP without the key, and closing the connection aborts the upstream request", async () => {
    const { student } = await studentWith();
    const headers = { Cookie: await cookieFor(student), Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" };
    const done = await fetch(`${server.url}/api/playground/stream`, { method: "POST", headers, body: new URLSearchParams({ prompt: "hi", model: MODEL }) });
    const body = await done.text();
    expect(done.headers.get("content-type")).toContain("text/event-stream");
    expect(body).toContain("event: done");
    expect(body).not.toContain(CANARY);

    // a reply far longer than the test (2,000 × 20 ms): the fake cannot finish before the abort
    // reaches it, however slowly a loaded machine relays the first words
    keyed.script({ kind: "reply", chunks: Array.from({ length: 2_000 }, (_, i) => `w${i} `), tokenDelayMs: 20 });
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/playground/stream`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ prompt: "a long story", model: MODEL }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let seen = "";
    while (!seen.includes("event: text")) seen += new TextDecoder().decode((await reader.read()).value);
    // A full collection in the server mid-reply: Remix's copies of the request are garbage by
    // now, and with them what tied request.signal to the connection (nodejs/undici#3644).
    process.kill(server.pid, "SIGUSR2");
    while (fs.readdirSync(snapshots).length === 0) await new Promise((r) => setTimeout(r, 20));
    // the snapshot blocks the server's only thread: once it answers again, the collection is done
    // (a pooled keep-alive socket the server timed out meanwhile may be reset: ask again)
    await expect.poll(() => fetch(`${server.url}/healthz`).then((r) => r.status, () => 0), { timeout: 60_000, interval: 100 }).toBe(200);
    controller.abort();
    await keyed.waitForDisconnects(1, 15_000);
  });
});
