/**
 * A page's loaders share one session lookup: Remix gives each loader its own Request object, so
 * the lookup is cached in the request's scope (as server/remix-handler.ts sets it up), and the
 * root loader names the catalog assets instead of sending the catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLesson } from "../../app/course/course.server";
import { fieldName } from "../../app/course/answer-fields";
import { loader as rootLoader } from "../../app/root";
import { action as lessonAction, loader as lessonLoader } from "../../app/routes/learn.$lesson";
import { action as timeAction } from "../../app/routes/learn.$lesson.time";
import { loader as classFrameLoader } from "../../app/routes/teach.classes.$classId";
import { loader as classPageLoader } from "../../app/routes/teach.classes.$classId._index";
import { connection, registerDatabase } from "../../app/utils/db.server";
import { inRequestScope } from "../../app/utils/request-scope.server";
import { getSchoolSettings, readSchoolSettings, updateSchoolSettings } from "../../app/models/schools.server";
import type { SessionUser } from "../../app/utils/session.server";
import { connect, type Connection } from "../../db/client";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

const context = { nonce: "n", clientAddress: "10.0.0.1" };
const queries: string[] = [];
let counted: Connection;
let original: Connection;
let student: SessionUser;
let teacher: SessionUser;
let classId: string;
const slug = "what-is-an-llm";

beforeAll(async () => {
  const { school } = await makeSchool();
  teacher = await makeUser(school.id, "teacher");
  classId = (await makeClass(teacher)).id;
  student = await makeStudentIn(classId);
  original = connection();
  counted = connect(original.url, { max: 2, debug: (_c, query) => queries.push(query) });
  registerDatabase(counted);
});

afterAll(async () => {
  registerDatabase(original);
  await counted.close();
});

/** What Remix does for a page: every loader gets a new Request with the same headers. */
async function page(path: string, as = student) {
  const first = await requestAs(as, path);
  const copy = () => new Request(first.url, { headers: first.headers, signal: first.signal });
  return inRequestScope(async () => {
    const root = await rootLoader({ request: copy(), params: {}, context });
    if (as === student) await lessonLoader({ request: copy(), params: { lesson: slug }, context });
    else {
      // the class page: its frame (name, join link, alerts) and the page, side by side as Remix runs them
      await Promise.all([
        classFrameLoader({ request: copy(), params: { classId }, context }),
        classPageLoader({ request: copy(), params: { classId }, context }),
      ]);
    }
    return root;
  }, "GET");
}

const sessionQueries = () => queries.filter((q) => /from "sessions"/i.test(q)).length;

