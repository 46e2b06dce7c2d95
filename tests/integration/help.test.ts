/**
 * /help (decision 032): teachers and admins only — a student gets 404, a visitor the sign-in page —
 * and the admin's sections (models, the school's settings) for admins only, in the reader's language.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/help";
import { HELP_SECTIONS, ADMIN_HELP_SECTIONS } from "../../app/guides/types";
import type { SessionUser } from "../../app/utils/session.server";
import { makeSchool, makeUser, requestAs } from "../factories";

type View = Awaited<ReturnType<typeof loader>>;

let admin: SessionUser;
let teacher: SessionUser;
let student: SessionUser;

beforeAll(async () => {
  const made = await makeSchool();
  admin = made.admin;
  teacher = await makeUser(made.school.id, "teacher");
  student = await makeUser(made.school.id, "student");
});

async function open(user: SessionUser | null, path = "/help", headers: Record<string, string> = {}): Promise<View | Response> {
  try {
    return await loader({ request: await requestAs(user, path, { headers }), params: {}, context: {} } as Parameters<typeof loader>[0]);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const ids = (v: View | Response) => {
  if (v instanceof Response) throw new Error(`expected the page, got ${v.status}`);
  return { sections: v.sections.map((s) => s.id), admin: v.adminSections.map((s) => s.id), v };
};

const teacherSections = HELP_SECTIONS.filter((id) => !ADMIN_HELP_SECTIONS.includes(id));

describe("/help", () => {
  it("is a 404 for a student", async () => {
    const answer = await open(student);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(404);
  });

  it("sends a visitor to sign in, and back to /help after", async () => {
    const answer = (await open(null)) as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe(`/signin?next=${encodeURIComponent("/help")}`);
  });

  it("gives a teacher every teacher's section, and none of the admin's", async () => {
    const { sections, admin: adminPart, v } = ids(await open(teacher));
    expect(sections).toEqual(teacherSections);
    expect(adminPart).toEqual([]);
    expect(v.pageTitle).toBe("Help — Lantern");
    expect(JSON.stringify(v)).not.toContain("/admin/models");
  });

  it("gives the admin the admin's sections too", async () => {
    const { sections, admin: adminPart } = ids(await open(admin));
    expect(sections).toEqual(teacherSections);
    expect(adminPart).toEqual(ADMIN_HELP_SECTIONS);
  });

  it("answers in the reader's language, 繁體 derived from 简体", async () => {
    const hans = ids(await open(teacher, "/help?lang=zh-Hans")).v;
    expect(hans.pageTitle).toBe("帮助 — Lantern");
    expect(hans.sections[0]!.title).toBe("学生怎样登录");
    const hant = ids(await open(teacher, "/help?lang=zh-Hant")).v;
    expect(hant.sections[0]!.title).toBe("學生怎樣登入");
    // converter exceptions this page needed (app/i18n/hant.ts): 只给 is not 隻給, 写明了 not 寫明瞭
    const text = JSON.stringify(hant);
    expect(text).toContain("只給你選的學生");
    expect(text).not.toMatch(/隻給|寫明瞭|程式碼/);
  });
});
