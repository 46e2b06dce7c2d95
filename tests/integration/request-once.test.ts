/**
 * A page's loaders share one session lookup: Remix gives each loader its own Request object, so
 * the lookup is cached in the request's scope (as server/remix-handler.ts sets it up), and the
 * root loader names the catalog assets instead of sending the catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLesson } from "../../app/course/course.server";
import { loader as rootLoader } from "../../app/root";
import { loader as lessonLoader } from "../../app/routes/learn.$lesson";
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
});
