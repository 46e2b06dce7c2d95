/**
 * `npm run bench` — Lantern's performance budgets, measured against a production build of the
 * real server on 127.0.0.1 with its embedded PostgreSQL, and the fake Anthropic API for the
 * playground. Prints one table (figure, budget, PASS/FAIL) and writes bench-results/latest.json.
 *
 *   npm run bench                 about three minutes
 *   npm run bench -- --soak       adds a 10-minute soak at twice a classroom's load
 *   npm run bench -- --verbose    shows the server's output
 *   npm run bench -- --only=playground,lesson   runs only those sections
 *
 * All traffic goes to 127.0.0.1; every load has a fixed duration or count.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Anthropic from "@anthropic-ai/sdk";
import postgres from "postgres";
import { connect } from "../../db/client";
import { buildIsStale } from "../../server/build-freshness";
import { startFakeAnthropic, type FakeAnthropic } from "../harness/fake-anthropic";
import {
  embeddedPostgresPids,
  processTree,
  residentBytes,
  ROOT,
  snapshotApp,
  startLanternServer,
  type LanternServer,
} from "../harness/lantern-server";
import { benchClass as makeClass, courseLessons, sessionCookie as sessionCookieFor, type BenchStudent, type CourseLesson } from "./classroom";
import { jsBytesPerRoute } from "./js-bytes";
import { getOk, hammer, median, percentile, postForm, sleep, timeSequential, workers } from "./load";
import { runLighthouse } from "./lighthouse";

const args = new Set(process.argv.slice(2));
const SOAK = args.has("--soak");
const VERBOSE = args.has("--verbose");
/** `--only=lesson,memory` runs just those sections (names as logged with "—"). */
const ONLY = [...args].find((a) => a.startsWith("--only="))?.slice(7).split(",") ?? null;
const CLAUDE_MODEL = "claude-haiku-4-5";

// ---- Results ---------------------------------------------------------------------------------

interface Row {
  name: string;
  figure: string;
  budget: string;
  verdict: "PASS" | "FAIL" | "—";
  value: number | null;
  unit: string;
  details?: Record<string, unknown>;
}

const rows: Row[] = [];

