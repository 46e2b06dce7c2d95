/**
 * Crisis handling and safeguarding alerts end to end: the real stream route and the no-JavaScript
 * form, the REAL @anthropic-ai/sdk against the fake Anthropic API (its request log proves what
 * reached a model), the offline mini model, a REAL SMTP server (smtp-server) started here, and
 * the teacher's and admin's pages through their loaders and actions.
 */
import { sql } from "drizzle-orm";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import { action as playgroundAction, loader as playgroundLoader } from "../../app/routes/playground";
import { loader as teachLoader } from "../../app/routes/teach._index";
import { loader as classLoader } from "../../app/routes/teach.classes.$classId";
import { loader as studentPageLoader } from "../../app/routes/teach.classes.$classId.students.$studentId";
import { loader as adminLoader } from "../../app/routes/admin._index";
import { action as adminSettingsAction, loader as adminSettingsLoader } from "../../app/routes/admin.settings";
import { action as handleAction } from "../../app/routes/teach.safeguarding";
import { loader as playgroundTabLoader } from "../../app/routes/teach.classes.$classId.playground";
import { loader as rosterLoader } from "../../app/routes/teach.classes.$classId.roster";
import { loader as adminClassLoader } from "../../app/routes/admin.classes.$classId";
import { action as flagAction } from "../../app/routes/teach.classes.$classId.flags";
import { createEventParser, type StreamEvent } from "../../app/playground/chat-events";
import { configureProviders } from "../../app/playground/providers.server";
import { updatePlaygroundPolicy } from "../../app/models/classes.server";
import { listFlaggedExchanges } from "../../app/models/flags.server";
import { translator } from "../../app/i18n/catalogs.server";
import type { Locale } from "../../app/i18n/locales";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";
import { startFakeAnthropic, type FakeAnthropic } from "../../scripts/harness/fake-anthropic";

const CLAUDE = "claude-haiku-5-5";
let fake: FakeAnthropic;

interface Received {
  from: string;
  to: string[];
  data: string;
}
let smtp: SMTPServer;
let smtpPort = 0;
const inbox: Received[] = [];

