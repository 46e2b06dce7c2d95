/**
 * Many students at once, each shown only their own: a page is put together from what one request
 * looked up once (the session, in the request's scope), what the server renders once for every
 * reader (a step's text, per language) and what each reader's loaders read. A value kept from one
 * request for the next — a part cached with one reader's data in it, a loader's result kept in
 * the module — would show one child's name, progress or language on another's page. (A loader
 * that kept the first reader's steps done for everyone made this test fail.) So
 * six students of a class, each with their own name, progress and language, ask for their pages
 * all at once, many times over: documents (streamed to a browser, and whole), the lesson's data
 * requests, My lessons, the playground and the account page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rememberLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/locales";
import { baseUrl, closeTestSql, cookieHeaderFor, makeClassOf, makeStudent, makeTeacher, testSql } from "./setup/context";
import { get } from "./setup/http-probe";
import { compiledLesson } from "./setup/lesson-driver";

interface Reader {
  name: string;
  locale: Locale;
  /** Steps of lesson 1 this reader has done (the first `done` steps). */
  done: number;
  cookie: string;
}

// No name is part of another; Latin and Han both, as in a class in Hong Kong.
const PEOPLE: { name: string; locale: Locale }[] = [
  { name: "Ada Quillfeather", locale: "en" },
  { name: "陈小雨", locale: "zh-Hans" },
  { name: "Bo Lindqvist", locale: "zh-Hant" },
  { name: "黃志明", locale: "zh-Hant" },
  { name: "Dev Okonkwo", locale: "en" },
  { name: "Fen Takahashi", locale: "zh-Hans" },
];

const lesson = compiledLesson();
const readers: Reader[] = [];

beforeAll(async () => {
  const sql = testSql();
  const teacher = await makeTeacher("Readers Apart Teacher");
  const classId = await makeClassOf(teacher, "Readers kept apart");
  const steps = lesson.content.en!.steps.map((s) => s.id);
  for (const [i, person] of PEOPLE.entries()) {
    const student = await makeStudent(classId, person.name);
    const done = i + 1;
    await sql`
      insert into lesson_progress (user_id, lesson_slug, steps_done, current_step)
      values (${student.id}, ${lesson.slug}, ${steps.slice(0, done)}, ${steps[done] ?? null})`;
    const lang = (await rememberLocale(person.locale)).split(";")[0]!;
    readers.push({ ...person, done, cookie: `${await cookieHeaderFor(student.username)}; ${lang}` });
  }
});

afterAll(closeTestSql);

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/** What one reader asks for in a round: every kind of page that carries who they are. */
function requestsOf(reader: Reader, round: number) {
  const steps = lesson.content.en!.steps;
  const step = steps[(round + reader.done) % steps.length]!.id;
  const lessonPath = `/learn/${lesson.slug}?step=${step}`;
  return [
    { kind: "lesson (streamed)", path: lessonPath, ua: BROWSER },
    { kind: "lesson (whole)", path: lessonPath, ua: "" },
    { kind: "lesson data", path: `/learn/${lesson.slug}.data?step=${step}`, ua: BROWSER },
    { kind: "my lessons", path: "/learn", ua: BROWSER },
    { kind: "playground", path: "/playground", ua: BROWSER },
    { kind: "account", path: "/account", ua: "" },
  ];
}

/** `<span class="step-mark is-done">` per step done, in the step list. */
const doneMarks = (html: string) => html.split('class="step-mark is-done"').length - 1;

describe("students at once", () => {
  it("each page shows its reader's own name, progress and language, never another's", async () => {
    const problems: string[] = [];
    let pages = 0;
    for (let round = 0; round < 8; round++) {
      const asked = readers.flatMap((reader) => requestsOf(reader, round).map((r) => ({ reader, ...r })));
      // every page of the round at once, in an order that mixes the readers
      asked.sort(() => Math.random() - 0.5);
      const answers = await Promise.all(
        asked.map(async (a) => ({ ...a, res: await get(baseUrl() + a.path, { headers: { cookie: a.reader.cookie, ...(a.ua ? { "user-agent": a.ua } : {}) } }, 30_000) })),
      );
      for (const { reader, kind, path, res } of answers) {
        pages++;
        const where = `${reader.name}, ${kind} ${path}`;
        if (res.status !== 200) {
          problems.push(`${where}: status ${res.status}`);
          continue;
        }
        if (!res.body.includes(reader.name)) problems.push(`${where}: their own name is missing`);
        for (const other of readers) if (other !== reader && res.body.includes(other.name)) problems.push(`${where}: shows ${other.name}`);
        if (kind === "lesson data") continue; // data: no document, no step list to count
        if (!res.body.includes(`<html lang="${reader.locale}"`)) problems.push(`${where}: not in ${reader.locale}`);
        if (kind.startsWith("lesson") && doneMarks(res.body) !== reader.done) {
          problems.push(`${where}: ${doneMarks(res.body)} steps marked done, not ${reader.done}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(pages).toBe(8 * readers.length * 6);
  }, 120_000);
});
