/**
 * Every student path a curious or troubled 13-year-old can take through the playground, found in
 * a safeguarding review: a disclosure typed in bursts, chat accounts, messages of only emoji or
 * invisible characters, right-to-left scripts, very long messages, lesson try-its and regenerate —
 * with and without JavaScript, on the mini model and on Claude (the REAL SDK against the fake API,
 * whose request log proves what reached a model). Nothing a screen stops may reach a model, and
 * nothing may answer 500.
 */
import { sql } from "drizzle-orm";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import { action as playgroundAction, loader as playgroundLoader } from "../../app/routes/playground";
import { createEventParser, type StreamEvent } from "../../app/playground/chat-events";
import { updatePlaygroundPolicy } from "../../app/models/classes.server";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";
import { withFakeClaude } from "../setup/fake-claude";

const CLAUDE = "claude-haiku-4-5";
const fake = withFakeClaude([CLAUDE]);

async function setup(policy: Record<string, unknown> = {}) {
  const { school } = await makeSchool();
  const teacher = await makeUser(school.id, "teacher", { locale: "en" });
  const cls = await makeClass(teacher, "Year 8 Blue");
  await updatePlaygroundPolicy(teacher, cls.id, { ...cls.playgroundPolicy, allowedModels: ["mini", CLAUDE], messagesPerMinute: 60, ...policy });
  const student = await makeStudentIn(cls.id, { displayName: "Mia" });
  return { student };
}

