/**
 * An outside privacy pass (2026-12-07): what the server's log says when a write fails, what a
 * deleted student leaves behind, and how the SMTP password is kept. Real PostgreSQL, the real
 * Anthropic SDK against the fake API, a real SMTP server that checks the password.
 */
import { sql } from "drizzle-orm";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleError } from "../../app/entry.server";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import { action as rosterAction } from "../../app/routes/teach.classes.$classId.roster";
import { action as adminClassAction } from "../../app/routes/admin.classes.$classId";
import { action as signinAction } from "../../app/routes/signin";
import { action as adminSettingsAction, loader as adminSettingsLoader } from "../../app/routes/admin.settings";
import { createEventParser, type StreamEvent } from "../../app/playground/chat-events";
import { getSafeguardingSettings } from "../../app/models/safeguarding.server";
import { removeDemoData } from "../../app/models/demo-data.server";
import { seal } from "../../app/utils/secret-box.server";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { runHousekeeping } from "../../server/housekeeping";
import { requestLog } from "../../server/request-guards";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";
import { withFakeClaude } from "../setup/fake-claude";
import { refuseWrites } from "../setup/refuse-writes";

const CLAUDE = "claude-haiku-5-5";
const fake = withFakeClaude([CLAUDE]);

async function stream(user: SessionUser, prompt: string, model: string) {
  const request = await requestAs(user, "/api/playground/stream", { form: { prompt, model } });
  const response = (await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
  const events: StreamEvent[] = [];
  createEventParser((e) => events.push(e))(await response.text());
  return { response, events };
}

/** Everything console.error and console.warn print while `work` runs. */
async function errorLog(work: () => Promise<unknown>): Promise<string> {
  const printed: string[] = [];
  const capture = (...args: unknown[]) => void printed.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(" "));
  const spies = [vi.spyOn(console, "error").mockImplementation(capture), vi.spyOn(console, "warn").mockImplementation(capture)];
  try {
    await work();
    // the alert and the log of a failed write may come a moment after the answer
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return printed.join("\n");
}

describe("the log", () => {
  it("writes no join code, however the join page's address is spelt", () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    // every one of these is the join page (Remix matches routes case-insensitively, after decoding)
    for (const path of ["/JOIN/K7M2QP", "/Join/K7M2QP/", "/%6Aoin/K7M2QP", "/./join/K7M2QP", "/learn/../join/K7M2QP", "/join%2FK7M2QP"]) {
      let finish = () => {};
      requestLog({ method: "GET", path } as never, { statusCode: 200, on: (_: string, f: () => void) => (finish = f) } as never, () => {});
      finish();
    }
    let finish = () => {};
    requestLog({ method: "GET", path: "/join" } as never, { statusCode: 200, on: (_: string, f: () => void) => (finish = f) } as never, () => {});
    finish();
    spy.mockRestore();
    expect(printed.join("\n")).not.toContain("K7M2QP");
    expect(printed.slice(0, 6).every((line) => line.startsWith("GET /join/… 200 "))).toBe(true);
    expect(printed[6]).toMatch(/^GET \/join 200 /);
  });

  it("holds no words of a prompt the database failed to store", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const student = await makeStudentIn(cls.id);
    const undo = await refuseWrites("playground_messages", "insert", `new.user_id = '${student.id}'`);
    let sent: StreamEvent[] = [];
    let blocked: StreamEvent[] = [];
    let status = 0;
    const log = await errorLog(async () => {
      try {
        ({ events: sent } = await stream(student, "Ada Lovelace wrote the first program PROMPTWORDS", "mini"));
        // a blocked prompt (a phone number) whose record fails: still told why, never a 500
        const answer = await stream(student, "my friend Bo Chen BLOCKEDWORDS has the number 07700 900123", "mini");
        ({ events: blocked } = answer);
        status = answer.response.status;
      } finally {
        await undo();
      }
    });
    expect(sent.at(-1)).toMatchObject({ type: "error", code: "server" });
    expect(status).toBe(422);
    expect(blocked).toEqual([expect.objectContaining({ type: "error", code: "blocked" })]);
    expect(log).toMatch(/could not store a prompt/);
    expect(log).toMatch(/could not store a blocked prompt/);
    for (const words of ["PROMPTWORDS", "Ada Lovelace", "BLOCKEDWORDS", "Bo Chen", student.id]) expect(log).not.toContain(words);
  });

  it("a crisis message the database fails to store still gets the support card, and the log says no alert was raised", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const student = await makeStudentIn(cls.id);
    const undo = await refuseWrites("playground_messages", "insert", `new.user_id = '${student.id}'`);
    let events: StreamEvent[] = [];
    let status = 0;
    const log = await errorLog(async () => {
      try {
        const answer = await stream(student, "CRISISWORDS i want to kill myself", "mini");
        ({ events } = answer);
        status = answer.response.status;
      } finally {
        await undo();
      }
    });
    expect(status).toBe(200);
    expect(events.map((e) => e.type)).toEqual(["start", "support", "done"]);
    expect(events[1]).toMatchObject({ type: "support", held: true });
    expect(log).toMatch(/could not store a message held for the support card/);
    expect(log).toMatch(/crisis message \(suicide\) could not be stored: no alert was raised/);
    for (const words of ["CRISISWORDS", "kill myself", student.id]) expect(log).not.toContain(words);
  });

  it("holds neither a failed query's parameters nor a join code when a page fails", async () => {
    let failure: unknown;
    try {
      await db().execute(sql`select 1 where ${"Mia Wong wrote PARAMWORDS"}::text is not null and 1 / 0 = 1`);
    } catch (error) {
      failure = error;
    }
    expect(String((failure as Error).message)).toContain("PARAMWORDS"); // drizzle puts them in the message
    const log = await errorLog(async () => handleError(failure, { request: new Request("http://localhost/JOIN/K7M2QP", { method: "POST" }) }));
    expect(log).toMatch(/^error POST \/join\/…: .*division by zero/);
    expect(log).toMatch(/\n\s+at /); // where it failed is still there to debug
    for (const words of ["PARAMWORDS", "Mia Wong", "K7M2QP"]) expect(log).not.toContain(words);
  });
});

