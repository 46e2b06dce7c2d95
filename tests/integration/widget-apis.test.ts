/**
 * The widgets' resource routes, called directly with real Requests: /api/tokenize and
 * /api/next-token (public, bounded, never write) and /api/preferences (saves a student's choice
 * in the activity log, returns class totals that never include another class).
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activityLog, classes } from "../../db/schema";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { eq } from "drizzle-orm";
import { action as tokenizeAction, loader as tokenizeLoader } from "../../app/routes/api.tokenize";
import { action as nextTokenAction, loader as nextTokenLoader } from "../../app/routes/api.next-token";
import { action as preferencesAction, loader as preferencesLoader } from "../../app/routes/api.preferences";
import { countTokens } from "../../app/course/tokenizer.server";
import { getLesson } from "../../app/course/course.server";
import { MAX_CHARS } from "../../app/utils/form-limits";
import { agreementSummary, pairAgreement } from "../../app/course/widgets/preference-math";
import { preferencePairs, type PreferencesResponse } from "../../app/course/widgets/widget-data";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";
import { refuseWrites } from "../setup/refuse-writes";
import { widgetServerData } from "../../app/components/widgets/server-data.server";
import { WINDOW_SIZES } from "../../app/course/widgets/needle-choice";
import { getMiniModel } from "../../app/playground/mini-model.server";

const LESSON = "learning-from-feedback";
const args = (request: Request) => ({ request, params: {}, context: { nonce: "n", clientAddress: "10.0.0.1" } });

async function jsonRequest(user: SessionUser | null, path: string, body: unknown, headers: Record<string, string> = {}) {
  return requestAs(user, path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
  }).then((r) => new Request(r, { body: typeof body === "string" ? body : JSON.stringify(body) }));
}

async function call(fn: (a: ReturnType<typeof args>) => unknown, request: Request) {
  const response = (await fn(args(request))) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A hash of every row of every table: any write changes it. */
async function fingerprint(): Promise<string> {
  const tables = await db().execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    // the per-client request budget counts calls (hashed keys and numbers, no data): not a write of the API's
    if (table_name === "request_rates") continue;
    const expr = table_name === "sessions" ? "t.id::text" : "t::text";
    const [row] = await db().execute<{ h: string | null }>(
      sql.raw(`select md5(string_agg(${expr}, ',' order by ${expr})) as h from ${table_name} t`),
    );
    parts.push(`${table_name}:${row?.h ?? "-"}`);
  }
  return parts.join("|");
}

let student: SessionUser;
let teacher: SessionUser;
let classmates: SessionUser[];
let otherClass: SessionUser[];
let archivedMate: SessionUser;

beforeAll(async () => {
  const { school } = await makeSchool();
  teacher = await makeUser(school.id, "teacher");
  const otherTeacher = await makeUser(school.id, "teacher");
  const cls = await makeClass(teacher);
  const other = await makeClass(otherTeacher);
  const old = await makeClass(teacher);
  student = await makeStudentIn(cls.id);
  classmates = [];
  for (let i = 0; i < 5; i++) classmates.push(await makeStudentIn(cls.id));
  otherClass = [];
  for (let i = 0; i < 4; i++) otherClass.push(await makeStudentIn(other.id));
  // A classmate only in an archived class: a past class does not count.
  const { enroll } = await import("../factories");
  await enroll(old.id, student);
  archivedMate = await makeStudentIn(old.id);
  await db().update(classes).set({ archivedAt: new Date() }).where(eq(classes.id, old.id));
});

