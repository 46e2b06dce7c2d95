/**
 * Model connections end to end: the real admin route, the real playground routes, the real
 * @anthropic-ai/sdk against two fake Anthropic APIs (A: the environment's Claude; B: a school's
 * local server with its own key), real PostgreSQL. The fakes' request logs prove who was called.
 */
import net from "node:net";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { action as modelsAction, loader as modelsLoader } from "../../app/routes/admin.models";
import { loader as approvedCsvLoader } from "../../app/routes/admin.models.approved[.csv]";
import { action as streamAction } from "../../app/routes/api.playground.stream";
import { action as classPolicyAction, loader as classPolicyLoader } from "../../app/routes/teach.classes.$classId.playground";
import { loader as playgroundLoader } from "../../app/routes/playground";
import { loader as studentPageLoader } from "../../app/routes/teach.classes.$classId.students.$studentId";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/admin.settings";
import { getSchoolSettings, readSchoolSettings } from "../../app/models/schools.server";
import { createEventParser, type StreamEvent } from "../../app/playground/chat-events";
import { configureProviders } from "../../app/playground/providers.server";
import { updatePlaygroundPolicy } from "../../app/models/classes.server";
import { createConnection, listConnections } from "../../app/models/model-connections.server";
import { configureModelAddresses } from "../../app/playground/outbound.server";
import { translator } from "../../app/i18n/catalogs.server";
import { db } from "../../app/utils/db.server";
import type { SessionUser } from "../../app/utils/session.server";
import { cookieFor, makeClass, makeSchool, makeStudentIn, requestAs } from "../factories";
import { startFakeAnthropic, type FakeAnthropic } from "../../scripts/harness/fake-anthropic";

const ENV_MODEL = "claude-haiku-4-5";
const B_KEY = "sk-school-b-secret-9f3k";
let a: FakeAnthropic;
let b: FakeAnthropic;
let school: Awaited<ReturnType<typeof makeSchool>>;

beforeAll(async () => {
  a = await startFakeAnthropic();
  b = await startFakeAnthropic({ apiKey: B_KEY, models: [{ id: "llama3.2:3b", display_name: "Llama 3.2 3B", created_at: "2025-01-01T00:00:00Z" }] });
  configureProviders({ claude: { apiKey: a.apiKey, baseURL: a.url, timeoutMs: 2000, maxRetries: 0 }, claudeModels: [ENV_MODEL] });
  school = await makeSchool();
});
afterEach(() => {
  a.reset();
  b.reset();
});
afterAll(async () => {
  configureProviders(null);
  await a.close();
  await b.close();
});

