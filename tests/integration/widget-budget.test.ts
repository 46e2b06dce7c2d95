/**
 * The public widget APIs are budgeted per client (database-backed, so every app process shares
 * the count): a loop from one address is refused with 429 + Retry-After and a message in the
 * learner's language, while a whole class behind that school's one address, using the widgets
 * as a class does, is never refused — and signed-in learners keep their own budget.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as nextTokenAction } from "../../app/routes/api.next-token";
import { action as preferencesAction, loader as preferencesLoader } from "../../app/routes/api.preferences";
import { action as tokenizeAction } from "../../app/routes/api.tokenize";
import { action as lessonAction } from "../../app/routes/learn.$lesson";
import type { ActionFunctionArgs } from "@remix-run/node";
import { purgeStaleRates, rateKey } from "../../app/models/request-rates.server";
import { db } from "../../app/utils/db.server";
import { WIDGET_BUDGET } from "../../app/models/widget-budget.server";
import type { SessionUser } from "../../app/utils/session.server";
import { makeClass, makeSchool, makeStudentIn, makeUser, requestAs } from "../factories";

type Handler = (args: { request: Request; params: Record<string, string>; context: { nonce: string; clientAddress: string } }) => unknown;

async function post(handler: Handler, path: string, body: unknown, address: string, user: SessionUser | null = null, headers: Record<string, string> = {}) {
  const base = await requestAs(user, path, { method: "POST", headers: { "Content-Type": "application/json", ...headers } });
  const request = new Request(base, { body: JSON.stringify(body) });
  const response = (await handler({ request, params: {}, context: { nonce: "n", clientAddress: address } })) as Response;
  return response;
}

const LONG_TEXT = "Tokens are pieces of text. ".repeat(75).slice(0, 2_000);

/** Calls the tokenizer with its longest text from `address` until refused (or `max` calls). */
async function loopUntilRefused(address: string, max = 1_000): Promise<{ calls: number; refused: Response | null }> {
  for (let calls = 1; calls <= max; calls++) {
    const response = await post(tokenizeAction as Handler, "/api/tokenize", { text: LONG_TEXT }, address);
    if (response.status === 429) return { calls, refused: response };
    expect(response.status).toBe(200);
  }
  return { calls: max, refused: null };
}

// Hundreds of real tokenizer calls per test: slow on a busy machine, still well under a minute.
describe("budgets of the public widget APIs", { timeout: 90_000 }, () => {
  it("refuse a loop from one address with 429, Retry-After and a localized message", async () => {
    const { calls, refused } = await loopUntilRefused("198.51.100.7");
    expect(refused, "the loop was stopped").not.toBeNull();
    // 2,000 characters cost 9 units: the loop gets its budget's worth, then no more
    expect(calls).toBeGreaterThan(WIDGET_BUDGET.address / 9 - 2);
    expect(calls).toBeLessThan(WIDGET_BUDGET.address / 9 + 2);
    const retryAfter = Number(refused!.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await refused!.json()) as { error: string }).error).toMatch(/Wait \d+ seconds, then try again/);
    // every widget API shares the budget, and the message speaks the learner's language
    const zh = await post(nextTokenAction as Handler, "/api/next-token", { context: "The" }, "198.51.100.7", null, { "Accept-Language": "zh-CN" });
    expect(zh.status).toBe(429);
    expect(((await zh.json()) as { error: string }).error).toMatch(/请等 \d+ 秒后再试/);
    const prefs = await preferencesLoader({
      request: await requestAs(null, "/api/preferences?lesson=learning-from-feedback"),
      params: {},
      context: { nonce: "n", clientAddress: "198.51.100.7" },
    });
    expect((prefs as Response).status).toBe(429);
    // a widget tried without JavaScript, through the lesson, shares it and says so in the page
    const forms: Record<string, string>[] = [
      { intent: "try", widget: "tokenizer", text: "hello" },
      { intent: "try", widget: "needle", sentences: "24", depth: "0", window: "2" },
      { intent: "prefer", pair: "pair-1", choice: "a" },
    ];
    for (const form of forms) {
      const request = await requestAs(null, "/learn/learning-from-feedback?step=be-the-labeller", { form });
      const tried = (await lessonAction({ request, params: { lesson: "learning-from-feedback" }, context: { nonce: "n", clientAddress: "198.51.100.7" } } as unknown as ActionFunctionArgs)) as unknown as {
        data: { widgetTry: { refused?: string } };
        init: { status?: number } | null;
      };
      expect(tried.init?.status).toBe(429);
      expect(tried.data.widgetTry.refused).toMatch(/Wait \d+ seconds, then try again/);
    }
  });

  it("leave other addresses and signed-in learners behind the same address untouched, and forgive after the window", async () => {
    await loopUntilRefused("198.51.100.8");
    expect((await post(tokenizeAction as Handler, "/api/tokenize", { text: "hi" }, "198.51.100.9")).status).toBe(200);
    const teacher = await makeUser((await makeSchool()).school.id, "teacher");
    const cls = await makeClass(teacher);
    const student = await makeStudentIn(cls.id);
    expect((await post(tokenizeAction as Handler, "/api/tokenize", { text: "hi" }, "198.51.100.8", student)).status).toBe(200);
    expect(
      (await post(preferencesAction as Handler, "/api/preferences", { lesson: "learning-from-feedback", pair: "pair-1", choice: "a" }, "198.51.100.8", student)).status,
    ).toBe(200);
    // a minute later the address may call again
    await db().execute(sql`update request_rates set window_start = window_start - interval '61 seconds'`);
    expect((await post(tokenizeAction as Handler, "/api/tokenize", { text: "hi" }, "198.51.100.8")).status).toBe(200);
  });

  it("never refuse a class of 30 visitors behind one school address using the widgets for a minute", async () => {
    const school = "203.0.113.30";
    const statuses = new Map<number, number>();
    const count = (r: Response) => statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    for (let learner = 0; learner < 30; learner++) {
      // a minute of steady typing in the tokenizer (it calls at most once per 300 ms pause) ...
      for (let i = 0; i < 45; i++) {
        count(await post(tokenizeAction as Handler, "/api/tokenize", { text: `My sentence number ${i} about tokens, typed by learner ${learner}.` }, school));
      }
      // ... and stepping the next-token widget a few pieces at a time
      for (let i = 0; i < 6; i++) {
        count(await post(nextTokenAction as Handler, "/api/next-token", { context: "The model", mode: "sample", count: 3 }, school));
      }
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 30 * 51 });
  });

  it("purges counters whose window ended over an hour ago, keeps current ones", async () => {
    await post(tokenizeAction as Handler, "/api/tokenize", { text: "hi" }, "192.0.2.60");
    await post(tokenizeAction as Handler, "/api/tokenize", { text: "hi" }, "192.0.2.61");
    await db().execute(sql`update request_rates set window_start = now() - interval '2 hours' where key = ${rateKey("widgets:address", "192.0.2.60")}`);
    expect(await purgeStaleRates()).toBe(1);
    const keys = (await db().execute<{ key: string }>(sql`select key from request_rates`)).map((r) => r.key);
    expect(keys).toContain(rateKey("widgets:address", "192.0.2.61"));
    expect(keys).not.toContain(rateKey("widgets:address", "192.0.2.60"));
  });

  it("stores no address: the counter's keys are hashes", async () => {
    await post(tokenizeAction as Handler, "/api/tokenize", { text: "hi" }, "192.0.2.55");
    const rows = await db().execute<{ key: string }>(sql`select key from request_rates`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).not.toMatch(/192\.0\.2\.55|\./);
  });
});