describe("POST /api/tokenize", () => {
  it("points a text that reads as a crisis or low mood to help, and no other", async () => {
    const support = async (text: string) => ((await call(tokenizeAction, await jsonRequest(null, "/api/tokenize", { text }))).body as { support?: string }).support;
    expect(await support("i want to kill myself")).toBe("crisis");
    expect(await support("everyone hates me")).toBe("low_mood");
    expect(await support("Tokenization splits text into pieces")).toBeUndefined();
  });

  it("cuts text into pieces that give back the text, counted like the tokenizer", async () => {
    const text = "I haven't finished my math homework today. 我今天的数学作业还没写完。";
    const { status, body } = await call(tokenizeAction, await jsonRequest(null, "/api/tokenize", { text }));
    expect(status).toBe(200);
    const pieces = body.pieces as { text: string; ids: number[] }[];
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(body.count).toBe(countTokens(text));
    expect(pieces.reduce((n, p) => n + p.ids.length, 0)).toBe(body.count);
    expect(body.characters).toBe([...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].length);
  });

  it("accepts a form body and the longest allowed text", async () => {
    const text = "a".repeat(MAX_CHARS.widgetText);
    const { status, body } = await call(tokenizeAction, await requestAs(null, "/api/tokenize", { form: { text } }));
    expect(status).toBe(200);
    expect(body.count).toBe(countTokens(text));
  });

  it("refuses text over the limit with a clear message, in the reader's language", async () => {
    const text = "a".repeat(MAX_CHARS.widgetText + 1);
    const en = await call(tokenizeAction, await jsonRequest(null, "/api/tokenize", { text }));
    expect(en.status).toBe(400);
    expect(en.body.error).toBe("The text is too long: at most 2,000 characters.");
    const zh = await call(tokenizeAction, await jsonRequest(null, "/api/tokenize", { text }, { "Accept-Language": "zh-CN" }));
    expect(zh.status).toBe(400);
    expect(zh.body.error).toBe("文字太长了：最多 2,000 个字符。");
  });

  it("answers bad input with a 400 and a message, never a 500", async () => {
    const missing = await call(tokenizeAction, await jsonRequest(null, "/api/tokenize", {}));
    expect(missing).toMatchObject({ status: 400, body: { error: "Send the text to tokenize in the field “text”.", field: "text" } });
    const notText = await call(tokenizeAction, await jsonRequest(null, "/api/tokenize", { text: 42 }));
    expect(notText.status).toBe(400);
    const broken = await call(tokenizeAction, await jsonRequest(null, "/api/tokenize", "{not json"));
    expect(broken).toMatchObject({ status: 400, body: { error: "The request could not be read. Send JSON or form fields." } });
    const array = await call(tokenizeAction, await jsonRequest(null, "/api/tokenize", ["text"]));
    expect(array.status).toBe(400);
    const get = await call(tokenizeLoader, await requestAs(null, "/api/tokenize"));
    expect(get.status).toBe(405);
  });

  it("writes nothing, for a visitor or a student", async () => {
    // Requests first: the student's session row is the test's own doing, not the route's.
    const requests = [await jsonRequest(null, "/api/tokenize", { text: "hello" }), await jsonRequest(student, "/api/tokenize", { text: "你好" })];
    const before = await fingerprint();
    for (const request of requests) expect((await call(tokenizeAction, request)).status).toBe(200);
    expect(await fingerprint()).toBe(before);
  });
});