/** Rows anywhere outside the cascade from users that still name the account. */
async function tracesOf(student: SessionUser) {
  const [row] = await db().execute<{ ledger: number; throttles: number }>(sql`
    select (select count(*)::int from token_ledger where scope_id = ${student.id}::uuid) as ledger,
           (select count(*)::int from throttles where account = ${student.username.toLowerCase()} or key ilike ${`%${student.username}%`}) as throttles`);
  return row!;
}

/** A student who used Claude (a token count) and mistyped their password once (throttle rows with their username and address). */
async function activeStudent(classId: string) {
  const student = await makeStudentIn(classId);
  fake().script({ kind: "reply", text: "Tokens are pieces of text." });
  expect((await stream(student, "What is a token?", CLAUDE)).events.at(-1)).toMatchObject({ type: "done" });
  await signinAction({
    request: await requestAs(null, "/signin", { form: { login: student.username, password: "wrong-password" } }),
    params: {},
    context: { nonce: "n", clientAddress: "10.20.30.40" },
  } as unknown as ActionFunctionArgs);
  expect(await tracesOf(student)).toEqual({ ledger: 1, throttles: 2 });
  return student;
}

describe("a deleted student", () => {
  it("leaves no token count or throttle row behind, deleted by their teacher", async () => {
    const { school } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher");
    const cls = await makeClass(teacher);
    const student = await activeStudent(cls.id);
    const request = await requestAs(teacher, `/teach/classes/${cls.id}/roster`, { form: { intent: "delete", studentId: student.id, confirm: "yes" } });
    expect(await rosterAction({ request, params: { classId: cls.id }, context: { nonce: "n", clientAddress: "127.0.0.1" } } as ActionFunctionArgs)).toMatchObject({ data: { notice: "deleted" } });
    expect(await tracesOf(student)).toEqual({ ledger: 0, throttles: 0 });
  });

  it("leaves no token count or throttle row behind, deleted by the admin or with the demo data", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const student = await activeStudent(cls.id);
    const request = await requestAs(admin, `/admin/classes/${cls.id}`, { form: { intent: "delete", studentId: student.id, confirm: "yes" } });
    expect(await adminClassAction({ request, params: { classId: cls.id }, context: { nonce: "n", clientAddress: "127.0.0.1" } } as ActionFunctionArgs)).toMatchObject({ data: { notice: "deleted" } });
    expect(await tracesOf(student)).toEqual({ ledger: 0, throttles: 0 });

    const demoClass = await makeClass(admin);
    const demoStudent = await activeStudent(demoClass.id);
    await db().execute(sql`
      update schools set settings = settings || jsonb_build_object('demo', jsonb_build_object('classIds', jsonb_build_array(${demoClass.id}::text), 'studentIds', jsonb_build_array(${demoStudent.id}::text)))
       where id = ${admin.schoolId}`);
    expect(await removeDemoData(admin)).toEqual({ students: 1, classes: 1 });
    expect(await tracesOf(demoStudent)).toEqual({ ledger: 0, throttles: 0 });
  });

  it("token counts older than a month go with the daily purge", async () => {
    const { admin } = await makeSchool();
    const cls = await makeClass(admin);
    const student = await makeStudentIn(cls.id);
    await db().execute(sql`
      insert into token_ledger (scope, scope_id, day, used) values
        ('student', ${student.id}, current_date - 40, 300), ('class', ${cls.id}, current_date - 40, 300),
        ('student', ${student.id}, current_date - 3, 200)`);
    const lines: string[] = [];
    await runHousekeeping((line) => lines.push(line));
    const left = await db().execute<{ scope: string; age: number }>(sql`
      select scope::text, (current_date - day)::int as age from token_ledger where scope_id in (${student.id}::uuid, ${cls.id}::uuid)`);
    expect([...left]).toEqual([{ scope: "student", age: 3 }]);
    expect(lines.join("\n")).toMatch(/2 old token counts/);
  });
});

