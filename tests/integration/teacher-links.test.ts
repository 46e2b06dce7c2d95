/**
 * Getting students in (issue 15): sign-in cards and join links carry the school's public address
 * and a QR code of it; the address is a setting (the first admin's origin by default), and a
 * Host header the visitor forged never reaches a card, a join link or an invitation. Rosters
 * without surprises: repeated names need a confirm step, Chinese names give pinyin usernames,
 * the sign-in page fills in a username from the card's link.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as signupAction } from "../../app/routes/signup";
import { action as rosterAction } from "../../app/routes/teach.classes.$classId.roster";
import { loader as frameLoader } from "../../app/routes/teach.classes.$classId";
import { loader as displayLoader } from "../../app/routes/teach.classes.$classId_.display";
import { action as teachersAction } from "../../app/routes/admin.teachers";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/admin.settings";
import { loader as signinLoader } from "../../app/routes/signin";
import { loader as quizLoader } from "../../app/routes/teach.classes.$classId.quiz";
import { getSchoolSettings, updateSchoolSettings } from "../../app/models/schools.server";
import { enrollments, schools, users } from "../../db/schema";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/auth.server";
import { cookieFor, makeClass, makeSchool, makeStudentIn, makeUser } from "../factories";
import { decodeQrSvg } from "../setup/qr";
import { MINI_MODEL_ID } from "../../app/models/defaults.server";

const ctx = { nonce: "n", clientAddress: "10.0.0.9" };
const PUBLIC = "https://lantern.school.example";
const EVIL = "evil.example";

/** A request as a browser would send it through a server that trusts the Host header it gets. */
async function forged(user: SessionUser | null, path: string, form?: Record<string, string>): Promise<Request> {
  const headers = new Headers({ Host: EVIL, "X-Forwarded-Host": EVIL, "X-Forwarded-Proto": "http" });
  if (user) headers.set("Cookie", await cookieFor(user));
  if (!form) return new Request(`http://${EVIL}${path}`, { headers });
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://${EVIL}${path}`, { method: "POST", headers, body: new URLSearchParams(form) });
}

type Card = { id: string; username: string; displayName: string; password: string; signInUrl: string; site: string; qr: string };
type RosterResult = { data: { cards: Card[]; notice: string | null; repeated?: { inClass: string[]; inList: string[]; names: string }; errors: Record<string, string> } };

async function postRoster(teacher: SessionUser, classId: string, form: Record<string, string>) {
  const request = await forged(teacher, `/teach/classes/${classId}/roster`, form);
  return ((await rosterAction({ request, params: { classId }, context: ctx })) as unknown as RosterResult).data;
}

async function schoolWithAddress(address = PUBLIC) {
  const made = await makeSchool();
  await updateSchoolSettings(made.admin, { publicUrl: address });
  const teacher = await makeUser(made.school.id, "teacher");
  const cls = await makeClass(teacher);
  return { ...made, teacher, cls };
}

describe("the school's public address", () => {
  // first in this file: the database starts empty, so this sign-up makes the server's first school
  it("starts as the origin the first admin signed up at", async () => {
    const request = new Request("http://lantern.local:8080/signup", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ schoolName: "Hill School", displayName: "Ms Hill", email: "hill@example.org", password: "a long and unusual passphrase" }),
    });
    const res = (await signupAction({ request, params: {}, context: ctx })) as Response;
    expect(res.status).toBe(302);
    const [school] = await db().select().from(schools).where(eq(schools.name, "Hill School"));
    expect(school!.settings.publicUrl).toBe("http://lantern.local:8080");
  });

  it("is shown and editable in the admin's settings; a bad address is refused and nothing changes", async () => {
    const { admin } = await makeSchool();
    await updateSchoolSettings(admin, { publicUrl: "http://old.example" });
    const shown = await settingsLoader({ request: await forged(admin, "/admin/settings"), params: {}, context: ctx });
    expect(shown.publicUrl).toBe("http://old.example");
    const base = { name: "Renamed", transcriptRetentionDays: "30", defaultModels: MINI_MODEL_ID, defaultStudentDailyTokens: "1000", defaultClassDailyTokens: "10000" };
    for (const bad of ["javascript:alert(1)", "lantern.example", "ftp://files.example"]) {
      const result = (await settingsAction({ request: await forged(admin, "/admin/settings", { ...base, publicUrl: bad }), params: {}, context: ctx })) as unknown as {
        data: { errors: Record<string, string> };
      };
      expect(result.data.errors.publicUrl, bad).toBe("admin.settings.publicUrlInvalid");
    }
    expect((await getSchoolSettings(admin)).publicUrl).toBe("http://old.example");
    const saved = (await settingsAction({ request: await forged(admin, "/admin/settings", { ...base, publicUrl: "https://lantern.new.example/some/page" }), params: {}, context: ctx })) as unknown as {
      data: { saved: boolean };
    };
    expect(saved.data.saved).toBe(true);
    expect((await getSchoolSettings(admin)).publicUrl).toBe("https://lantern.new.example");
  });
});