describe("/api/next-token", () => {
  // Found in a walk as a troubled 13-year-old: the widget's box is a place to type too, and
  // "i want to die" or "nobody cares about me" got next-token bars and nothing else.
  it.each([
    ["i want to die", "crisis"],
    ["我不想活了", "crisis"],
    ["nobody cares about me", "low_mood"],
    ["我好孤独，没人在乎我", "low_mood"],
    ["The cat sat on the", undefined],
    ["i cant do this question", undefined],
  ])("points %j to help when it reads as a crisis or low mood (%s)", async (context, support) => {
    const { status, body } = await call(nextTokenAction, await jsonRequest(null, "/api/next-token", { context }));
    expect(status).toBe(200);
    expect((body as { support?: string }).support).toBe(support);
  });

  it("gives the top guesses, most likely first, with the model's window", async () => {
    const { status, body } = await call(nextTokenAction, await jsonRequest(null, "/api/next-token", { context: "The cat sat on the" }));
    expect(status).toBe(200);
    const candidates = body.candidates as { p: number; chance: number }[];
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < candidates.length; i++) expect(candidates[i]!.p).toBeLessThanOrEqual(candidates[i - 1]!.p);
    expect(candidates.reduce((s, c) => s + c.p, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(body.window).toEqual([" on", " the"].slice(-(body.window as string[]).length));
    expect((body.window as string[]).length).toBe(2);
    expect(body).toMatchObject({ text: "The cat sat on the", added: [], temperature: 1, topK: 40 });
  });

  it("turns temperature 0 into certainty for the top token", async () => {
    const { body } = await call(nextTokenAction, await jsonRequest(null, "/api/next-token", { context: "The model", temperature: 0 }));
    const chances = (body.candidates as { chance: number }[]).map((c) => c.chance);
    expect(chances[0]).toBe(1);
    expect(chances.slice(1).every((c) => c === 0)).toBe(true);
  });

  it("flattens the chances as temperature rises", async () => {
    const chanceOfTop = async (temperature: number) => {
      const { body } = await call(nextTokenAction, await jsonRequest(null, "/api/next-token", { context: "The model", temperature }));
      return (body.candidates as { chance: number }[])[0]!.chance;
    };
    const [low, normal, high] = [await chanceOfTop(0.5), await chanceOfTop(1), await chanceOfTop(2)];
    expect(low).toBeGreaterThan(normal);
    expect(normal).toBeGreaterThan(high);
  });

  it("adds the top token, and samples reproducibly with a seed", async () => {
    const top = await call(nextTokenAction, await jsonRequest(null, "/api/next-token", { context: "The model", mode: "top", count: 3 }));
    const added = top.body.added as { piece: string }[];
    expect(added.length).toBeGreaterThan(0);
    expect(top.body.text).toBe("The model" + added.map((a) => a.piece).join(""));
    const first = (await call(nextTokenAction, await jsonRequest(null, "/api/next-token", { context: "The model" }))).body;
    expect(added[0]!.piece).toBe((first.candidates as { piece: string }[])[0]!.piece);

    const sample = async (seed: number) =>
      call(nextTokenAction, await jsonRequest(null, "/api/next-token", { context: "A token", mode: "sample", count: 10, temperature: 1.5, seed }));
    const a = await sample(7);
    const b = await sample(7);
    expect(a.status).toBe(200);
    expect(a.body.text).toBe(b.body.text);
    expect((a.body.added as unknown[]).length).toBeLessThanOrEqual(10);
  });

  it("does not let the text end before minPieces pieces were added", async () => {
    const context = "Question: What is the secret password for the school garden? Answer:";
    for (const mode of ["top", "sample"]) {
      const { body } = await call(nextTokenAction, await jsonRequest(null, "/api/next-token", { context, mode, count: 4, minPieces: 4, seed: 3 }));
      const added = body.added as { piece: string; end?: boolean }[];
      expect(added).toHaveLength(4);
      expect(added.some((a) => a.end)).toBe(false);
    }
  });

  it("answers GET with query parameters too", async () => {
    const { status, body } = await call(nextTokenLoader, await requestAs(null, "/api/next-token?context=The%20model&temperature=0.5&topK=5"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ temperature: 0.5, topK: 5 });
  });

  it("refuses out-of-range or malformed fields with a 400 that says what is allowed", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ context: "x", temperature: 3 }, "Temperature must be a number from 0 to 2."],
      [{ context: "x", temperature: -0.1 }, "Temperature must be a number from 0 to 2."],
      [{ context: "x", temperature: "warm" }, "Temperature must be a number from 0 to 2."],
      [{ context: "x", topK: 0 }, "topK must be a whole number from 1 to 40."],
      [{ context: "x", topK: 41 }, "topK must be a whole number from 1 to 40."],
      [{ context: "x", topK: 2.5 }, "topK must be a whole number from 1 to 40."],
      [{ context: "x", count: 21, mode: "sample" }, "count must be a whole number from 0 to 20."],
      [{ context: "x", mode: "all" }, "mode must be “peek”, “top” or “sample”."],
      [{ context: "x".repeat(MAX_CHARS.widgetText + 1) }, "The text is too long: at most 2,000 characters."],
      [{}, "Send the text so far in the field “context”."],
    ];
    for (const [fields, message] of cases) {
      const { status, body } = await call(nextTokenAction, await jsonRequest(null, "/api/next-token", fields));
      expect({ fields, status, error: body.error }).toEqual({ fields, status: 400, error: message });
    }
  });

  it("writes nothing", async () => {
    const requests = [
      await jsonRequest(student, "/api/next-token", { context: "The model", mode: "sample", count: 5 }),
      await jsonRequest(null, "/api/next-token", { context: "The model", mode: "top", count: 5 }),
    ];
    const before = await fingerprint();
    for (const request of requests) expect((await call(nextTokenAction, request)).status).toBe(200);
    expect(await fingerprint()).toBe(before);
  });
});

