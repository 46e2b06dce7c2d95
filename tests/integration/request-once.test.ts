/**
 * A page's loaders share one session lookup: Remix gives each loader its own Request object, so
 * the lookup is cached in the request's scope (as server/remix-handler.ts sets it up), and the
 * root loader names the catalog assets instead of sending the catalog.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLesson } from "../../app/course/course.server";
import { loader as rootLoader } from "../../app/root";
import { loader as lessonLoader } from "../../app/routes/learn.$lesson";
import { connection, registerDatabase } from "../../app/utils/db.server";
import { inRequestScope } from "../../app/utils/request-scope.server";
import type { SessionUser } from "../../app/utils/session.server";
import { connect, type Connection } from "../../db/client";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

const context = { nonce: "n", clientAddress: "10.0.0.1" };
const queries: string[] = [];
let counted: Connection;
let original: Connection;
let student: SessionUser;
const slug = "what-is-an-llm";

beforeAll(async () => {
  const { school } = await makeSchool();
  const teacher = await makeUser(school.id, "teacher");
  const classId = (await makeClass(teacher)).id;
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
async function page(path: string) {
  const first = await requestAs(student, path);
  const copy = () => new Request(first.url, { headers: first.headers, signal: first.signal });
  return inRequestScope(async () => {
    const root = await rootLoader({ request: copy(), params: {}, context });
    await lessonLoader({ request: copy(), params: { lesson: slug }, context });
    return root;
  });
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

  it("sends the catalog's asset URLs, not the catalog, in the root loader's data", async () => {
    const root = await page(`/learn/${slug}`);
    const data = (root as unknown as { data: Record<string, unknown> }).data;
    expect(data.catalog).toEqual([expect.stringMatching(/^\/i18n\/en\.student\.[\w-]{12}\.json$/)]);
    expect(data).not.toHaveProperty("messages");
    // the whole root data of a student's page: locale, two URLs' worth, the user — a few hundred bytes
    expect(JSON.stringify(data).length).toBeLessThan(600);
  });
});
