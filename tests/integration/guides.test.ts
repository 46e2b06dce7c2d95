/**
 * The guide pages' loaders: a teacher gets the guide with an answer key built from quiz.yaml,
 * the handout, the plan, and a mapping that lists every lesson of the course.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getCourse, getLesson } from "../../app/course/course.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeSchool, makeUser, requestAs } from "../factories";

let teacher: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  const { school, admin: a } = await makeSchool();
  admin = a;
  teacher = await makeUser(school.id, "teacher");
});

async function load<T>(route: string, user: SessionUser, path: string, params: Record<string, string> = {}): Promise<T> {
  const mod = (await import(`../../app/routes/${route}`)) as { loader: (args: unknown) => Promise<T> };
  return mod.loader({ request: await requestAs(user, path), params, context: {} });
}

interface KeyItem {
  id: string;
  answers: string[];
  explanation: string;
}

describe("teacher's guide pages", () => {
  it("build the answer key from the lesson's quiz", async () => {
    const lesson = getLesson("tokens")!;
    const view = await load<{ checks: KeyItem[]; quiz: KeyItem[]; teacherSections: { id: string }[] }>(
      "teach.guide.$lesson._index",
      teacher,
      "/teach/guide/tokens",
      { lesson: "tokens" },
    );
    expect(view.quiz.map((q) => q.id)).toEqual(lesson.quiz.map((q) => q.id));
    expect(view.checks.map((q) => q.id)).toEqual(lesson.checks.map((q) => q.id));
    for (const [i, question] of lesson.quiz.entries()) {
      const en = question.content.en;
      const expected = question.type === "text" ? en.accepted : en.choices.filter((c) => question.answer.includes(c.id)).map((c) => c.text);
      expect(view.quiz[i]?.answers).toEqual(expected);
      expect(view.quiz[i]?.explanation).toBe(en.explanation);
    }
    expect(view.teacherSections.map((s) => s.id)).toEqual(["goal", "plan", "widgets", "misconceptions", "discussion", "unplugged", "adapting"]);
  });

  it("are open to admins too", async () => {
    const view = await load<{ lesson: { slug: string } }>("teach.guide.$lesson._index", admin, "/teach/guide/honesty", { lesson: "honesty" });
    expect(view.lesson.slug).toBe("honesty");
  });

  it("give the handout its summary, diagram and worksheet", async () => {
    const view = await load<{ summary: { id: string }; diagram: unknown[]; worksheet: { id: string } }>(
      "teach.guide.$lesson.handout",
      teacher,
      "/teach/guide/what-is-an-llm/handout",
      { lesson: "what-is-an-llm" },
    );
    expect(view.summary.id).toBe("summary");
    expect(view.worksheet.id).toBe("worksheet");
    expect(view.diagram.length).toBeGreaterThanOrEqual(2);
  });

  it("list every lesson of the course on the mapping page, in course order", async () => {
    const view = await load<{ rows: { slug: string; frameworks: { bigIdeas: number[]; csta: string[]; china2025: string[] } }[] }>(
      "teach.frameworks",
      teacher,
      "/teach/frameworks",
    );
    const course = getCourse();
    expect(view.rows.map((r) => r.slug)).toEqual(course.lessons.map((l) => l.slug));
    for (const [i, row] of view.rows.entries()) {
      expect(row.frameworks.bigIdeas[0]).toBe(course.lessons[i]?.bigIdea);
      expect(row.frameworks.csta.length).toBeGreaterThan(0);
      expect(row.frameworks.china2025.length).toBeGreaterThan(0);
    }
  });

  it("serve the teaching plan with the 8- and 4-hour courses", async () => {
    const view = await load<{ plan: { sections: { id: string }[] } }>("teach.guide._index", teacher, "/teach/guide");
    expect(view.plan.sections.map((s) => s.id)).toEqual(["eight-hours", "four-hours", "playground", "homework"]);
  });
});