describe("the SMTP password", () => {
  let smtp: SMTPServer;
  let port = 0;
  const logins: { user: string; password: string }[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      onAuth(auth, _session, callback) {
        logins.push({ user: auth.username ?? "", password: auth.password ?? "" });
        if (auth.username === "mailer" && auth.password === "SMTP-pass-9f3k") callback(null, { user: auth.username });
        else callback(new Error("Invalid username or password"));
      },
      onData(stream, _session, callback) {
        stream.on("data", () => {});
        stream.on("end", () => callback());
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
    port = (smtp.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  const form = (password: string) => ({
    intent: "safeguarding",
    leadName: "Ms Park",
    leadEmail: "lead@school.example",
    emailAlerts: "on",
    smtpHost: "127.0.0.1",
    smtpPort: String(port),
    smtpSecurity: "none",
    smtpUser: "mailer",
    smtpPassword: password,
    smtpFrom: "lantern@school.example",
  });
  const settingsAction = async (admin: SessionUser, fields: Record<string, string>) =>
    adminSettingsAction({ request: await requestAs(admin, "/admin/settings", { form: fields }), params: {}, context: {} } as ActionFunctionArgs);
  const storedSettings = async (admin: SessionUser) =>
    (await db().execute<{ settings: string }>(sql`select settings::text as settings from schools where id = ${admin.schoolId}`))[0]!.settings;

  it("is sealed in the database, and still signs in to the mail server", async () => {
    const { admin } = await makeSchool();
    expect(await settingsAction(admin, form("SMTP-pass-9f3k"))).toMatchObject({ data: { saved: true } });
    // a dump or a backup of the database alone reveals no secret (README, LANTERN_SECRET_KEY)
    expect(await storedSettings(admin)).not.toContain("SMTP-pass-9f3k");
    expect(await settingsAction(admin, form(""))).toMatchObject({ data: { saved: true } }); // an empty field keeps it
    expect(await storedSettings(admin)).not.toContain("SMTP-pass-9f3k");
    logins.length = 0;
    expect(await settingsAction(admin, { intent: "test-mail" })).toMatchObject({ data: { testMail: { ok: true, to: "lead@school.example" } } });
    expect(logins).toEqual([{ user: "mailer", password: "SMTP-pass-9f3k" }]);
  });

  it("saved in plain text before, still works and is sealed when the settings are next saved", async () => {
    const { admin } = await makeSchool();
    await settingsAction(admin, form("SMTP-pass-9f3k"));
    const current = await getSafeguardingSettings(admin);
    await db().execute(sql`
      update schools set settings = jsonb_set(settings, '{safeguarding,smtp,password}', to_jsonb(${"SMTP-pass-9f3k"}::text)) where id = ${admin.schoolId}`);
    expect(current.smtp?.password).not.toBe("SMTP-pass-9f3k");
    logins.length = 0;
    expect(await settingsAction(admin, { intent: "test-mail" })).toMatchObject({ data: { testMail: { ok: true } } });
    expect(logins.at(-1)).toEqual({ user: "mailer", password: "SMTP-pass-9f3k" });
    await settingsAction(admin, form(""));
    expect(await storedSettings(admin)).not.toContain("SMTP-pass-9f3k");
    expect(await settingsAction(admin, { intent: "test-mail" })).toMatchObject({ data: { testMail: { ok: true } } });
  });

  it("the settings page carries no secret of the school sign-in either", async () => {
    const { admin } = await makeSchool();
    const sealed = seal("oidc-client-secret", "sso-client-secret");
    await db().execute(sql`
      update schools set settings = settings || jsonb_build_object('sso', jsonb_build_object('enabled', false, 'clientSecretSealed', ${sealed}::text,
        'adminLinks', jsonb_build_array(jsonb_build_object('email', 'head@school.example', 'userId', ${admin.id}::text))))
       where id = ${admin.schoolId}`);
    const page = await adminSettingsLoader({ request: await requestAs(admin, "/admin/settings"), params: {}, context: {} } as LoaderFunctionArgs);
    expect(JSON.stringify(page)).not.toContain(sealed);
    expect(JSON.stringify(page)).not.toContain("head@school.example");
  });
});