async function admin(form: Record<string, string>) {
  const request = await requestAs(school.admin, "/admin/models", { form });
  const res = (await modelsAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as unknown as { data: Record<string, unknown>; init: { status?: number } | null };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its own shape of the action's answer
  return { status: res.init?.status ?? 200, body: res.data as Record<string, any> };
}

async function addB(extra: Record<string, string> = {}) {
  const saved = await admin({
    intent: "save",
    name: "School lab server",
    kind: "local",
    baseUrl: b.url,
    apiKey: B_KEY,
    "model.0.id": "llama3.2:3b",
    "model.0.name": "Llama 3.2",
    "model.0.window": "8192",
    "model.0.approved": "on",
    ...extra,
  });
  expect(saved.body.saved).toBe(true);
  const [c] = (await listConnections(school.admin)).filter((x) => x.name === "School lab server").slice(-1);
  return c!;
}

async function send(user: SessionUser, model: string, prompt: string) {
  const request = new Request("http://localhost/api/playground/stream", {
    method: "POST",
    headers: { Cookie: await cookieFor(user), "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", "Accept-Language": "en" },
    body: new URLSearchParams({ model, prompt }),
  });
  const response = (await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response;
  const events: StreamEvent[] = [];
  createEventParser((e) => events.push(e))(await response.text());
  return { status: response.status, events, last: events.at(-1)! };
}

const posts = (f: FakeAnthropic) => f.requests.filter((r) => r.method === "POST" && r.path === "/v1/messages");

async function studentOf(models: string[]) {
  const cls = await makeClass(school.admin);
  await updatePlaygroundPolicy(school.admin, cls.id, { ...cls.playgroundPolicy, allowedModels: models, messagesPerMinute: 60 });
  return makeStudentIn(cls.id);
}

describe("model connections", () => {
  it("a class on connection B talks only to B, with B's key and B's own model id", async () => {
    const c = await addB();
    const modelId = `${c.id}/llama3.2:3b`;
    const student = await studentOf([modelId]);
    const { last, events } = await send(student, modelId, "What is a token?");
    expect(last.type).toBe("done");
    expect(events.some((e) => e.type === "text")).toBe(true);
    expect(posts(b)).toHaveLength(1);
    expect(posts(b)[0]!.body?.model).toBe("llama3.2:3b");
    expect(posts(a)).toHaveLength(0);
    // B accepts only its own key: the request got through, so the key was B's.
    expect(posts(b)[0]!.answer).not.toBe("rejected");
  });

  it("the key never appears in anything sent to a browser, and is sealed in the database", async () => {
    const c = await addB();
    const student = await studentOf([`${c.id}/llama3.2:3b`]);
    const page = await modelsLoader({ request: await requestAs(school.admin, "/admin/models"), params: {}, context: {} } as LoaderFunctionArgs);
    const html = JSON.stringify(page);
    expect(html).not.toContain(B_KEY);
    expect(html).toContain("9f3k"); // the last 4 characters only
    const studentPage = await playgroundLoader({ request: await requestAs(student, "/playground"), params: {}, context: {} } as LoaderFunctionArgs);
    expect(JSON.stringify(studentPage)).not.toContain(B_KEY);
    const rows = await db().execute(sql`select api_key_sealed from model_connections where id = ${c.id}`);
    expect(JSON.stringify(rows)).not.toContain(B_KEY);
    const tested = await admin({ intent: "test", id: c.id });
    expect(JSON.stringify(tested.body)).not.toContain(B_KEY);
  });

  it("the student's picker names the connection; a disabled connection's models disappear and are refused", async () => {
    const c = await addB();
    const modelId = `${c.id}/llama3.2:3b`;
    const student = await studentOf([modelId, "mini"]);
    const before = (await playgroundLoader({ request: await requestAs(student, "/playground"), params: {}, context: {} } as LoaderFunctionArgs)) as { models: { id: string; label: string; where: string }[] };
    expect(before.models.find((m) => m.id === modelId)).toMatchObject({ label: "Llama 3.2 — School lab server", where: "this school's own server" });
    expect(before.models.find((m) => m.id === "mini")?.where).toBe("only this server (offline)");
    await admin({ intent: "disable", id: c.id });
    const after = (await playgroundLoader({ request: await requestAs(student, "/playground"), params: {}, context: {} } as LoaderFunctionArgs)) as { models: { id: string }[] };
    expect(after.models.map((m) => m.id)).toEqual(["mini"]);
    const refused = await send(student, modelId, "hello");
    expect(refused.status).toBe(403);
    expect(posts(b)).toHaveLength(0);
  });

  it("a model not approved is refused by the stream route even when requested directly", async () => {
    const c = await addB({ "model.0.approved": "" });
    const modelId = `${c.id}/llama3.2:3b`;
    const student = await studentOf([modelId]);
    expect((await send(student, modelId, "hello")).status).toBe(403);
    expect(posts(b)).toHaveLength(0);
  });

  it("crisis and personal-data messages never reach a non-Claude connection", async () => {
    const c = await addB();
    const modelId = `${c.id}/llama3.2:3b`;
    const student = await studentOf([modelId]);
    const crisis = await send(student, modelId, "I want to kill myself");
    expect(crisis.events.some((e) => e.type === "support")).toBe(true);
    const personal = await send(student, modelId, "my phone number is 07700 900123 and email kid@lakeside.com");
    expect(personal.last.type).toBe("error");
    expect(posts(b)).toHaveLength(0);
    expect(posts(a)).toHaveLength(0);
  });

  it("test connection: OK with latency, wrong key, unknown model, unreachable", async () => {
    const c = await addB();
    const code = async () => (await admin({ intent: "test", id: c.id })).body.test.results.map((r: { code: string }) => r.code);
    const ok = await admin({ intent: "test", id: c.id });
    expect(ok.body.test.results).toEqual([{ code: "ok", latencyMs: expect.any(Number), model: "llama3.2:3b" }]);
    await admin({ intent: "save", id: c.id, name: c.name, kind: "local", baseUrl: b.url, apiKey: "wrong-key", "model.0.id": "llama3.2:3b", "model.0.window": "8192" });
    expect(await code()).toEqual(["auth"]);
    await admin({ intent: "save", id: c.id, name: c.name, kind: "local", baseUrl: b.url, apiKey: B_KEY, "model.0.id": "no-such-model", "model.0.window": "8192" });
    expect(await code()).toEqual(["model_not_found"]);
    // (a new address: the saved key is not sent there, so it is removed or typed again)
    await admin({ intent: "save", id: c.id, name: c.name, kind: "local", baseUrl: "http://127.0.0.1:9", removeKey: "on", "model.0.id": "llama3.2:3b", "model.0.window": "8192" });
    expect(await code()).toEqual(["connection"]);
  });

  it("test connection checks every approved model: a mistyped one is found before a class meets it", async () => {
    const c = await addB();
    const two = { intent: "save", id: c.id, name: c.name, kind: "local", baseUrl: b.url, apiKey: B_KEY, "model.0.id": "llama3.2:3b", "model.0.window": "8192", "model.0.approved": "on" };
    // found in a review: Test tried only the first approved model, so "qwen2.5:7" passed the test
    await admin({ ...two, "model.1.id": "qwen2.5:7", "model.1.window": "8192", "model.1.approved": "on", "model.2.id": "not-approved", "model.2.window": "8192" });
    b.reset();
    const tested = await admin({ intent: "test", id: c.id });
    expect(tested.body.test.results.map((r: { model: string; code: string }) => [r.model, r.code])).toEqual([
      ["llama3.2:3b", "ok"],
      ["qwen2.5:7", "model_not_found"],
    ]);
    // one request each, one after another; the unapproved model is not asked
    expect(b.requests.filter((r) => r.path === "/v1/messages").map((r) => r.body?.model)).toEqual(["llama3.2:3b", "qwen2.5:7"]);
    // a key refused: every model would meet it, so the test stops at the first and says so once
    await admin({ ...two, apiKey: "wrong-key", "model.1.id": "qwen2.5:7b", "model.1.window": "8192", "model.1.approved": "on" });
    expect((await admin({ intent: "test", id: c.id })).body.test.results.map((r: { code: string }) => r.code)).toEqual(["auth"]);
  });

  it("finds models through the Models API, and validates base URLs", async () => {
    const found = await admin({ intent: "discover", name: "Lab", kind: "local", baseUrl: b.url, apiKey: B_KEY });
    expect(found.body.discovered).toEqual({ ok: true, n: 1 });
    expect(found.body.draft.models.map((m: { id: string }) => m.id)).toEqual(["llama3.2:3b"]);
    // a school server's model starts with a window such servers run with, not Claude's 200,000
    expect(found.body.draft.models[0].contextWindow).toBe(8_192);
    expect(JSON.stringify(found.body)).not.toContain(B_KEY);
    const count = (await listConnections(school.admin)).length;
    expect((await admin({ intent: "save", name: "X", kind: "compatible", baseUrl: "http://example.test" })).body.errors).toEqual({ baseUrl: "models.url.https" });
    expect((await admin({ intent: "save", name: "X", kind: "local", baseUrl: "ftp://example.test" })).body.errors).toEqual({ baseUrl: "models.url.invalid" });
    expect((await listConnections(school.admin)).length).toBe(count);
  });

  it("a saved key goes only to the address it was saved for: a new address needs the key typed again", async () => {
    // found in an audit: "Find models" with another address sent the saved key there, unsaved
    const c = await addB();
    const elsewhere = await startFakeAnthropic({ apiKey: "anything" });
    try {
      const edited = { id: c.id, name: c.name, kind: "local", "model.0.id": "llama3.2:3b", "model.0.name": "Llama 3.2", "model.0.window": "8192", "model.0.approved": "on" };
      for (const intent of ["discover", "save"]) {
        const moved = await admin({ ...edited, intent, baseUrl: elsewhere.url });
        expect(moved.status).toBe(400);
        expect(moved.body.errors).toEqual({ apiKey: "models.keyForNewAddress" });
        expect(moved.body.draft).toMatchObject({ id: c.id, baseUrl: elsewhere.url });
      }
      expect(elsewhere.requests).toEqual([]);
      expect((await listConnections(school.admin)).find((x) => x.id === c.id)?.baseUrl).toBe(b.url);
      // the same address keeps the saved key; a new one with the key typed again is saved
      expect((await admin({ ...edited, intent: "discover", baseUrl: b.url })).body.discovered).toEqual({ ok: true, n: 1 });
      expect((await admin({ ...edited, intent: "save", baseUrl: elsewhere.url, apiKey: "anything" })).body.saved).toBe(true);
      expect((await listConnections(school.admin)).find((x) => x.id === c.id)).toMatchObject({ baseUrl: elsewhere.url, keyHint: "hing" });
    } finally {
      await elsewhere.close();
    }
  });

  it("the approved list is exportable: who approved which model, when; never a key", async () => {
    await addB();
    const res = (await approvedCsvLoader({ request: await requestAs(school.admin, "/admin/models/approved.csv"), params: {}, context: {} } as LoaderFunctionArgs)) as Response;
    const bytes = new Uint8Array(await res.arrayBuffer());
    // one byte-order mark, so Excel reads UTF-8 (text() would hide the first one)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...bytes.slice(3, 6)], "a second byte-order mark").not.toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
    expect(csv).toContain("Approved by");
    const line = csv.split("\n").find((l) => l.includes("llama3.2:3b") && l.includes(",yes,"))!;
    expect(line).toContain(school.admin.displayName);
    expect(line).toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(csv).not.toContain(B_KEY);
  });

  it("the environment's connection is shown read-only, without its key", async () => {
    const page = (await modelsLoader({ request: await requestAs(school.admin, "/admin/models"), params: {}, context: {} } as LoaderFunctionArgs)) as { env: { baseUrl: string; models: string[] } };
    expect(page.env).toEqual({ baseUrl: a.url, models: [ENV_MODEL] });
    expect(JSON.stringify(page)).not.toContain(a.apiKey);
  });

  // Found in a walk as a mainland school's admin: a local server saved with its model typed in
  // but not ticked said only 连接已保存, and its test said 连接正常; no class could choose it
  it("a connection saved with no model approved says that no class can choose it yet, and how", async () => {
    const unticked = await admin({ intent: "save", name: "Unticked", kind: "local", baseUrl: b.url, apiKey: B_KEY, "model.0.id": "llama3.2:3b", "model.0.name": "Llama 3.2", "model.0.window": "8192" });
    expect(unticked.body).toMatchObject({ saved: true, noneApproved: true });
    const ticked = await admin({ intent: "save", name: "Ticked", kind: "local", baseUrl: b.url, apiKey: B_KEY, "model.0.id": "llama3.2:3b", "model.0.name": "Llama 3.2", "model.0.window": "8192", "model.0.approved": "on" });
    expect(ticked.body.saved).toBe(true);
    expect(ticked.body.noneApproved).toBeFalsy();
  });

  // Found in a walk as a mainland teacher: a student's transcript was headed
  // "c6574927-95ce-…/qwen2.5:7b", where the student's own page said 通义千问 7B（本校） — 学校本地模型
  it("a transcript names the model as the playground does, not by the connection's id", async () => {
    const c = await addB();
    const modelId = `${c.id}/llama3.2:3b`;
    const cls = await makeClass(school.admin);
    await updatePlaygroundPolicy(school.admin, cls.id, { ...cls.playgroundPolicy, allowedModels: [modelId, "mini"], messagesPerMinute: 60 });
    const student = await makeStudentIn(cls.id);
    expect((await send(student, modelId, "What is a token?")).last.type).toBe("done");
    expect((await send(student, "mini", "What is a token?")).last.type).toBe("done");
    const page = await studentPageLoader({
      request: await requestAs(school.admin, `/teach/classes/${cls.id}/students/${student.id}?lang=en`),
      params: { classId: cls.id, studentId: student.id },
      context: {},
    } as never);
    expect(page.view.transcripts.map((x) => x.model).sort()).toEqual(["Llama 3.2 — School lab server", "Mini model (offline) — not Claude"]);
  });
});

describe("the teacher's class settings", () => {
  it("list approved models of enabled connections with the connection's name, and accept only those", async () => {
    const c = await addB();
    await admin({
      intent: "save",
      id: c.id,
      name: c.name,
      kind: "local",
      baseUrl: b.url,
      "model.0.id": "llama3.2:3b",
      "model.0.name": "Llama 3.2",
      "model.0.window": "8192",
      "model.0.approved": "on",
      "model.1.id": "llama3.1:70b",
      "model.1.window": "8192",
    });
    const cls = await makeClass(school.admin);
    const args = async (form?: Record<string, string | string[]>) =>
      ({ request: await requestAs(school.admin, `/teach/classes/${cls.id}/playground`, form ? { form } : {}), params: { classId: cls.id }, context: {} }) as unknown as ActionFunctionArgs;
    const page = (await classPolicyLoader(await args())) as { models: { id: string; label: string }[] };
    expect(page.models.find((m) => m.id === `${c.id}/llama3.2:3b`)?.label).toBe("Llama 3.2 — School lab server");
    expect(page.models.some((m) => m.id === `${c.id}/llama3.1:70b`)).toBe(false);
    const form = { enabled: "on", messagesPerMinute: "10", studentDailyTokens: "1000", classDailyTokens: "10000" };
    const refused = (await classPolicyAction(await args({ ...form, allowedModels: `${c.id}/llama3.1:70b` }))) as unknown as { init: { status: number } };
    expect(refused.init.status).toBe(400);
    const saved = (await classPolicyAction(await args({ ...form, allowedModels: [`${c.id}/llama3.2:3b`, "mini"] }))) as unknown as { data: { saved: boolean } };
    expect(saved.data.saved).toBe(true);
  });
});

// Found in a school admin's walk: the model the admin connected and approved was never offered to
// a new class, and the school's list for new classes showed Claude (no key on the server) but not it.
describe("the school's models for new classes", () => {
  it("a model approved now is offered to classes made from now on, and the school's list names it", async () => {
    const other = await makeSchool();
    const asAdmin = async (path: string, form?: Record<string, string | string[]>) =>
      ({ request: await requestAs(other.admin, path, form ? { form } : {}), params: {}, context: {} }) as unknown as ActionFunctionArgs;
    const connection = { name: "机房服务器", kind: "local", baseUrl: b.url, apiKey: B_KEY, "model.0.id": "llama3.2:3b", "model.0.name": "Llama 3.2", "model.0.window": "8192" };
    // saved without approval: nothing is offered
    const first = (await modelsAction(await asAdmin("/admin/models", { intent: "save", ...connection }))) as unknown as { data: { offeredToNewClasses: boolean } };
    expect(first.data.offeredToNewClasses).toBe(false);
    const c = (await listConnections(other.admin))[0]!;
    const modelId = `${c.id}/llama3.2:3b`;
    expect((await getSchoolSettings(other.admin)).defaultModels).not.toContain(modelId);
    const approved = (await modelsAction(await asAdmin("/admin/models", { intent: "save", id: c.id, ...connection, "model.0.approved": "on" }))) as unknown as {
      data: { offeredToNewClasses: boolean };
    };
    expect(approved.data.offeredToNewClasses).toBe(true);
    const cls = await makeClass(other.admin);
    expect(cls.playgroundPolicy.allowedModels).toContain(modelId);
    // the school's list: the approved model by name; Claude models this server cannot serve are
    // shown only while chosen, and marked
    configureProviders({ claudeModels: [ENV_MODEL] });
    try {
      const page = (await settingsLoader(await asAdmin("/admin/settings"))) as unknown as { models: { id: string; label: string; available: boolean }[] };
      expect(page.models.find((m) => m.id === modelId)).toEqual({ id: modelId, label: "Llama 3.2 — 机房服务器", available: true });
      for (const m of page.models.filter((x) => x.id.startsWith("claude"))) expect(m.available).toBe(false);
      // unticking Claude keeps it off for new classes
      const settings = await getSchoolSettings(other.admin);
      const saved = (await settingsAction(
        await asAdmin("/admin/settings", {
          name: "Other school",
          publicUrl: "http://lantern.school.example",
          transcriptRetentionDays: "30",
          defaultModels: ["mini", modelId],
          defaultStudentDailyTokens: String(settings.defaultStudentDailyTokens),
          defaultClassDailyTokens: String(settings.defaultClassDailyTokens),
        }),
      )) as unknown as { data: { saved: boolean; errors: Record<string, string> } };
      expect(saved.data.errors).toEqual({});
      expect((await makeClass(other.admin)).playgroundPolicy.allowedModels).toEqual(["mini", modelId]);
      // found in a review: a model id of 64 characters (Hugging Face names) made the form unsavable
      const long = "hf.co/lmstudio-community/Qwen2.5-Coder-14B-Instruct-GGUF:Q4_K_M1";
      await modelsAction(await asAdmin("/admin/models", { intent: "save", id: c.id, ...connection, "model.0.approved": "on", "model.1.id": long, "model.1.window": "8192", "model.1.approved": "on" }));
      const withLong = (await getSchoolSettings(other.admin)).defaultModels;
      expect(withLong).toContain(`${c.id}/${long}`);
      const savedAgain = (await settingsAction(
        await asAdmin("/admin/settings", {
          name: "Other school",
          publicUrl: "http://lantern.school.example",
          transcriptRetentionDays: "30",
          defaultModels: withLong,
          defaultStudentDailyTokens: String(settings.defaultStudentDailyTokens),
          defaultClassDailyTokens: String(settings.defaultClassDailyTokens),
        }),
      )) as unknown as { data: { saved: boolean; errors: Record<string, string> } };
      expect(savedAgain.data.errors).toEqual({});
    } finally {
      configureProviders({ claude: { apiKey: a.apiKey, baseURL: a.url, timeoutMs: 2000, maxRetries: 0 }, claudeModels: [ENV_MODEL] });
    }
  });
});

describe("two admins saving at once", () => {
  // Found in a review: the models page added an approved model to the school's defaults by reading
  // the settings and writing them back whole; the safeguarding form did the same. Saved at the same
  // moment, the later write put back the copy it had read, and the other admin's change was lost.
  it("a model approved while the safeguarding form is saved: both are kept", async () => {
    const other = await makeSchool();
    const asAdmin = async (path: string, form: Record<string, string>) =>
      ({ request: await requestAs(other.admin, path, { form }), params: {}, context: {} }) as unknown as ActionFunctionArgs;
    const connection = { intent: "save", name: "Lab", kind: "local", baseUrl: b.url, apiKey: B_KEY, "model.0.id": "llama3.2:3b", "model.0.window": "8192" };
    await modelsAction(await asAdmin("/admin/models", connection));
    const c = (await listConnections(other.admin))[0]!;

    // A third session holds the school's row, so both saves are under way before either writes.
    const holder = postgres(process.env.LANTERN_TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holding = holder.begin(async (tx) => {
        await tx`select id from schools where id = ${other.school.id} for update`;
        locked();
        await released;
      });
      await isLocked;
      const approving = modelsAction(await asAdmin("/admin/models", { ...connection, id: c.id, "model.0.approved": "on" }));
      const safeguarding = settingsAction(await asAdmin("/admin/settings", { intent: "safeguarding", helpContact: "Ms Lin, room 204", leadEmail: "lead@school.example" }));
      await new Promise((resolve) => setTimeout(resolve, 300)); // both reach the row
      release();
      await holding;
      await Promise.all([approving, safeguarding]);
    } finally {
      await holder.end({ timeout: 5 });
    }
    const settings = await readSchoolSettings(other.school.id);
    expect(settings.defaultModels).toContain(`${c.id}/llama3.2:3b`);
    expect(settings.safeguarding?.helpContact).toBe("Ms Lin, room 204");
  });
});

describe("a local server's quirks", () => {
  let local: FakeAnthropic;
  beforeAll(async () => {
    local = await startFakeAnthropic({
      models: [{ id: "qwen2.5:7b", display_name: "Qwen 2.5 7B", created_at: "2025-01-01T00:00:00Z" }],
      quirks: { noUsage: true, noMessageDelta: true, noModelsApi: true, anyKey: true },
    });
  });
  afterAll(() => local.close());

  async function addLocal() {
    await admin({ intent: "save", name: "Ollama", kind: "local", baseUrl: local.url, "model.0.id": "qwen2.5:7b", "model.0.window": "32768", "model.0.approved": "on" });
    return (await listConnections(school.admin)).find((c) => c.name === "Ollama")!;
  }

  it("no Models API: finding models says so, and models are entered by hand", async () => {
    const found = await admin({ intent: "discover", name: "Ollama", kind: "local", baseUrl: local.url, newModels: "qwen2.5:7b" });
    expect(found.body.discovered).toEqual({ ok: false, reached: true, code: "not_found", status: 404 });
    expect(found.body.draft.models.map((m: { id: string }) => m.id)).toEqual(["qwen2.5:7b"]);
  });

  // Found in a walk through the admin's pages: an address nothing listens on was reported as a
  // server "without a list of models (connection)", where Test says it cannot be reached.
  it("an address nothing answers on: finding models says it cannot be reached, as Test does", async () => {
    const found = await admin({ intent: "discover", name: "Ollama", kind: "local", baseUrl: "http://127.0.0.1:9", newModels: "qwen2.5:7b" });
    expect(found.body.discovered).toMatchObject({ ok: false, reached: false, code: "connection" });
  });

  it("streams without usage or message_delta; the budget is charged an estimate, never zero", async () => {
    const c = await addLocal();
    const modelId = `${c.id}/qwen2.5:7b`;
    const student = await studentOf([modelId]);
    const { last, events } = await send(student, modelId, "Tell me about tokens please");
    expect(last.type).toBe("done");
    expect(events.some((e) => e.type === "text")).toBe(true);
    const [row] = await db().execute<{ input_tokens: number; output_tokens: number; usage_estimated: boolean }>(
      sql`select input_tokens, output_tokens, usage_estimated from playground_messages where user_id = ${student.id} and role = 'assistant'`,
    );
    expect(row!.input_tokens).toBeGreaterThan(0);
    expect(row!.output_tokens).toBeGreaterThan(0);
    // stored as an estimate, so the reply still reads "about N tokens" after a reload
    expect(row!.usage_estimated).toBe(true);
  });

  it("a server that is off: the student is told, in their language, that the school's server cannot be reached", async () => {
    await admin({ intent: "save", name: "Off server", kind: "local", baseUrl: "http://127.0.0.1:9", "model.0.id": "qwen2.5:7b", "model.0.window": "32768", "model.0.approved": "on" });
    const c = (await listConnections(school.admin)).find((x) => x.name === "Off server")!;
    const modelId = `${c.id}/qwen2.5:7b`;
    const student = await studentOf([modelId]);
    const request = new Request("http://localhost/api/playground/stream", {
      method: "POST",
      headers: { Cookie: await cookieFor(student), "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", "Accept-Language": "zh-Hans" },
      body: new URLSearchParams({ model: modelId, prompt: "你好" }),
    });
    const events: StreamEvent[] = [];
    createEventParser((e) => events.push(e))(await ((await streamAction({ request, params: {}, context: {} } as ActionFunctionArgs)) as Response).text());
    expect(events.at(-1)).toMatchObject({ type: "error", code: "connection" });
    expect((events.at(-1) as { message: string }).message).toContain("练习场暂时连不上 Off server");
  });

  it("errors name the school's server, not Claude, in the student's language", async () => {
    const c = await addLocal();
    const modelId = `${c.id}/qwen2.5:7b`;
    const student = await studentOf([modelId]);
    local.script({ kind: "http_error", status: 404, message: "model 'qwen2.5:7b' not found" });
    const { last } = await send(student, modelId, "hello there");
    expect(last).toMatchObject({ type: "error", code: "not_found" });
    expect((last as { message: string }).message).toContain("Ollama");
    expect((last as { message: string }).message).not.toContain("Claude");
  });

  // Found in a school admin's walk: the school's server stopped mid-answer; the page, reloaded
  // after the stream, said "couldn't reach Claude" and "1 token out" under 60 tokens of reply.
  it("a reply cut off mid-way: the page still names the school's server, and counts what came", async () => {
    const c = await addB();
    const modelId = `${c.id}/llama3.2:3b`;
    const student = await studentOf([modelId]);
    const arrived = ["Tokens are small pieces of text ", "that a model reads and writes, ", "like parts of words. For example "];
    b.script({ kind: "reset", when: "mid_stream", afterChunks: arrived });
    const warnings: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
    const { last } = await send(student, modelId, "What is a token?").finally(() => warn.mockRestore());
    expect(last).toMatchObject({ type: "error", code: "connection", status: "incomplete" });
    // the server's log says which server failed and how, and nothing of who asked or what
    const logged = warnings.find((w) => w.includes("School lab server"));
    expect(logged).toMatch(/School lab server \(.*llama3\.2:3b\) failed: connection after \d+ ms, 3 text events/);
    expect(logged).not.toContain("What is a token");
    expect(logged).not.toContain(student.id);
    const conversationId = (last as { conversationId: string }).conversationId;
    const page = (await playgroundLoader({ request: await requestAs(student, `/playground?c=${conversationId}`, { headers: { "Accept-Language": "en" } }), params: {}, context: {} } as LoaderFunctionArgs)) as unknown as {
      current: { messages: { role: string; note: string | null; outputTokens: number; estimated: boolean }[] };
    };
    const reply = page.current.messages.find((m) => m.role === "assistant")!;
    expect(reply.note).toContain("School lab server");
    expect(reply.note).not.toContain("Claude");
    expect(reply.outputTokens).toBeGreaterThanOrEqual(Math.ceil(arrived.join("").length / 4));
    expect(reply.estimated).toBe(true);
  });
});

// Found in a review: on a district server shared by many schools (decision 015, 2026-12-07), any
// school's admin could point "Find models" or a connection at the cloud's metadata service, the
// district's network or the server's own loopback services and learn what answered there.
describe("the server's address policy (MODEL_CONNECTIONS_ALLOW)", () => {
  afterEach(() => {
    configureModelAddresses(null);
    vi.restoreAllMocks();
  });

  const count = async () => Number((await db().execute<{ n: string }>(sql`select count(*) as n from model_connections`))[0]!.n);
  const lab = (baseUrl: string) => ({ name: "Lab", kind: "local", baseUrl, apiKey: B_KEY, "model.0.id": "llama3.2:3b", "model.0.window": "8192", "model.0.approved": "on" });

  it("by default the school's own server on this machine (127.0.0.1) works: found, saved, tested, used", async () => {
    expect((await admin({ intent: "discover", ...lab(b.url) })).body.discovered).toEqual({ ok: true, n: 1 });
    const c = await addB();
    expect((await admin({ intent: "test", id: c.id })).body.test.results.map((r: { code: string }) => r.code)).toEqual(["ok"]);
    const modelId = `${c.id}/llama3.2:3b`;
    expect((await send(await studentOf([modelId]), modelId, "What is a token?")).last.type).toBe("done");
  });

  it("public: finding models at 127.0.0.1 or saving it is refused with the message, nothing is sent or written", async () => {
    configureModelAddresses("public");
    const before = await count();
    for (const intent of ["discover", "save"]) {
      for (const baseUrl of [b.url, b.url.replace("127.0.0.1", "0x7f.1"), b.url.replace("127.0.0.1", "2130706433"), b.url.replace("127.0.0.1", "[::ffff:127.0.0.1]")]) {
        const refused = await admin({ intent, ...lab(baseUrl) });
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual({ baseUrl: "models.url.refused" });
        // the form comes back as typed, to correct
        expect(refused.body.draft).toMatchObject({ id: null, name: "Lab", models: [{ id: "llama3.2:3b" }] });
        expect(JSON.stringify(refused.body)).not.toContain(B_KEY);
      }
    }
    expect(b.requests).toEqual([]);
    expect(await count()).toBe(before);
    // an existing connection moved to a refused address keeps its saved address
    configureModelAddresses(null);
    const c = await addB();
    configureModelAddresses("public");
    const moved = await admin({ intent: "save", id: c.id, ...lab(`http://127.0.0.1:9`) });
    expect(moved.body.errors).toEqual({ baseUrl: "models.url.refused" });
    expect((await listConnections(school.admin)).find((x) => x.id === c.id)?.baseUrl).toBe(b.url);
  });

  it("public: a connection saved before is refused when used — the student's message and the admin's test — and the server hears nothing", async () => {
    const c = await addB();
    const modelId = `${c.id}/llama3.2:3b`;
    const student = await studentOf([modelId]);
    configureModelAddresses("public");
    const sent = await send(student, modelId, "What is a token?");
    expect(sent.last).toMatchObject({ type: "error", code: "address_refused" });
    expect((sent.last as { message: string }).message).toBe(
      "The playground isn't allowed to connect to School lab server: this server's settings don't let it reach that address. It's not your fault — please tell your teacher.",
    );
    const tested = await admin({ intent: "test", id: c.id });
    expect(tested.body.test.results).toEqual([{ code: "address_refused", latencyMs: expect.any(Number), model: "llama3.2:3b" }]);
    expect(b.requests).toEqual([]);
  });

  it("169.254.169.254, however written, is refused by default before any socket is opened", async () => {
    const sockets = vi.spyOn(net, "connect");
    const before = await count();
    for (const baseUrl of ["http://169.254.169.254", "http://2852039166", "http://0xa9fea9fe:80", "http://[::ffff:a9fe:a9fe]", "http://[fe80::1]:11434"]) {
      for (const intent of ["discover", "save"]) {
        const refused = await admin({ intent, ...lab(baseUrl) });
        expect(refused.body.errors, `${intent} ${baseUrl}`).toEqual({ baseUrl: "models.url.refused" });
      }
    }
    expect(await count()).toBe(before);
    // A connection already in the database at that address (saved by an older version): refused
    // when a student uses it or the admin tests it, before any socket.
    const stored = await createConnection(school.admin, { name: "Metadata", kind: "local", baseUrl: "http://169.254.169.254", apiKey: null, models: [{ id: "m", displayName: "m", contextWindow: 8192, approved: true }] });
    const student = await studentOf([`${stored.id}/m`]);
    expect((await send(student, `${stored.id}/m`, "hello")).last).toMatchObject({ type: "error", code: "address_refused" });
    expect((await admin({ intent: "test", id: stored.id })).body.test.results[0].code).toBe("address_refused");
    expect(sockets.mock.calls.filter(([options]) => String((options as { host?: string }).host).includes("169.254"))).toEqual([]);
    expect(sockets.mock.calls.filter(([options]) => /a9fe|fe80/.test(String((options as { host?: string }).host)))).toEqual([]);
  });

  it("the message says the server's policy refuses the address, in the admin's language, and names no address", () => {
    for (const locale of ["en", "zh-Hans", "zh-Hant"] as const) {
      const t = translator(locale);
      for (const key of ["models.url.refused", "models.test.address_refused"] as const) {
        expect(t(key)).toContain("MODEL_CONNECTIONS_ALLOW");
        expect(t(key)).not.toMatch(/\d+\.\d+\.\d+\.\d+|::/);
      }
    }
    expect(translator("en")("models.url.refused")).toContain("This server's policy does not allow");
    expect(translator("zh-Hans")("models.url.refused")).toContain("本服务器的设置不允许");
  });
});