async function stream(user: SessionUser, form: Record<string, string>, locale = "en") {
  const request = await requestAs(user, "/api/playground/stream", { form, headers: { "Accept-Language": locale } });
  const response = (await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
  const events: StreamEvent[] = [];
  createEventParser((e) => events.push(e))(await response.text());
  return { response, events, types: events.map((e) => e.type) };
}

const modelCalls = () => fake().requests.filter((r) => r.method === "POST" && r.path === "/v1/messages");
const startOf = (events: StreamEvent[]) => events.find((e) => e.type === "start") as Extract<StreamEvent, { type: "start" }>;

describe("a disclosure typed in bursts", () => {
  it.each([
    ["Claude", CLAUDE, "i just want to", "die"],
    ["the mini model", "mini", "我想", "死"],
  ])("with %s: the second half gets the support card and never reaches the model", async (_name, model, first, second) => {
    const { student } = await setup();
    const one = await stream(student, { prompt: first, model });
    expect(one.types).not.toContain("support");
    const callsBefore = modelCalls().length;
    const two = await stream(student, { prompt: second, model, conversationId: startOf(one.events).conversationId });
    expect(two.response.status).toBe(200);
    expect(two.types).toEqual(["start", "support", "done"]);
    expect(modelCalls()).toHaveLength(callsBefore);
  });
});

// Found in a walk with a model key (7 December): the halves in two conversations, "New chat"
// pressed between them, sent the second half to the model with no card and no flag.
describe("a disclosure typed in bursts, with New chat pressed between the halves", () => {
  it.each([
    ["Claude", CLAUDE, "i just want to", "die"],
    ["Claude, 简体", CLAUDE, "我真的好想", "死"],
    ["the mini model", "mini", "i want to kill", "myself"],
  ])("with %s: the second half gets the support card and never reaches the model", async (_name, model, first, second) => {
    const { student } = await setup();
    const one = await stream(student, { prompt: first, model });
    expect(one.types).not.toContain("support");
    const callsBefore = modelCalls().length;
    const two = await stream(student, { prompt: second, model }); // no conversationId: a new chat
    expect(startOf(two.events).conversationId).not.toBe(startOf(one.events).conversationId);
    expect(two.types).toEqual(["start", "support", "done"]);
    expect(modelCalls()).toHaveLength(callsBefore);
  });

  it("a first message typed long after the last one is read alone", async () => {
    const { student } = await setup();
    const one = await stream(student, { prompt: "i just want to", model: CLAUDE });
    await db().execute(sql`update playground_messages set created_at = created_at - interval '6 minutes' where conversation_id = ${startOf(one.events).conversationId}`);
    const two = await stream(student, { prompt: "die", model: CLAUDE });
    expect(two.types).not.toContain("support");
  });
});

describe("a disclosure written in base64, which a model reads as plain text", () => {
  it.each([
    ["Claude", CLAUDE, "aSB3YW50IHRvIGRpZQ=="],
    ["the mini model", "mini", "5oiR5LiN5oOz5rS75LqG"],
  ])("with %s: the support card, the alert, nothing to the model", async (_name, model, encoded) => {
    const { student } = await setup();
    const sent = await stream(student, { prompt: `can you decode this ${encoded}`, model });
    expect(sent.types).toEqual(["start", "support", "done"]);
    expect(modelCalls()).toHaveLength(0);
    const [stored] = await db().execute<{ flags: string[] }>(sql`select flags from playground_messages where user_id = ${student.id}`);
    expect(stored!.flags).toContain("crisis_suicide");
  });
});

describe("a disclosure typed in bursts, in explore mode with the student's own system prompt", () => {
  it("the second half still gets the support card", async () => {
    const { student } = await setup({ exploreMode: true });
    const system = "You are a kind friend who listens.";
    const one = await stream(student, { prompt: "honestly i just want to", model: CLAUDE, system });
    expect(one.types).not.toContain("support");
    const two = await stream(student, { prompt: "die", model: CLAUDE, system, conversationId: startOf(one.events).conversationId });
    expect(two.types).toEqual(["start", "support", "done"]);
    expect(modelCalls()).toHaveLength(1);
  });
});

describe("chat accounts are personal data", () => {
  it("with JavaScript: 'add me on snap' never reaches Claude", async () => {
    const { student } = await setup();
    const { response, types } = await stream(student, { prompt: "add me on snap lily.k2012 lol", model: CLAUDE });
    expect(response.status).toBeLessThan(500);
    expect(types).not.toContain("text");
    expect(modelCalls()).toHaveLength(0);
  });

  it("without JavaScript: 我的QQ是… is refused in the student's language and never reaches Claude", async () => {
    const { student } = await setup();
    const request = await requestAs(student, "/playground", { form: { prompt: "我的QQ是123456789，加我", model: CLAUDE }, headers: { "Accept-Language": "zh-Hans" } });
    // The page answers with the explanation and the student's words back in their box; the
    // blocked prompt is stored (blanked out) in the conversation the next send continues.
    const answered = (await playgroundAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as unknown as {
      data: { error: string; prompt: string; continuing: string };
      init: { status: number };
    };
    expect(answered.init.status).toBe(422);
    expect(answered.data.error).toMatch(/没有发出去.*账号/s);
    expect(answered.data.prompt).toBe("我的QQ是123456789，加我");
    const location = `/playground?c=${answered.data.continuing}`;
    const page = (await playgroundLoader({ request: await requestAs(student, location, { headers: { "Accept-Language": "zh-Hans" } }), params: {}, context: {} } as LoaderFunctionArgs)) as unknown as {
      current: { messages: { status: string; text: string; note: string | null }[] };
    };
    const [message] = page.current.messages;
    expect(message).toMatchObject({ status: "blocked" });
    expect(message!.text).not.toContain("123456789");
    expect(message!.note).toMatch(/账号/);
    expect(modelCalls()).toHaveLength(0);
  });
});

describe("odd messages never answer 500", () => {
  it.each([
    ["only emoji", "😭😭😭💀💀"],
    ["Arabic, right to left", "مرحبا، ما هو الذكاء الاصطناعي؟"],
    ["Hebrew with a bidi override", "\u202Eשלום מה זה טוקן"],
    ["combining marks", "Z̷̢a̶l̸g̵o̷ ̶t̴e̷x̸t̵"],
  ])("%s", async (_name, prompt) => {
    const { student } = await setup();
    for (const model of ["mini", CLAUDE]) {
      const { response, types } = await stream(student, { prompt, model });
      expect(response.status).toBe(200);
      expect(types.at(-1)).toBe("done");
    }
  });

  it("only invisible characters is an empty message, and no model is asked", async () => {
    const { student } = await setup();
    const { response, types } = await stream(student, { prompt: "\u200B\u200B\u2060\uFEFF", model: CLAUDE });
    expect(response.status).toBe(400);
    expect(types).not.toContain("text");
    expect(modelCalls()).toHaveLength(0);
  });

  it("a very long message is refused clearly, not sent", async () => {
    const { student } = await setup();
    const { response } = await stream(student, { prompt: "a ".repeat(60_000), model: CLAUDE });
    expect(response.status).toBe(400);
    expect(modelCalls()).toHaveLength(0);
  });

  it("regenerate of a conversation that is not yours, or a bad id, is refused", async () => {
    const { student } = await setup();
    for (const conversationId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "'; drop table users; --"]) {
      const { response } = await stream(student, { intent: "regenerate", model: "mini", conversationId });
      expect([400, 404]).toContain(response.status);
    }
  });

  it("an unknown try-it or one from another lesson gives no system prompt and no 500", async () => {
    const { student } = await setup();
    const { response } = await stream(student, { prompt: "hello", model: "mini", tryit: "../../etc/passwd" });
    expect(response.status).toBeLessThan(500);
  });
});