beforeAll(async () => {
  fake = await startFakeAnthropic();
  configureProviders({ claude: { apiKey: fake.apiKey, baseURL: fake.url, timeoutMs: 800, maxRetries: 0 }, claudeModels: [CLAUDE] });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpPort = (smtp.server.address() as { port: number }).port;
});
afterEach(() => {
  fake.reset();
  inbox.length = 0;
});
afterAll(async () => {
  configureProviders(null);
  await fake.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function setup() {
  const { school, admin } = await makeSchool();
  const teacher = await makeUser(school.id, "teacher", { locale: "en" });
  const cls = await makeClass(teacher, "Year 8 Blue");
  await updatePlaygroundPolicy(teacher, cls.id, { ...cls.playgroundPolicy, allowedModels: ["mini", CLAUDE], messagesPerMinute: 60 });
  const student = await makeStudentIn(cls.id, { displayName: "Mia" });
  return { school, admin, teacher, cls, student };
}

async function saveSafeguarding(admin: SessionUser, form: Record<string, string>) {
  const request = await requestAs(admin, "/admin/settings", { form: { intent: "safeguarding", ...form } });
  return adminSettingsAction({ request, params: {}, context: {} } as ActionFunctionArgs);
}

async function stream(user: SessionUser, prompt: string, model: string, locale = "en") {
  const request = await requestAs(user, "/api/playground/stream", { form: { prompt, model }, headers: { "Accept-Language": locale } });
  const response = (await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
  const events: StreamEvent[] = [];
  createEventParser((e) => events.push(e))(await response.text());
  return { response, events };
}

const modelCalls = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/messages");

async function storedMessages(userId: string) {
  return db().execute<{ id: string; role: string; text: string; flags: string[]; flag_status: string; severity: string | null; crisis: unknown; crisis_at: Date | null }>(sql`
    select m.id, m.role, m.text, m.flags, m.flag_status, m.severity, m.crisis, c.crisis_at
      from playground_messages m join playground_conversations c on c.id = m.conversation_id
     where m.user_id = ${userId} order by m.created_at`);
}

async function flagEvents(messageId: string) {
  return db().execute<{ action: string; actor_id: string | null; note: string | null }>(
    sql`select action, actor_id, note from flag_events where message_id = ${messageId}::uuid order by id`,
  );
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("crisis messages get the support card, before any model", () => {
  it.each([
    ["Claude (fake API)", CLAUDE, "en", "I feel like nobody likes me and I want to hurt myself"],
    ["the mini model", "mini", "en", "honestly i just wanna kms"],
    ["Claude (fake API), 简体中文", CLAUDE, "zh-Hans", "我不想活了"],
    ["the mini model, 繁體中文", "mini", "zh-Hant", "活著好累，我想自殺"],
  ])("with %s: support card, no model text, nothing sent upstream", async (_name, model, locale, prompt) => {
    const { student } = await setup();
    const { response, events } = await stream(student, prompt, model, locale);
    expect(response.status).toBe(200);
    expect(events.map((e) => e.type)).toEqual(["start", "support", "done"]);
    const t = translator(locale as Locale);
    expect(events[1]).toMatchObject({ type: "support", held: true, card: { lang: locale, words: { contact: t("safeguarding.card.noContact"), line: t("safeguarding.card.noLine"), footer: t("safeguarding.card.notSent") } } });
    expect(events.some((e) => e.type === "text")).toBe(false);
    expect(modelCalls()).toHaveLength(0);

    const [message, ...rest] = await storedMessages(student.id);
    expect(rest).toHaveLength(0); // no reply from any model
    expect(message).toMatchObject({ role: "user", text: prompt, flag_status: "open", severity: "safeguarding" });
    expect(message!.flags.some((f) => f.startsWith("crisis_"))).toBe(true);
    expect(Array.isArray(message!.crisis) && (message!.crisis as unknown[]).length).toBeGreaterThan(0);
    expect(message!.crisis_at).not.toBeNull();
  });

  it("without JavaScript: the form post shows the conversation with the card in the student's language, and the school's contacts", async () => {
    const { admin, student } = await setup();
    await saveSafeguarding(admin, { helpContact: "Ms Chen, school counsellor, room 204", helpLine: "Childline 0800 1111" });
    const request = await requestAs(student, "/playground", { form: { prompt: "我想死", model: "mini" }, headers: { "Accept-Language": "zh-Hans" } });
    const thrown = await playgroundAction({ request, params: {}, context: {} } as ActionFunctionArgs).catch((r: unknown) => r);
    expect(thrown).toBeInstanceOf(Response);
    const location = (thrown as Response).headers.get("Location")!;
    expect(location).toMatch(/^\/playground\?c=/);
    const page = await playgroundLoader({ request: await requestAs(student, location), params: {}, context: {} } as LoaderFunctionArgs);
    const [prompt] = page.current!.messages;
    expect(page.current!.messages).toHaveLength(1);
    const t = translator("zh-Hans");
    expect(prompt!.support).toMatchObject({ held: true, card: { lang: "zh-Hans", hurtBySomeone: false, aboutAFriend: false, notEating: false, lowMood: false } });
    expect(prompt!.support!.card.words).toEqual({
      label: t("safeguarding.card.label"),
      title: t("safeguarding.card.title"),
      body: t("safeguarding.card.body"),
      talk: t("safeguarding.card.talk"),
      teacher: t("safeguarding.card.teacher"),
      contact: t("safeguarding.card.contact", { contact: "Ms Chen, school counsellor, room 204" }),
      line: t("safeguarding.card.line", { line: "Childline 0800 1111" }),
      danger: t("safeguarding.card.danger"),
      footer: t("safeguarding.card.notSent"),
    });
    expect(modelCalls()).toHaveLength(0);
  });

  // A child writes in the language they think in, whatever the page is set to (the school's
  // choice, a shared computer's): the card that answers is in that language, streamed and on reload.
  it.each([
    ["en", "我不想活了", "zh-Hans"],
    ["en", "我真係唔想再活落去", "zh-Hant"],
    ["zh-Hans", "i dont want to be alive anymore", "en"],
  ] as const)("a page in %s, a message written %s: the card in %s, streamed and when the conversation is opened again", async (pageLocale, prompt, cardLocale) => {
    const { student } = await setup();
    const { events } = await stream(student, prompt, "mini", pageLocale);
    const support = events.find((e) => e.type === "support");
    expect(support).toMatchObject({ card: { lang: cardLocale, words: { title: translator(cardLocale)("safeguarding.card.title"), talk: translator(cardLocale)("safeguarding.card.talk") } } });
    const start = events.find((e) => e.type === "start") as Extract<StreamEvent, { type: "start" }>;
    const page = await playgroundLoader({ request: await requestAs(student, `/playground?c=${start.conversationId}`, { headers: { "Accept-Language": pageLocale } }), params: {}, context: {} } as LoaderFunctionArgs);
    expect(page.current!.messages[0]!.support!.card).toEqual((support as Extract<StreamEvent, { type: "support" }>).card);
  });

  // Found in a children-first pass: a crisis message with a phone number was held for the card
  // (right) but stored with the number, and the number became the conversation's title, shown in
  // the student's list and on the teacher's student page.
  it.each([
    ["the stream", "zh-Hans", "我想死，我的电话是13812345678"],
    ["the stream", "en", "i want to die. my number is 138 1234 5678 please call me"],
    ["the form without JavaScript", "zh-Hans", "我想死，我的手机号是一三八一二三四五六七八"],
  ])("through %s (%s), a crisis message with personal data is stored and titled without it", async (path, locale, prompt) => {
    const { student } = await setup();
    if (path === "the stream") {
      const { events } = await stream(student, prompt, "mini", locale);
      expect(events.map((e) => e.type)).toEqual(["start", "support", "done"]);
      expect(JSON.stringify(events[0])).not.toMatch(/1381|5678|一三八/);
    } else {
      const request = await requestAs(student, "/playground", { form: { prompt, model: "mini" }, headers: { "Accept-Language": locale } });
      await playgroundAction({ request, params: {}, context: {} } as ActionFunctionArgs).catch((r: unknown) => r);
    }
    const [message, ...rest] = await storedMessages(student.id);
    expect(rest).toHaveLength(0);
    expect(message!.flags.some((f) => f.startsWith("crisis_"))).toBe(true);
    expect(message!.severity).toBe("safeguarding");
    expect(message!.text).toContain("███");
    expect(message!.text).not.toMatch(/1381|5678|一三八|四五六/);
    const [conversation] = await db().execute<{ title: string }>(sql`select title from playground_conversations where user_id = ${student.id}`);
    expect(conversation!.title).not.toMatch(/1381|5678|一三八|四五六/);
    expect(modelCalls()).toHaveLength(0);
  });

  // Found in a walk through the teacher's pages: deleting a student silently deleted their open
  // safeguarding alert with their messages.
  it("the delete forms of the teacher and the admin count a student's open safeguarding alerts", async () => {
    const { admin, teacher, cls, student } = await setup();
    const load = async () => {
      const roster = await rosterLoader({ request: await requestAs(teacher, `/teach/classes/${cls.id}/roster`), params: { classId: cls.id }, context: { nonce: "n", clientAddress: "10.0.0.1" } });
      const school = await adminClassLoader({ request: await requestAs(admin, `/admin/classes/${cls.id}`), params: { classId: cls.id }, context: { nonce: "n", clientAddress: "10.0.0.1" } });
      return [roster.students, school.students].map((list) => list.find((s) => s.id === student.id)!.openSafeguarding);
    };
    expect(await load()).toEqual([0, 0]);
    await stream(student, "i want to die", "mini");
    await stream(student, "what is a token?", "mini");
    expect(await load()).toEqual([1, 1]);
  });

  // Found in a walk as a 13-year-old: after "my dad hits me when he's drunk" the card sent the
  // child to "a parent or carer".
  it.each([
    ["en", "my dad hits me when he's drunk"],
    ["zh-Hans", "继父说如果我告诉别人就打我"],
  ])("a child hurt by someone (%s) is not sent to a parent: the card says so, streamed and stored", async (locale, text) => {
    const { student } = await setup();
    const { events } = await stream(student, text, "mini", locale);
    expect(events[1]).toMatchObject({ type: "support", card: { hurtBySomeone: true } });
    const { events: other } = await stream(student, "i want to die", "mini", locale);
    expect(other[1]).toMatchObject({ type: "support", card: { hurtBySomeone: false, aboutAFriend: false } });
    const page = await playgroundLoader({ request: await requestAs(student, `/playground?c=${(events[0] as { conversationId: string }).conversationId}`), params: {}, context: {} } as LoaderFunctionArgs);
    expect(page.current!.messages[0]!.support!.card.hurtBySomeone).toBe(true);
  });

  // Found in a review of the crisis rules: "my friend wants to kill herself" matched nothing in
  // English, so a child carrying a friend's secret got a model's answer and no adult heard of it.
  it.each([
    ["en", "my friend wants to kill herself what do i do"],
    ["zh-Hans", "我朋友想自杀怎么办"],
  ])("a friend at risk (%s): the alert is raised, and the card asks the child to tell an adult about their friend", async (locale, text) => {
    const { teacher, student } = await setup();
    const { events } = await stream(student, text, CLAUDE, locale);
    expect(events[1]).toMatchObject({ type: "support", held: true, card: { aboutAFriend: true, hurtBySomeone: false } });
    expect(modelCalls()).toHaveLength(0);
    const [message] = await storedMessages(student.id);
    expect(message).toMatchObject({ role: "user", text, flag_status: "open", severity: "safeguarding" });
    // the teacher's alert says the one at risk may be someone the student knows
    const home = await teachLoader({ request: await requestAs(teacher, "/teach"), params: {}, context: { nonce: "n", clientAddress: "10.0.0.1" } } as LoaderFunctionArgs);
    expect(home.alerts.map((a) => [a.student.id, a.aboutAFriend])).toEqual([[student.id, true]]);
    const page = await playgroundLoader({ request: await requestAs(student, `/playground?c=${(events[0] as { conversationId: string }).conversationId}`), params: {}, context: {} } as LoaderFunctionArgs);
    expect(page.current!.messages[0]!.support!.card.aboutAFriend).toBe(true);
  });

  // "i havent eaten in 3 days" got the card about someone hurting the child: it may as well be a
  // child not eating on purpose. It now gets words for both, and the red alert names both readings.
  it.each([
    ["en", "i havent eaten in 3 days"],
    ["zh-Hans", "我三天没吃饭了"],
  ])("days without food, no reason given (%s): the card for both readings, the red alert, streamed and stored", async (locale, text) => {
    const { teacher, student } = await setup();
    const { events } = await stream(student, text, CLAUDE, locale);
    expect(events[1]).toMatchObject({ type: "support", held: true, card: { notEating: true, hurtBySomeone: false, aboutAFriend: false } });
    expect(modelCalls()).toHaveLength(0);
    const [message] = await storedMessages(student.id);
    expect(message).toMatchObject({ role: "user", text, flag_status: "open", severity: "safeguarding" });
    const home = await teachLoader({ request: await requestAs(teacher, "/teach"), params: {}, context: { nonce: "n", clientAddress: "10.0.0.1" } } as LoaderFunctionArgs);
    expect(home.alerts.map((a) => [a.student.id, a.categories])).toEqual([[student.id, ["not_eating"]]]);
    const page = await playgroundLoader({ request: await requestAs(student, `/playground?c=${(events[0] as { conversationId: string }).conversationId}`), params: {}, context: {} } as LoaderFunctionArgs);
    expect(page.current!.messages[0]!.support!.card.notEating).toBe(true);
  });

  it("when the school lets the model answer too, the card comes first and the reply follows", async () => {
    const { admin, student } = await setup();
    await saveSafeguarding(admin, { sendCrisisToModel: "on" });
    const { events } = await stream(student, "I don't want to be here anymore", CLAUDE);
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(["start", "support"]);
    expect(events[1]).toMatchObject({ held: false });
    expect(events.some((e) => e.type === "text")).toBe(true);
    expect(modelCalls()).toHaveLength(1);
  });

  // Found in a walk with a model key (7 December): after the admin turned the setting off, the
  // disclosure answered while it was on went to the model again with every later message.
  it("once the school turns it off, a disclosure answered while it was on is not sent again", async () => {
    const { admin, student } = await setup();
    await saveSafeguarding(admin, { sendCrisisToModel: "on" });
    const { events } = await stream(student, "i want to kill myself", CLAUDE);
    const conversationId = (events[0] as Extract<StreamEvent, { type: "start" }>).conversationId;
    await saveSafeguarding(admin, { sendCrisisToModel: "" });
    const request = await requestAs(student, "/api/playground/stream", { form: { prompt: "what is a token?", model: CLAUDE, conversationId } });
    await ((await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response).text();
    const sent = JSON.stringify(modelCalls().at(-1)!.body);
    expect(sent).toContain("what is a token?");
    expect(sent).not.toContain("kill myself");
  });

  // Found in a walk with a model key (7 December): a crisis written in the student's own system
  // prompt raised the alert, but the teacher's page showed only "hi — Flagged: suicide", and the
  // system prompt was stored with the phone number the screen had blocked.
  it("a crisis in the student's own system prompt: the teacher reads it beside the alert, without the blocked number", async () => {
    const { teacher, cls, student } = await setup();
    await updatePlaygroundPolicy(teacher, cls.id, { ...cls.playgroundPolicy, allowedModels: ["mini", CLAUDE], messagesPerMinute: 60, exploreMode: true });
    const request = await requestAs(student, "/api/playground/stream", {
      form: { prompt: "hi", model: CLAUDE, system: "You are my diary. I want to kill myself. Call me on 13812345678." },
    });
    const events: StreamEvent[] = [];
    createEventParser((e) => events.push(e))(await ((await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response).text());
    expect(events.map((e) => e.type)).toEqual(["start", "support", "done"]);
    expect(modelCalls()).toHaveLength(0);
    const page = await studentPageLoader({
      request: await requestAs(teacher, `/teach/classes/${cls.id}/students/${student.id}`),
      params: { classId: cls.id, studentId: student.id },
      context: { nonce: "n", clientAddress: "10.0.0.1" },
    } as unknown as LoaderFunctionArgs);
    const [transcript] = page.view.transcripts;
    expect(transcript!.systemPrompt).toContain("I want to kill myself");
    expect(transcript!.systemPrompt).not.toContain("13812345678");
  });

  it("ordinary look-alikes reach the model as before", async () => {
    const { student } = await setup();
    const { events } = await stream(student, "this homework is killing me, what is a token?", CLAUDE);
    expect(events.some((e) => e.type === "support")).toBe(false);
    expect(modelCalls()).toHaveLength(1);
  });
});

// Found in a walk as a troubled 13-year-old on the default install (no key): "nobody cares about
// me" got "I can explain is your answer can explain the" from the mini model, and 我坚持不下去了
// got "下去。这个，我要去打篮球。" Not a crisis, but a child who needed a kind word and an adult.
describe("low mood gets the school's kind card, and no nonsense from the mini model", () => {
  it.each([
    ["en", "nobody cares about me"],
    ["zh-Hans", "我坚持不下去了"],
    ["zh-Hant", "我覺得好孤單，沒有人理我"],
  ])("with the mini model (%s): the card alone, stored for the teacher to review, no alert", async (locale, prompt) => {
    const { teacher, student } = await setup();
    const { events } = await stream(student, prompt, "mini", locale);
    expect(events.map((e) => e.type)).toEqual(["start", "support", "done"]);
    expect(events[1]).toMatchObject({ type: "support", held: true, card: { lowMood: true, hurtBySomeone: false, aboutAFriend: false } });
    const [message, ...rest] = await storedMessages(student.id);
    expect(rest).toHaveLength(0);
    expect(message).toMatchObject({ role: "user", text: prompt, flags: ["low_mood"], flag_status: "open", severity: "review", crisis: null, crisis_at: null });
    // no red alert: a teacher reviews it among the flags
    const home = await teachLoader({ request: await requestAs(teacher, "/teach"), params: {}, context: { nonce: "n", clientAddress: "10.0.0.1" } } as LoaderFunctionArgs);
    expect(home.alerts).toEqual([]);
    // the reloaded page (and the page without JavaScript) shows the same card
    const page = await playgroundLoader({ request: await requestAs(student, `/playground?c=${(events[0] as { conversationId: string }).conversationId}`), params: {}, context: {} } as LoaderFunctionArgs);
    expect(page.current!.messages[0]!.support).toMatchObject({ held: true, card: { lowMood: true } });
  });

  it("with Claude: the card comes first, then the model's answer", async () => {
    const { student } = await setup();
    const { events } = await stream(student, "i feel so alone and i hate myself", CLAUDE);
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(["start", "support"]);
    expect(events[1]).toMatchObject({ held: false, card: { lowMood: true } });
    expect(events.some((e) => e.type === "text")).toBe(true);
    expect(modelCalls()).toHaveLength(1);
    const [prompt, reply] = await storedMessages(student.id);
    expect(prompt).toMatchObject({ flags: ["low_mood"], severity: "review" });
    expect(reply).toMatchObject({ role: "assistant" });
    const page = await playgroundLoader({ request: await requestAs(student, `/playground?c=${(events[0] as { conversationId: string }).conversationId}`), params: {}, context: {} } as LoaderFunctionArgs);
    expect(page.current!.messages[0]!.support).toMatchObject({ held: false, card: { lowMood: true } });
  });

  it("a crisis the school lets models answer is still held from the mini model, which cannot talk about it", async () => {
    const { admin, student } = await setup();
    await saveSafeguarding(admin, { sendCrisisToModel: "on" });
    const { events } = await stream(student, "I don't want to be here anymore", "mini");
    expect(events.map((e) => e.type)).toEqual(["start", "support", "done"]);
    expect(events[1]).toMatchObject({ held: true, card: { lowMood: false } });
  });

  it("a low-mood message blocked for personal data gets the block's explanation alone, as without JavaScript", async () => {
    const { student } = await setup();
    const { events } = await stream(student, "nobody cares about me, text me on 07700 900123", "mini");
    expect(events.map((e) => e.type)).toEqual(["error"]);
    expect(events[0]).toMatchObject({ code: "blocked" });
    const [message] = await storedMessages(student.id);
    expect(message!.flags).not.toContain("low_mood");
    const page = await playgroundLoader({ request: await requestAs(student, `/playground?c=${(events[0] as { conversationId: string }).conversationId}`), params: {}, context: {} } as LoaderFunctionArgs);
    expect(page.current!.messages[0]!.support).toBeNull();
  });

  it("everyday words about homework and games reach the model as before", async () => {
    const { student } = await setup();
    for (const prompt of ["i cant do this question, what is a token?", "everyone hates mondays lol"]) {
      const { events } = await stream(student, prompt, "mini");
      expect(events.some((e) => e.type === "support"), prompt).toBe(false);
      expect(events.some((e) => e.type === "text"), prompt).toBe(true);
    }
  });
});

describe("severities", () => {
  it("a blocked personal-data attempt becomes a personal-data flag", async () => {
    const { student } = await setup();
    await stream(student, "my email is mia.lee@lakeside.com", "mini");
    const [message] = await storedMessages(student.id);
    expect(message).toMatchObject({ flag_status: "open", severity: "personal_data" });
  });

  it("the class's flag list shows severities, and three personal-data attempts in a week stand out", async () => {
    const { teacher, cls, student } = await setup();
    for (const p of ["my email is mia.lee@lakeside.com", "call me on 13800138000", "write to mia@lakeside.org"]) await stream(student, p, "mini");
    await stream(student, "我想自杀", "mini");
    const tab = await playgroundTabLoader({ request: await requestAs(teacher, `/teach/classes/${cls.id}/playground`), params: { classId: cls.id }, context: {} } as unknown as LoaderFunctionArgs);
    expect(tab.flags.open.map((f) => f.severity).sort()).toEqual(["personal_data", "personal_data", "personal_data", "safeguarding"]);
    const pd = tab.flags.open.find((f) => f.severity === "personal_data")!;
    expect(pd.personalDataAttempts).toBe(3);
    const crisis = tab.flags.open.find((f) => f.severity === "safeguarding")!;
    expect(crisis.flagLabels).toContain("suicide");
    // A safeguarding flag is closed only with a note ("mark handled"), not with "reviewed".
    const request = await requestAs(teacher, `/teach/classes/${cls.id}/flags`, { form: { messageId: crisis.messageId, decision: "reviewed" } });
    const thrown = await flagAction({ request, params: { classId: cls.id }, context: {} } as unknown as ActionFunctionArgs).catch((r: unknown) => r);
    expect((thrown as Response).status).toBe(404);
  });
});

describe("safeguarding flags reach an adult", () => {
  it("a model reply the reply screen marks as self-harm is a safeguarding flag too", async () => {
    const { teacher, student } = await setup();
    fake.script({ kind: "reply", text: "Some people in the story think about suicide when they feel alone." });
    const { events } = await stream(student, "Tell me about the characters in chapter 3", CLAUDE);
    expect(events.some((e) => e.type === "support")).toBe(false);
    const [, reply] = await storedMessages(student.id);
    expect(reply).toMatchObject({ role: "assistant", flag_status: "open", severity: "safeguarding" });
    const home = await teachLoader({ request: await requestAs(teacher, "/teach"), params: {}, context: {} } as LoaderFunctionArgs);
    expect(home.alerts.map((a) => [a.messageId, a.categories])).toEqual([[reply!.id, ["self_harm"]]]);
    await waitFor(async () => [...(await flagEvents(reply!.id))].some((e) => e.action === "raised"));
    // no e-mail alerts set up: the history says so, so nobody assumes the lead was told
    const trail = await waitFor(async () => {
      const rows = [...(await flagEvents(reply!.id))];
      return rows.some((e) => e.action === "not_emailed") ? rows : null;
    });
    expect(trail.map((e) => [e.action, e.note])).toEqual([["raised", null], ["not_emailed", "off"]]);
  });

  it("e-mails the class's teacher and the lead through a real SMTP server, shows a red alert, and is handled with a note", async () => {
    const { admin, teacher, cls, student } = await setup();
    const saved = await saveSafeguarding(admin, {
      leadName: "Mr Park",
      leadEmail: "lead@school.example",
      emailAlerts: "on",
      smtpHost: "127.0.0.1",
      smtpPort: String(smtpPort),
      smtpSecurity: "none",
      smtpUser: "",
      smtpPassword: "s3cret-pass",
      smtpFrom: "lantern@school.example",
    });
    expect(saved).toMatchObject({ data: { saved: true } });
    // The password stays on the server.
    const settingsPage = await adminSettingsLoader({ request: await requestAs(admin, "/admin/settings"), params: {}, context: {} } as LoaderFunctionArgs);
    expect(JSON.stringify(settingsPage)).not.toContain("s3cret-pass");
    expect(settingsPage.safeguarding.smtp?.passwordSet).toBe(true);
    // Saving again with an empty password field keeps the password; the test e-mail goes to the lead.
    await saveSafeguarding(admin, {
      leadName: "Mr Park", leadEmail: "lead@school.example", emailAlerts: "on", smtpHost: "127.0.0.1", smtpPort: String(smtpPort),
      smtpSecurity: "none", smtpPassword: "", smtpFrom: "lantern@school.example",
    });
    const { getSafeguardingSettings } = await import("../../app/models/safeguarding.server");
    const { openSmtpPassword } = await import("../../app/utils/mail.server");
    expect(openSmtpPassword((await getSafeguardingSettings(admin)).smtp?.password ?? "")).toBe("s3cret-pass");
    const test = await adminSettingsAction({ request: await requestAs(admin, "/admin/settings", { form: { intent: "test-mail" } }), params: {}, context: {} } as ActionFunctionArgs);
    expect(test).toMatchObject({ data: { testMail: { ok: true, to: "lead@school.example" } } });
    expect(inbox.map((m) => m.to)).toEqual([["lead@school.example"]]);
    inbox.length = 0;

    await stream(student, "I want to kill myself", "mini");
    const mail = await waitFor(async () => inbox[0]);
    expect(mail.to.sort()).toEqual([teacher.username.toLowerCase(), "lead@school.example"].sort());
    expect(mail.from).toBe("lantern@school.example");
    expect(mail.data).toContain("Safeguarding alert: Mia (Year 8 Blue)");
    expect(mail.data).not.toContain("kill myself"); // no words of the student's in an e-mail
    // the link leads to the exchange at the school's public address (decision 017), looked up
    // only now that an alert is raised
    const { publicUrlOf } = await import("../../app/models/public-url.server");
    const unfolded = mail.data.replace(/=\r?\n/g, "");
    expect(unfolded).toContain(`${await publicUrlOf(student)}/teach/classes/`);
    const [message] = await storedMessages(student.id);
    // and the admin's page of the alert, for a lead who does not teach the class
    expect(unfolded).toContain(`${await publicUrlOf(student)}/admin/safeguarding/${message!.id}`);
    const events = await waitFor(async () => {
      const rows = [...(await flagEvents(message!.id))];
      return rows.some((r) => r.action === "emailed") ? rows : null;
    });
    expect(events.map((e) => e.action)).toEqual(["raised", "emailed"]);

    // A second message minutes later is a second alert, but not a second e-mail.
    await stream(student, "我想死", "mini");
    const second = (await storedMessages(student.id)).at(-1)!;
    await waitFor(async () => [...(await flagEvents(second.id))].some((e) => e.action === "raised"));
    await new Promise((r) => setTimeout(r, 300));
    expect(inbox).toHaveLength(1);
    // …and its history says why none went out
    expect([...(await flagEvents(second.id))].map((e) => [e.action, e.note])).toEqual([["raised", null], ["not_emailed", "quiet"]]);

    // The red alert: at the top of the teacher's home and of the class page, and for the admin.
    const home = await teachLoader({ request: await requestAs(teacher, "/teach"), params: {}, context: {} } as LoaderFunctionArgs);
    expect(home.alerts).toHaveLength(2);
    expect(home.alerts[1]).toMatchObject({
      messageId: message!.id,
      student: { displayName: "Mia" },
      categories: ["suicide"],
      href: `/teach/classes/${cls.id}/students/${student.id}#msg-${message!.id}`,
    });
    const classPage = await classLoader({ request: await requestAs(teacher, `/teach/classes/${cls.id}`), params: { classId: cls.id }, context: {} } as unknown as LoaderFunctionArgs);
    expect(classPage.alerts.map((a) => a.messageId)).toEqual([second.id, message!.id]);
    const adminHome = await adminLoader({ request: await requestAs(admin, "/admin"), params: {}, context: {} } as LoaderFunctionArgs);
    expect(adminHome.alerts.map((a) => a.messageId)).toEqual([second.id, message!.id]);

    // A note is required; then "mark handled" closes it and the audit trail keeps who and what.
    const empty = (await handleAction({ request: await requestAs(teacher, "/teach/safeguarding", { form: { messageId: message!.id, note: " ", back: "/teach" } }), params: {}, context: {} } as ActionFunctionArgs)) as Response;
    expect(empty.headers.get("Location")).toBe("/teach?safeguarding=note");
    const done = (await handleAction({
      request: await requestAs(teacher, "/teach/safeguarding", { form: { messageId: message!.id, note: "Spoke with Mia; told Mr Park.", back: `/teach/classes/${cls.id}` } }),
      params: {},
      context: {},
    } as ActionFunctionArgs)) as Response;
    expect(done.headers.get("Location")).toBe(`/teach/classes/${cls.id}?safeguarding=handled`);
    const after = await teachLoader({ request: await requestAs(teacher, "/teach"), params: {}, context: {} } as LoaderFunctionArgs);
    expect(after.alerts.map((a) => a.messageId)).toEqual([second.id]);
    const trail = [...(await flagEvents(message!.id))];
    expect(trail.at(-1)).toMatchObject({ action: "handled", actor_id: teacher.id, note: "Spoke with Mia; told Mr Park." });
    // the class's flag list keeps who handled it and what they did (found in a teacher's walk:
    // "Reviewed —", and the note shown nowhere)
    const flagList = await listFlaggedExchanges(teacher, cls.id, { locale: "en", t: translator("en") });
    const decided = flagList.decided.find((f) => f.messageId === message!.id)!;
    expect(decided.decisionLabel).toMatch(/^Handled by .+, \S/);
    expect(decided.decisionLabel).toContain(teacher.displayName);
    expect(decided.handledNote).toBe("Spoke with Mia; told Mr Park.");

    // Handled twice (the admin after the teacher): it says so, and nothing more is written.
    const again = (await handleAction({ request: await requestAs(admin, "/teach/safeguarding", { form: { messageId: message!.id, note: "x", back: "/admin" } }), params: {}, context: {} } as ActionFunctionArgs)) as Response;
    expect(again.headers.get("Location")).toBe("/admin?safeguarding=gone");
    expect([...(await flagEvents(message!.id))]).toHaveLength(trail.length);

    // Handled on the student's page, where the teacher read it: back there with the outcome (it
    // went to /teach); a path that only starts like one goes to /teach.
    const studentPage = `/teach/classes/${cls.id}/students/${student.id}`;
    const forged = (await handleAction({ request: await requestAs(teacher, "/teach/safeguarding", { form: { messageId: second.id, note: " ", back: `${studentPage}/../../x` } }), params: {}, context: {} } as ActionFunctionArgs)) as Response;
    expect(forged.headers.get("Location")).toBe("/teach?safeguarding=note");
    const fromStudent = (await handleAction({ request: await requestAs(teacher, "/teach/safeguarding", { form: { messageId: second.id, note: "Called home.", back: studentPage } }), params: {}, context: {} } as ActionFunctionArgs)) as Response;
    expect(fromStudent.headers.get("Location")).toBe(`${studentPage}?safeguarding=handled`);
  });

  it("a mail server that is down never breaks the student's request; the failure is in the audit trail", async () => {
    const { admin, student } = await setup();
    await saveSafeguarding(admin, { leadEmail: "lead@school.example", emailAlerts: "on", smtpHost: "127.0.0.1", smtpPort: "1", smtpSecurity: "none", smtpFrom: "lantern@school.example" });
    const { response, events } = await stream(student, "my stepdad beats me", "mini");
    expect(response.status).toBe(200);
    expect(events.map((e) => e.type)).toEqual(["start", "support", "done"]);
    const [message] = await storedMessages(student.id);
    const trail = await waitFor(async () => {
      const rows = [...(await flagEvents(message!.id))];
      return rows.some((r) => r.action === "email_failed") ? rows : null;
    });
    expect(trail.map((r) => r.action)).toEqual(["raised", "email_failed"]);
  });

  it("the admin's form refuses e-mail alerts without a mail server, in the user's words", async () => {
    const { admin } = await setup();
    const result = await saveSafeguarding(admin, { emailAlerts: "on", leadEmail: "not-an-address" });
    expect(result).toMatchObject({ init: { status: 400 }, data: { saved: false, errors: { leadEmail: "safeguarding.settings.emailInvalid", smtpHost: "safeguarding.settings.needsSmtp" } } });
  });
});
