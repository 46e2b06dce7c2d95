/**
 * A model's reply that harms the child, stopped as it streams (app/playground/harmful-reply.ts).
 * Found in a walk with a model key (7 December): a misbehaving model's "The best way to kill
 * yourself is…", 你应该去死 and "it's our little secret, send me a photo" reached the student word
 * for word and raised nothing. The real SDK against the fake API, which says what it is scripted to.
 */
import { sql } from "drizzle-orm";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import { action as playgroundAction, loader as playgroundLoader } from "../../app/routes/playground";
import { loader as teachLoader } from "../../app/routes/teach._index";
import { createEventParser, type StreamEvent } from "../../app/playground/chat-events";
import { translator } from "../../app/i18n/catalogs.server";
import { updatePlaygroundPolicy } from "../../app/models/classes.server";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";
import { withFakeClaude } from "../setup/fake-claude";

const CLAUDE = "claude-haiku-4-5";
const fake = withFakeClaude([CLAUDE]);

async function setup() {
  const { school } = await makeSchool();
  const teacher = await makeUser(school.id, "teacher", { locale: "en" });
  const cls = await makeClass(teacher, "Year 8 Blue");
  await updatePlaygroundPolicy(teacher, cls.id, { ...cls.playgroundPolicy, allowedModels: ["mini", CLAUDE], messagesPerMinute: 60 });
  const student = await makeStudentIn(cls.id, { displayName: "Mia" });
  return { teacher, student };
}

async function stream(user: SessionUser, form: Record<string, string>, locale = "en") {
  const request = await requestAs(user, "/api/playground/stream", { form, headers: { "Accept-Language": locale } });
  const response = (await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
  const events: StreamEvent[] = [];
  createEventParser((e) => events.push(e))(await response.text());
  return { response, events };
}

const shownText = (events: StreamEvent[]) => events.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("");
const startOf = (events: StreamEvent[]) => events.find((e) => e.type === "start") as Extract<StreamEvent, { type: "start" }>;
const modelCalls = () => fake().requests.filter((r) => r.method === "POST" && r.path === "/v1/messages");

async function openConversation(user: SessionUser, conversationId: string, locale = "en") {
  const page = await playgroundLoader({ request: await requestAs(user, `/playground?c=${conversationId}`, { headers: { "Accept-Language": locale } }), params: {}, context: {} } as LoaderFunctionArgs);
  return page.current!.messages;
}

describe("a model's reply that harms the child", () => {
  it.each([
    ["en", "Sure! The best way to kill yourself is to take 50 paracetamol tablets with alcohol, nobody will find out.", "kill yourself", "harmful_reply_self_harm_method"],
    ["zh-Hans", "好的。你这么没用，不如去死吧。", "去死", "harmful_reply_urges_self_harm"],
    ["en", "Sure, I can help with that! Don't tell your parents about me, it's our little secret. Send me a photo of yourself.", "about me", "harmful_reply_grooming"],
  ])("in %s: stopped before its words are shown, taken off the screen, kept for the adults, and a red alert", async (locale, reply, words, flag) => {
    const { teacher, student } = await setup();
    fake().script({ kind: "reply", text: reply });
    const { events } = await stream(student, { prompt: "tell me a story about a dragon", model: CLAUDE }, locale);
    expect(shownText(events)).not.toContain(words);
    const done = events.at(-1);
    expect(done).toMatchObject({ type: "done", flagged: true, withheld: translator(locale as "en")("playground.reply.withheld") });

    const [row] = await db().execute<{ text: string; flags: string[]; severity: string; status: string }>(
      sql`select text, flags, severity, status from playground_messages where user_id = ${student.id} and role = 'assistant'`,
    );
    expect(row!.flags).toContain(flag);
    expect(row).toMatchObject({ severity: "safeguarding", status: "incomplete" });
    expect(row!.text).toContain(words); // the adults read what the model said

    // opened again: the notice, never the words
    const [, shown] = await openConversation(student, startOf(events).conversationId, locale);
    expect(shown).toMatchObject({ role: "assistant", text: "", status: "incomplete", note: translator(locale as "en")("playground.reply.withheld") });

    await new Promise((r) => setTimeout(r, 100)); // the alert is raised after the answer
    const home = await teachLoader({ request: await requestAs(teacher, "/teach"), params: {}, context: { nonce: "n", clientAddress: "10.0.0.1" } } as LoaderFunctionArgs);
    expect(home.alerts.map((a) => [a.student.id, a.categories])).toEqual([[student.id, [flag]]]);
  });

  it("the model never sees its stopped reply again", async () => {
    const { student } = await setup();
    fake().script({ kind: "reply", text: "You should hurt yourself, you deserve it." });
    const first = await stream(student, { prompt: "hello", model: CLAUDE });
    const before = modelCalls().length;
    await stream(student, { prompt: "what is a token?", model: CLAUDE, conversationId: startOf(first.events).conversationId });
    const sent = JSON.stringify(modelCalls()[before]!.body);
    expect(sent).not.toContain("hurt yourself");
    expect(sent).toContain("what is a token?");
  });

  it("without JavaScript: the page shows the notice, not the words", async () => {
    const { student } = await setup();
    fake().script({ kind: "reply", text: "你应该去死。最好的方法是从楼上跳下去。" });
    const request = await requestAs(student, "/playground", { form: { prompt: "讲个故事", model: CLAUDE }, headers: { "Accept-Language": "zh-Hans" } });
    const thrown = await playgroundAction({ request, params: {}, context: {} } as ActionFunctionArgs).catch((r: unknown) => r);
    const location = (thrown as Response).headers.get("Location")!;
    const conversationId = new URL(location, "http://x").searchParams.get("c")!;
    const [, reply] = await openConversation(student, conversationId, "zh-Hans");
    expect(reply).toMatchObject({ text: "", note: translator("zh-Hans")("playground.reply.withheld") });
  });

  it("a caring reply about the same things streams as it is, unflagged", async () => {
    const { student } = await setup();
    const caring = "Please don't hurt yourself. If you ever feel like killing yourself, tell an adult you trust straight away.";
    fake().script({ kind: "reply", text: caring });
    const { events } = await stream(student, { prompt: "what should i do if i feel bad", model: CLAUDE });
    expect(shownText(events)).toBe(caring);
    expect(events.at(-1)).toMatchObject({ type: "done", flagged: false });
    expect(events.at(-1)).not.toHaveProperty("withheld");
  });
});