function record(
  name: string,
  value: number | null,
  unit: string,
  budget?: { max?: number; min?: number },
  details?: Record<string, unknown>,
  figure?: string,
) {
  const shown = figure ?? (value === null ? "n/a" : `${formatNumber(value)} ${unit}`.trim());
  let verdict: Row["verdict"] = "—";
  let budgetText = "";
  if (budget) {
    budgetText = budget.max !== undefined ? `≤ ${formatNumber(budget.max)} ${unit}`.trim() : `≥ ${formatNumber(budget.min!)} ${unit}`.trim();
    if (value === null || Number.isNaN(value)) verdict = "FAIL";
    else verdict = (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min) ? "PASS" : "FAIL";
  }
  rows.push({ name, figure: shown, budget: budgetText, verdict, value, unit, details });
  log(`${verdict === "—" ? "·" : verdict} ${name}: ${shown}${budgetText ? ` (budget ${budgetText})` : ""}`);
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return n.toLocaleString("en-US");
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString("en-US");
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function log(line: string) {
  process.stderr.write(`[bench] ${line}\n`);
}

/** Runs one measurement; a crash is a FAIL row, never the end of the whole benchmark. */
async function section(name: string, fn: () => Promise<void>) {
  if (ONLY && !ONLY.some((o) => name.includes(o))) return;
  log(`— ${name}`);
  try {
    await fn();
    if (server && !serverAlive()) throw new Error(`the server died during "${name}"; its last output:\n${server.output().slice(-3000)}`);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    rows.push({ name, figure: `error: ${message.slice(0, 80)}`, budget: "", verdict: "FAIL", value: null, unit: "", details: { error: String(error instanceof Error ? error.message : error) } });
    log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// ---- The server under test -------------------------------------------------------------------

let server: LanternServer;
let sql: postgres.Sql;
let dataDir = "";

/**
 * The whole server's memory in MB — Node, the embedded PostgreSQL's processes and any other
 * process Node started — as RSS summed and as PSS (pages shared between processes, like
 * PostgreSQL's shared buffers, split between them instead of counted once per process).
 */
function serverMemory(): { rssMb: number; pssMb: number; nodeMb: number; postgresMb: number; otherMb: number; processes: number } {
  const postgresPids = new Set(embeddedPostgresPids(dataDir));
  const pids = processTree(server.pid);
  let rss = 0;
  let pss = 0;
  const nodeMb = residentBytes(server.pid) / 1048576;
  let postgresBytes = 0;
  for (const pid of pids) {
    const own = residentBytes(pid);
    pss += own;
    if (postgresPids.has(pid)) postgresBytes += own;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      rss += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  const postgresMb = postgresBytes / 1048576;
  return { rssMb: rss / 1048576, pssMb: pss / 1048576, nodeMb, postgresMb, otherMb: pss / 1048576 - nodeMb - postgresMb, processes: pids.length };
}

function serverAlive(): boolean {
  try {
    process.kill(server.pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sessionCookie = (userId: string) => sessionCookieFor(sql, userId);

/** A class of the demo school with `n` students, a generous playground policy and a session each. */
function benchClass(name: string, n: number): Promise<{ classId: string; students: BenchStudent[] }> {
  return makeClass(sql, name, n, {
    enabled: true,
    allowedModels: ["mini", CLAUDE_MODEL],
    messagesPerMinute: 100_000,
    studentDailyTokens: 100_000_000,
    classDailyTokens: 1_000_000_000,
    schedule: null,
  });
}

function course(): CourseLesson {
  return courseLessons()[0]!;
}

// ---- Measurements ----------------------------------------------------------------------------

async function measureLessonPage(studentCookie: string) {
  const { slug, steps } = course();
  const lessonUrl = `${server.url}/learn/${slug}?step=${steps[1]}`;
  const headers = { cookie: studentCookie };
  await getOk(lessonUrl, headers);
  const render = await timeSequential(60, async () => void (await getOk(lessonUrl, headers)), 5);
  record("lesson page: server render, median (student, 1 at a time)", median(render), "ms", { max: 15 }, { p90: percentile(render, 90) });
  const lesson = await hammer(lessonUrl, { connections: 10, seconds: 8, headers });
  const trivial = await hammer(`${server.url}/healthz`, { connections: 10, seconds: 8 });
  record("lesson page: throughput (10 connections)", lesson.requestsPerSecond, "req/s", undefined, { ...lesson });
  record("lesson page: latency p50 / p99 under load", lesson.p50, "ms", undefined, { ...lesson }, `${lesson.p50} / ${lesson.p99} ms`);
  record("trivial route /healthz: throughput (framework ceiling)", trivial.requestsPerSecond, "req/s", undefined, { ...trivial });
  record("lesson page throughput ÷ /healthz throughput", (100 * lesson.requestsPerSecond) / trivial.requestsPerSecond, "%");
  if (lesson.errors + lesson.non2xx + trivial.errors + trivial.non2xx > 0) {
    record("errors during the lesson/healthz load", lesson.errors + lesson.non2xx + trivial.errors + trivial.non2xx, "", { max: 0 });
  }
}

/**
 * One student of a classroom until `until`: reads a step (GET), reports active time (POST),
 * presses Next (POST), then reads for about two seconds — a class moving briskly through a lesson.
 */
async function classroomStudent(s: BenchStudent, i: number, until: number): Promise<{ requests: number; errors: number }> {
  const { slug, steps } = course();
  let requests = 0;
  let errors = 0;
  const fail = (what: string) => {
    errors++;
    errorSamples.set(what, (errorSamples.get(what) ?? 0) + 1);
  };
  for (let k = i; Date.now() < until; k++) {
    const step = steps[k % steps.length]!;
    try {
      await getOk(`${server.url}/learn/${slug}?step=${step}`, { cookie: s.cookie });
      const time = await postForm(server.url, `/learn/${slug}/time`, s.cookie, { step, seconds: "2" });
      const next = await postForm(server.url, `/learn/${slug}?step=${step}`, s.cookie, { intent: "next", step, seconds: "2" });
      if (time >= 400) fail(`POST /learn/:lesson/time → ${time}`);
      if (next >= 400) fail(`POST /learn/:lesson (next) → ${next}`);
      requests += 3;
    } catch (error) {
      fail(error instanceof Error ? error.message.replace(/[0-9a-f-]{36}|\?step=\S+/g, "…").slice(0, 120) : String(error));
    }
    await sleep(1_800 + (i % 9) * 50);
  }
  return { requests, errors };
}

/** What went wrong under load, by kind (for the JSON details). */
const errorSamples = new Map<string, number>();

/** 200 students at once, each marking all steps of a lesson done: every write must be there after. */
async function measureProgressWrites(students: BenchStudent[]) {
  const { slug, steps } = course();
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await workers(students.length, async (i) => {
    const s = students[i]!;
    for (const step of steps) {
      const t0 = performance.now();
      const status = await postForm(server.url, `/learn/${slug}?step=${step}`, s.cookie, { intent: "next", step, seconds: "3" }).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status !== 302 && status !== 303 && status !== 204 && status !== 200) failures++;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const expected = students.length * steps.length;
  const [row] = await sql<{ n: number }[]>`
    select coalesce(sum(cardinality(steps_done)), 0)::int as n from lesson_progress
    where lesson_slug = ${slug} and user_id = any(${students.map((s) => s.id)}::uuid[])`;
  const stored = row!.n;
  record(`saving progress, ${students.length} students at once: throughput`, expected / seconds, "writes/s", undefined, { writes: expected, seconds });
  record(`saving progress, ${students.length} students at once: p99`, percentile(latencies, 99), "ms", undefined, { p50: median(latencies) });
  record(`saving progress: lost writes (${expected} sent, rows counted after)`, expected - stored, "", { max: 0 }, { stored, failedRequests: failures });
}

async function measureClassOf40Memory(students: BenchStudent[]) {
  errorSamples.clear();
  let peak = serverMemory();
  let errors = 0;
  let requests = 0;
  const until = Date.now() + 20_000;
  const sampler = setInterval(() => {
    const m = serverMemory();
    if (m.pssMb > peak.pssMb) peak = m;
  }, 250);
  await workers(students.length, async (i) => {
    const result = await classroomStudent(students[i]!, i, until);
    errors += result.errors;
    requests += result.requests;
  });
  clearInterval(sampler);
  const alive = serverAlive();
  record(
    "memory of the whole server under a class of 40 (PSS; RSS summed)",
    alive ? peak.pssMb : null,
    "MB",
    { max: 250 },
    { ...peak, requests, errors, errorKinds: Object.fromEntries(errorSamples) },
    alive ? `${Math.round(peak.pssMb)} MB (${Math.round(peak.rssMb)} MB)` : "the server died",
  );
  if (errors) record("errors under a class of 40", errors, "", { max: 0 });
}

async function measureTeacherViews() {
  const { seedBenchSchool } = await import("./seed-school");
  const conn = connect(server.databaseUrl, { max: 4 });
  try {
    const small = await seedBenchSchool(conn, { students: 40, classSize: 40, name: "Bench class page school" });
    const classId = small.classIds[0]!;
    const teacherCookie = await sessionCookie(small.classTeacherIds[0]!);
    const url = `${server.url}/teach/classes/${classId}`;
    const classPage = await timeSequential(30, async () => void (await getOk(url, { cookie: teacherCookie })));
    record("teacher class page, 40 students × 7 lessons: median", median(classPage), "ms", { max: 50 }, { p90: percentile(classPage, 90) });

    const started = performance.now();
    const big = await seedBenchSchool(conn, { students: 10_000, classSize: 30, name: "Bench 10k school" });
    const seedSeconds = (performance.now() - started) / 1000;
    const adminCookie = await sessionCookie(big.adminId);
    const adminUrl = `${server.url}/admin`;
    const admin = await timeSequential(10, async () => void (await getOk(adminUrl, { cookie: adminCookie })), 2);
    record("admin overview, school of 10,000 students: median", median(admin), "ms", { max: 500 }, { seedSeconds, max: Math.max(...admin) });
  } finally {
    await conn.close();
  }
}

/** Time to the first text of a streamed reply, through the server and straight from the SDK. */
async function measurePlayground(fake: FakeAnthropic, students: BenchStudent[]) {
  fake.reset();
  const client = new Anthropic({ apiKey: fake.apiKey, baseURL: fake.url, maxRetries: 0 });
  const direct = await timeSequential(30, async () => {
    const stream = client.messages.stream({ model: CLAUDE_MODEL, max_tokens: 64, messages: [{ role: "user", content: "hi" }] });
    await new Promise<void>((resolve, reject) => {
      stream.on("text", () => resolve());
      stream.on("error", reject);
    });
    stream.abort();
    await stream.done().catch(() => {});
  });

  let n = 0;
  const viaServer = await timeSequential(30, async () => {
    const s = students[n++ % students.length]!;
    await streamOnce(s.cookie, "hi", { untilFirstText: true });
  });
  const added = median(viaServer) - median(direct);
  record("playground: time added to the first token (server − SDK direct), median", added, "ms", { max: 10 }, {
    serverMedian: median(viaServer),
    directMedian: median(direct),
  });

  // 100 streams at once, each a reply of 40 tokens arriving over ~0.4 s
  fake.reset();
  const concurrent = Math.min(100, students.length);
  fake.script(...Array.from({ length: concurrent }, () => ({ kind: "reply" as const, chunks: Array.from({ length: 40 }, (_, i) => `t${i} `), tokenDelayMs: 10 })));
  const started = performance.now();
  const outcomes = await Promise.all(students.slice(0, concurrent).map((s) => streamOnce(s.cookie, "count to forty").catch(() => "failed" as const)));
  const completed = outcomes.filter((o) => o === "done").length;
  record(`playground: ${concurrent} concurrent streams completed`, completed, `of ${concurrent}`, { min: concurrent }, {
    seconds: (performance.now() - started) / 1000,
    outcomes: Object.fromEntries([...new Set(outcomes)].map((o) => [o, outcomes.filter((x) => x === o).length])),
  });
}

/** One exchange through /api/playground/stream; resolves "done", "error:<code>" or "first-text". */
async function streamOnce(cookie: string, prompt: string, options: { untilFirstText?: boolean } = {}): Promise<string> {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/playground/stream`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "send", conversationId: "", model: CLAUDE_MODEL, prompt }).toString(),
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (options.untilFirstText && text.includes("event: text")) {
      // let the exchange finish on the server (one stream per student): read to the end unmeasured
      void (async () => {
        while (!(await reader.read()).done);
      })().catch(() => {});
      return "first-text";
    }
  }
  if (text.includes("event: done")) return "done";
  const code = /event: error\ndata: (\{.*\})/.exec(text)?.[1];
  return code ? `error:${(JSON.parse(code) as { code: string }).code}` : `status ${res.status}`;
}

async function measureSoak(students: BenchStudent[]) {
  errorSamples.clear();
  // BENCH_SOAK_MINUTES shortens the soak to check the harness itself; the budget run is 10 minutes.
  const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
  const until = Date.now() + minutes * 60_000;
  const samples: { at: number; pssMb: number }[] = [];
  let errors = 0;
  let requests = 0;
  const sampler = setInterval(() => samples.push({ at: Date.now(), pssMb: serverMemory().pssMb }), 5_000);
  // twice a classroom: 80 students at the pace of the class-of-40 measurement
  await workers(students.length, async (i) => {
    const result = await classroomStudent(students[i]!, i, until);
    errors += result.errors;
    requests += result.requests;
  });
  clearInterval(sampler);
  const third = Math.floor(samples.length / 3);
  const mean = (xs: { pssMb: number }[]) => xs.reduce((a, b) => a + b.pssMb, 0) / Math.max(1, xs.length);
  const middle = mean(samples.slice(third, 2 * third));
  const last = mean(samples.slice(2 * third));
  if (errorSamples.size) log(`soak errors by kind: ${JSON.stringify(Object.fromEntries(errorSamples))}`);
  record(`soak ${minutes} min at twice a classroom's load: errors`, serverAlive() ? errors : null, "", { max: 0 }, {
    requests,
    errorKinds: Object.fromEntries(errorSamples),
  });
  const measured = serverAlive() && middle > 0 && last > 0;
  record("soak: memory growth, last third vs middle third", measured ? last - middle : null, "MB", { max: Math.max(5, middle * 0.05) }, {
    middle,
    last,
    samples: samples.length,
  });
}

// ---- Main ------------------------------------------------------------------------------------

async function main() {
  if (buildIsStale(ROOT)) {
    log("the build is missing or older than the sources: npm run build");
    const built = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
    if (built.status !== 0) throw new Error("npm run build failed");
  }
  const app = snapshotApp();
  const fake = await startFakeAnthropic();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-bench-"));
  const env: Record<string, string> = { ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: fake.apiKey, LOG_REQUESTS: "0", CLAUDE_MODELS: CLAUDE_MODEL };
  // BENCH_NODE_OPTIONS tries V8 settings on the server (e.g. "--max-old-space-size=128")
  if (process.env.BENCH_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS;
  try {
    // first start makes the database (initdb, migrations, demo school); the second is the cold start
    const first = await startLanternServer({ dataDir, env, cwd: app.dir, echo: VERBOSE });
    record("first start on an empty data folder (initdb, migrate, seed)", first.startMs, "ms");
    await first.stop();
    server = await startLanternServer({ dataDir, env, cwd: app.dir, echo: VERBOSE });
    record("cold start to first successful request, existing data", server.startMs, "ms", { max: 3_000 });
    sql = postgres(server.databaseUrl, { max: 8, onnotice: () => {} });

    await getOk(`${server.url}/`);
    await sleep(2_000);
    const idle = serverMemory();
    record("memory of the whole server at idle (PSS; RSS summed)", idle.pssMb, "MB", undefined, idle, `${Math.round(idle.pssMb)} MB (${Math.round(idle.rssMb)} MB)`);

    const class40 = await benchClass("Bench class of 40", 40);
    // memory first: Node keeps the heap it grew under earlier, heavier loads
    await section("class of 40", () => measureClassOf40Memory(class40.students));
    await section("lesson page", () => measureLessonPage(class40.students[0]!.cookie));
    const class200 = await benchClass("Bench 200 students", 200);
    await section("progress writes", () => measureProgressWrites(class200.students));
    await section("playground", () => measurePlayground(fake, class200.students));
    await section("teacher views", () => measureTeacherViews());
    await section("javascript", async () => {
      for (const r of jsBytesPerRoute(app.dir)) {
        const lesson = r.route === "routes/learn.$lesson";
        record(`JS gzipped: ${r.route.replace(/^routes\//, "/")}`, r.gzipBytes / 1024, "KB", lesson ? { max: 120 } : undefined, { files: r.files });
      }
    });
    await section("lighthouse", async () => {
      const { slug, steps } = course();
      const result = await runLighthouse(`${server.url}/learn/${slug}?step=${steps[1]}`);
      if (result.installed) record("Lighthouse mobile performance, lesson page", result.score, "", { min: 95 }, result.details);
      else record("Lighthouse mobile performance, lesson page", null, "", undefined, { note: result.note }, "not installed");
    });
    if (SOAK) {
      const class80 = await benchClass("Bench soak", 80);
      await section("soak", () => measureSoak(class80.students));
    }
  } finally {
    await sql?.end({ timeout: 5 }).catch(() => {});
    await server?.stop();
    await fake.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    app.remove();
  }
  report();
}

function report() {
  const nameWidth = Math.max(...rows.map((r) => r.name.length));
  const figureWidth = Math.max(6, ...rows.map((r) => r.figure.length));
  const budgetWidth = Math.max(6, ...rows.map((r) => r.budget.length));
  const line = (a: string, b: string, c: string, d: string) => `| ${a.padEnd(nameWidth)} | ${b.padStart(figureWidth)} | ${c.padEnd(budgetWidth)} | ${d.padEnd(4)} |`;
  const out = [
    line("measure", "figure", "budget", "    "),
    `|${"-".repeat(nameWidth + 2)}|${"-".repeat(figureWidth + 2)}|${"-".repeat(budgetWidth + 2)}|------|`,
    ...rows.map((r) => line(r.name, r.figure, r.budget, r.verdict === "—" ? "" : r.verdict)),
  ];
  process.stdout.write(`\n${out.join("\n")}\n`);
  const failed = rows.filter((r) => r.verdict === "FAIL").length;
  process.stdout.write(`\n${failed === 0 ? "All budgets met." : `${failed} budget(s) missed.`} Figures: bench-results/latest.json\n`);
  fs.mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, "bench-results", "latest.json"),
    JSON.stringify(
      {
        when: new Date().toISOString(),
        soak: SOAK,
        machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
        results: rows,
      },
      null,
      2,
    ) + "\n",
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(`[bench] ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(2);
});