describe("one request", () => {
  it("looks the session up once for all of a page's loaders", async () => {
    expect(getLesson(slug)).toBeTruthy();
    await page(`/learn/${slug}`); // the first touch of last_seen may write; measure the next page
    queries.length = 0;
    await page(`/learn/${slug}`);
    expect(sessionQueries()).toBe(1);
  });

  it("reads the session, the school's settings and the class once for all of a class page's loaders", async () => {
    const path = `/teach/classes/${classId}`;
    await page(path, teacher);
    queries.length = 0;
    await page(path, teacher);
    // (the class page's own statement reads from "classes" too: it is not a guard)
    const count = (table: string) => queries.filter((q) => new RegExp(`from "${table}" where`, "i").test(q) && !q.includes("steps_done")).length;
    // root (demo banner), frame (join link) and page each need the settings; frame and page the class
    expect({ sessions: sessionQueries(), schools: count("schools"), classes: count("classes") }).toEqual({ sessions: 1, schools: 1, classes: 1 });
  });

  it("builds a settings change on the stored settings, not on what the page remembered", async () => {
    const admin = { schoolId: teacher.schoolId } as SessionUser;
    await inRequestScope(async () => {
      await getSchoolSettings(admin); // remembered for this request
      await updateSchoolSettings(admin, { transcriptRetentionDays: 11 });
      await updateSchoolSettings(admin, { defaultStudentDailyTokens: 1234 });
    }, "GET");
    // the second write kept the first: each read what was stored
    expect(await readSchoolSettings(teacher.schoolId)).toMatchObject({ transcriptRetentionDays: 11, defaultStudentDailyTokens: 1234 });
  });

  it("sends the catalog's asset URLs, not the catalog, in the root loader's data", async () => {
    const root = await page(`/learn/${slug}`);
    const data = (root as unknown as { data: Record<string, unknown> }).data;
    expect(data.catalog).toEqual([expect.stringMatching(/^\/i18n\/en\.student\.[\w-]{12}\.json$/)]);
    expect(data).not.toHaveProperty("messages");
    // the whole root data of a student's page: locale, two URLs' worth, the user — a few hundred bytes
    expect(JSON.stringify(data).length).toBeLessThan(600);
  });

  it("saves a step done, or active time, in one statement after the session: no BEGIN, no COMMIT", async () => {
    // The lesson player's most frequent writes: each a round trip, and the progress row and its
    // activity rows one statement (still all or nothing: learn-routes.test.ts refuses the log row).
    const lesson = getLesson(slug)!;
    const [first, second] = lesson.content.en.steps;
    const learner = await makeStudentIn(classId);
    type Act = (args: { request: Request; params: { lesson: string }; context: typeof context }) => Promise<unknown>;
    const post = async (path: string, form: Record<string, string>, act: Act) => {
      const request = await requestAs(learner, path, { form });
      await inRequestScope(() => act({ request, params: { lesson: slug }, context }).catch((thrown: unknown) => thrown), "POST");
    };
    // the session's first use touches last_seen; count from the second request on
    await post(`/learn/${slug}/time`, { step: first!.id, seconds: "3" }, timeAction);
    const writes = () => queries.filter((q) => !/from "sessions"|into "sessions"|update "sessions"/i.test(q));
    const statementsOf = async (path: string, form: Record<string, string>, act: Act) => {
      queries.length = 0;
      await post(path, form, act);
      return writes();
    };
    const next = [`/learn/${slug}?step=${first!.id}`, { intent: "next", step: first!.id, seconds: "4" }, lessonAction] as const;
    expect(await statementsOf(...next)).toEqual([expect.stringMatching(/insert into lesson_progress[\s\S]*insert into activity_log/)]);
    expect(await statementsOf(`/learn/${slug}/time`, { step: second!.id, seconds: "5" }, timeAction)).toEqual([
      expect.stringMatching(/insert into lesson_progress[\s\S]*insert into activity_log/),
    ]);
    // a step already done: the marking finds nothing to do, and a second statement adds the time
    const again = await statementsOf(...next);
    expect(again).toHaveLength(2);
    expect(again.every((q) => /insert into lesson_progress/.test(q))).toBe(true);

    // an inline check's answer and its "answered" row: one statement (after reading the attempts so far)
    const check = lesson.checks[0]!;
    const stepOfCheck = lesson.content.en.steps.find((s) => JSON.stringify(s.blocks).includes(`"${check.id}"`))!;
    const fields: Record<string, string> =
      check.type === "text"
        ? { [fieldName(check.id, "text")]: "a guess", [fieldName(check.id, "confidence")]: "guessing" }
        : { [fieldName(check.id, "choice")]: check.content.en.choices[0]!.id, [fieldName(check.id, "confidence")]: "guessing" };
    const answered = await statementsOf(
      `/learn/${slug}?step=${stepOfCheck.id}`,
      { intent: "check", step: stepOfCheck.id, question: check.id, attempt: "1", ...fields },
      lessonAction,
    );
    expect(answered.filter((q) => /^\s*(begin|commit)\b/i.test(q))).toEqual([]);
    expect(answered.filter((q) => /insert/i.test(q))).toEqual([expect.stringMatching(/insert into quiz_answers[\s\S]*insert into activity_log/)]);
  });
});