describe("/api/preferences", () => {
  const choose = async (user: SessionUser | null, pair: string, choice: string) =>
    call(preferencesAction, await jsonRequest(user, "/api/preferences", { lesson: LESSON, pair, choice }));

  /** Hand-built history, written straight into the activity log. */
  async function prefer(user: SessionUser, pair: string, choice: "a" | "b", minutesAgo = 0) {
    await db()
      .insert(activityLog)
      .values({
        actorId: user.id,
        verb: "preferred",
        objectType: "preference-pair",
        objectId: `${LESSON}#${pair}`,
        result: { choice },
        createdAt: new Date(Date.now() - minutesAgo * 60_000),
      });
  }

  it("answers a choice the database refuses with a clear 503 in the student's language, not a 500", async () => {
    const loner = await makeUser(student.schoolId, "student");
    const undo = await refuseWrites("activity_log", "insert", `new.actor_id = '${loner.id}'`);
    try {
      const refused = await choose(loner, "pair-1", "a");
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatch(/try again/i);
    } finally {
      await undo();
    }
  });

  it("the lesson ships pairs with the AI judge's labels", () => {
    const pairs = preferencePairs(getLesson(LESSON)!.data, "en");
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    expect(pairs.find((p) => p.id === "pair-1")?.judge).toBe("a");
  });

  it("computes agreement from classmates' latest choices and never counts another class", async () => {
    // pair-1: classmates a, a, a, b (one of them changed b → a), another class all b.
    await prefer(classmates[0]!, "pair-1", "a");
    await prefer(classmates[1]!, "pair-1", "a");
    await prefer(classmates[2]!, "pair-1", "b", 10);
    await prefer(classmates[2]!, "pair-1", "a", 1);
    await prefer(classmates[3]!, "pair-1", "b");
    for (const s of otherClass) await prefer(s, "pair-1", "b");
    await prefer(archivedMate, "pair-1", "b");
    // pair-2: only two classmates so far: too few for totals.
    await prefer(classmates[0]!, "pair-2", "a");
    await prefer(classmates[1]!, "pair-2", "b");
    // pair-4: three classmates, all b; plus two from the other class choosing a.
    for (const s of classmates.slice(0, 3)) await prefer(s, "pair-4", "b");
    for (const s of otherClass.slice(0, 2)) await prefer(s, "pair-4", "a");

    const { status, body } = await choose(student, "pair-1", "a");
    expect(status).toBe(200);
    const result = body as unknown as PreferencesResponse;
    expect(result).toMatchObject({ student: true, saved: true, mine: { "pair-1": "a" }, minClassmates: 3 });
    expect(result.classCounts["pair-1"]).toEqual({ a: 3, b: 1 });
    expect(result.classCounts["pair-2"]).toBeNull();
    expect(result.classCounts["pair-4"]).toEqual({ a: 0, b: 3 });

    // pair-1's judge is "a": 3 of 4 classmates agree with me (75%) and with the judge (75%).
    expect(pairAgreement(result.classCounts["pair-1"]!, "a", "a")).toEqual({ same: 3, total: 4, sameShare: 0.75, judgeShare: 0.75 });

    await choose(student, "pair-4", "a");
    const after = (await call(preferencesLoader, await requestAs(student, `/api/preferences?lesson=${LESSON}`))).body as unknown as PreferencesResponse;
    expect(after.mine).toEqual({ "pair-1": "a", "pair-4": "a" });
    const pairs = preferencePairs(getLesson(LESSON)!.data, "en");
    const summary = agreementSummary(pairs, after.mine, after.classCounts);
    // pair-4's judge is "b": I disagree with it, so 1 of 2 with the judge.
    expect(summary).toEqual({ withJudge: 1, chosen: 2, classSameShare: 3 / 7, classJudgeShare: 6 / 7 });
  });

  it("keeps one event per change of mind, and the latest choice counts", async () => {
    const count = async () =>
      (await db().execute<{ n: number }>(sql`select count(*)::int as n from activity_log where actor_id = ${student.id} and object_id = ${`${LESSON}#pair-3`}`))[0]!.n;
    await choose(student, "pair-3", "b");
    await choose(student, "pair-3", "b");
    expect(await count()).toBe(1);
    await choose(student, "pair-3", "a");
    expect(await count()).toBe(2);
    const { body } = await call(preferencesLoader, await requestAs(student, `/api/preferences?lesson=${LESSON}`));
    expect((body as unknown as PreferencesResponse).mine["pair-3"]).toBe("a");
    // A classmate sees the student's latest choice only.
    const mate = (await call(preferencesLoader, await requestAs(classmates[4]!, `/api/preferences?lesson=${LESSON}`))).body as unknown as PreferencesResponse;
    expect(mate.mine).toEqual({});
    expect(mate.classCounts["pair-1"]).toEqual({ a: 4, b: 1 });
  });

  it("saves nothing for a visitor or a teacher, who get the AI-judge comparison only", async () => {
    const visitorRequest = await jsonRequest(null, "/api/preferences", { lesson: LESSON, pair: "pair-1", choice: "b" });
    const teacherRequest = await jsonRequest(teacher, "/api/preferences", { lesson: LESSON, pair: "pair-1", choice: "b" });
    const before = await fingerprint();
    for (const request of [visitorRequest, teacherRequest]) {
      const { status, body } = await call(preferencesAction, request);
      expect(status).toBe(200);
      expect(body).toEqual({ student: false, saved: false, mine: {}, classCounts: {}, minClassmates: 3 });
    }
    const get = await call(preferencesLoader, await requestAs(null, `/api/preferences?lesson=${LESSON}`));
    expect(get.body).toMatchObject({ student: false, classCounts: {} });
    expect(await fingerprint()).toBe(before);
  });

  it("refuses unknown lessons, pairs and choices with a 400, writing nothing", async () => {
    const requests = [
      await jsonRequest(student, "/api/preferences", { lesson: "tokens", pair: "pair-1", choice: "a" }),
      await jsonRequest(student, "/api/preferences", { lesson: "nope", pair: "pair-1", choice: "a" }),
      await jsonRequest(student, "/api/preferences", { lesson: LESSON, pair: "pair-99", choice: "a" }),
      await jsonRequest(student, "/api/preferences", { lesson: LESSON, pair: "pair-1", choice: "c" }),
      await jsonRequest(student, "/api/preferences", "[]"),
    ];
    const badGet = await requestAs(student, "/api/preferences?lesson=nope");
    const before = await fingerprint();
    const messages = [];
    for (const request of requests) {
      const { status, body } = await call(preferencesAction, request);
      expect(status).toBe(400);
      messages.push(body.error);
    }
    expect(messages.slice(0, 4)).toEqual([
      "There is no lesson with preference pairs of that name.",
      "There is no lesson with preference pairs of that name.",
      "This lesson has no pair with that id.",
      "choice must be “a” or “b”.",
    ]);
    const get = await call(preferencesLoader, badGet);
    expect(get.status).toBe(400);
    expect(await fingerprint()).toBe(before);
  });
});

describe("server data for the fallbacks", () => {
  it("computes real numbers for each widget a lesson step uses", () => {
    const tokens = getLesson("tokens")!;
    const measure = tokens.content.en.steps.find((st) => st.widgets.includes("tokenizer"))!;
    const { widgetServer } = widgetServerData(tokens, "en", measure);
    const [english, chinese] = widgetServer.tokenizer!.samples;
    expect(english!.count).toBe(countTokens(english!.text));
    expect(chinese!.count).toBe(countTokens(chinese!.text));
    expect(widgetServer.nextToken).toBeUndefined(); // not on this step

    const whole = widgetServerData(tokens, "zh-Hans").widgetServer;
    expect(Object.keys(whole.nextToken!)).toEqual(["写完作业以后，我要去", "小猫趴在"]);
    expect(whole.nextToken!["小猫趴在"]!.candidates.length).toBeGreaterThan(0);

    const needle = widgetServerData(getLesson("long-context")!, "en").widgetServer.needle!;
    expect(needle.needleReach).toBeGreaterThan(needle.window);
    expect(needle.total).toBeGreaterThan(needle.needleReach);
    expect(needle.answer.trim()).not.toBe("");
  });

  it("the needle experiment's smallest window is the mini model's real one", () => {
    expect(WINDOW_SIZES[0]).toBe(getMiniModel().order - 1);
  });
});