describe("sign-in cards", () => {
  it("carry the public address and a QR code of the sign-in page with the username — never the forged Host", async () => {
    const { teacher, cls } = await schoolWithAddress();
    const long = "Maximilian Alexander Wolfeschlegelsteinhausen";
    const result = await postRoster(teacher, cls.id, { intent: "add", names: `Ada Lovelace\n${long}` });
    expect(result.cards).toHaveLength(2);
    for (const card of result.cards) {
      expect(card.site).toBe(PUBLIC);
      expect(card.signInUrl).toBe(`${PUBLIC}/signin?username=${card.username}`);
      // decoded from the SVG by an independent QR reader
      expect(decodeQrSvg(card.qr)).toBe(`${PUBLIC}/signin?username=${card.username}`);
      expect(decodeQrSvg(card.qr)).not.toContain(card.password);
    }
    expect(JSON.stringify(result)).not.toContain(EVIL);
  });

  it("are made again with the address and QR code for a new password", async () => {
    const { teacher, cls } = await schoolWithAddress();
    const student = await makeStudentIn(cls.id);
    const result = await postRoster(teacher, cls.id, { intent: "reset", studentId: student.id });
    expect(decodeQrSvg(result.cards[0]!.qr)).toBe(`${PUBLIC}/signin?username=${student.username}`);
    expect(JSON.stringify(result)).not.toContain(EVIL);
  });
});

describe("join links and invitations", () => {
  it("the class page's join link and the display view use the public address", async () => {
    const { teacher, cls } = await schoolWithAddress();
    const frame = await frameLoader({ request: await forged(teacher, `/teach/classes/${cls.id}`), params: { classId: cls.id }, context: ctx });
    expect(frame.cls.joinLink).toBe(`${PUBLIC}/join/${cls.joinCode}`);
    const display = await displayLoader({ request: await forged(teacher, `/teach/classes/${cls.id}/display`), params: { classId: cls.id }, context: ctx });
    expect(display.join?.link).toBe(`${PUBLIC}/join/${cls.joinCode}`);
    expect(display.join?.code).toBe(cls.joinCode);
    expect(decodeQrSvg(display.join!.qr)).toBe(`${PUBLIC}/join/${cls.joinCode}`);
    expect(JSON.stringify([frame, display])).not.toContain(EVIL);
  });

  it("a teacher invitation link uses the public address", async () => {
    const { admin } = await schoolWithAddress();
    const result = (await teachersAction({ request: await forged(admin, "/admin/teachers", { intent: "invite", note: "Mr Li" }), params: {}, context: ctx })) as unknown as {
      data: { link: string };
    };
    expect(result.data.link).toMatch(new RegExp(`^${PUBLIC.replace(/\./g, "\\.")}/signup\\?invite=[\\w-]+`));
    expect(result.data.link).not.toContain(EVIL);
  });
});

describe("adding students whose name is already in the class", () => {
  it("asks first, writes nothing, and adds them all once the teacher confirms", async () => {
    const { teacher, cls } = await schoolWithAddress();
    await postRoster(teacher, cls.id, { intent: "add", names: "Ada Lovelace" });
    const count = async () => (await db().select().from(enrollments).where(eq(enrollments.classId, cls.id))).length;

    const asked = await postRoster(teacher, cls.id, { intent: "add", names: "ada  lovelace\nGrace Hopper\nAlan Turing\nAlan Turing" });
    expect(asked.repeated).toEqual({ inClass: ["ada lovelace"], inList: ["Alan Turing"], names: "ada  lovelace\nGrace Hopper\nAlan Turing\nAlan Turing" });
    expect(asked.cards).toEqual([]);
    expect(await count()).toBe(1);

    const added = await postRoster(teacher, cls.id, { intent: "add", names: asked.repeated!.names, allowRepeats: "yes" });
    expect(added.cards).toHaveLength(4);
    expect(await count()).toBe(5);
    const usernames = new Set(added.cards.map((c) => c.username));
    expect(usernames.size).toBe(4);
  });

  it("names that are new add straight away", async () => {
    const { teacher, cls } = await schoolWithAddress();
    const added = await postRoster(teacher, cls.id, { intent: "add", names: "Grace Hopper" });
    expect(added.repeated).toBeUndefined();
    expect(added.cards).toHaveLength(1);
  });
});

describe("usernames for Chinese names", () => {
  it("are readable pinyin, with a number when taken", async () => {
    const { teacher, cls } = await schoolWithAddress();
    const first = await postRoster(teacher, cls.id, { intent: "add", names: "陈静\n吕小龙\n欧阳娜娜" });
    expect(first.cards.map((c) => c.username)).toEqual(["chenjing", "lvxiaolong", "ouyangnana"]);
    const again = await postRoster(teacher, cls.id, { intent: "add", names: "陈静", allowRepeats: "yes" });
    expect(again.cards[0]!.username).toBe("chenjing2");
    const rows = await db().select({ displayName: users.displayName }).from(users).where(eq(users.username, "chenjing2"));
    expect(rows[0]!.displayName).toBe("陈静");
  });
});

describe("the sign-in page", () => {
  it("fills in the username from the card's link, and nothing else", async () => {
    const load = async (query: string) => signinLoader({ request: new Request(`http://localhost/signin${query}`), params: {}, context: ctx });
    expect((await load("?username=Chen.Jing")).username).toBe("chen.jing");
    expect((await load("?username=%3Cscript%3E")).username).toBe("");
    expect((await load("?username=ada&password=secret")) as object).not.toHaveProperty("password");
    expect(JSON.stringify(await load("?username=ada&password=secret"))).not.toContain("secret");
  });
});

describe("two students of one name", () => {
  it("quiz insight knows the class's shared names, even when only one of the two answered", async () => {
    const { teacher, cls } = await schoolWithAddress();
    await postRoster(teacher, cls.id, { intent: "add", names: "Ada\nAda\nGrace", allowRepeats: "yes" });
    const page = await quizLoader({ request: await forged(teacher, `/teach/classes/${cls.id}/quiz`), params: { classId: cls.id }, context: ctx });
    expect(page.sharedNames).toEqual(["ada"]);
  });
});
