import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "./db/schema";
import { connect, type Connection } from "./db/client";
import { startEmbeddedPostgres } from "./db/embedded";
import { runMigrations } from "./db/migrate";
import { registerDatabase } from "./app/utils/db.server";
import { seedBenchSchool } from "./scripts/bench/seed-school";
import { createSession } from "./app/utils/session.server";
import { requireAdmin, requireStaff } from "./app/utils/auth.server";
import { getClassProgress, parseProgressQuery, viewContextFor } from "./app/models/dashboard.server";
import { getQuizInsight } from "./app/models/dashboard-quiz.server";
import { getSchoolOverview } from "./app/models/dashboard-school.server";
import { getStudentDetail } from "./app/models/dashboard-student.server";

const progressLoader = async ({ request, params }: any) => { const t = await requireStaff(request); const ctx = await viewContextFor(request); return getClassProgress(t, params.classId, parseProgressQuery(new URL(request.url).searchParams), ctx); };
const quizLoader = async ({ request, params }: any) => { const t = await requireStaff(request); const ctx = await viewContextFor(request); return getQuizInsight(t, params.classId, "", ctx); };
const studentLoader = async ({ request, params }: any) => { const t = await requireStaff(request); const ctx = await viewContextFor(request); return getStudentDetail(t, params.classId, params.studentId, ctx); };
const adminLoader = async ({ request }: any) => { const a = await requireAdmin(request); return getSchoolOverview(a); };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dash-bench-"));
fs.chmodSync(dir, 0o711);
const server = await startEmbeddedPostgres({ dataDir: dir });
const captured: { q: string; p: unknown[] }[] = [];
const client = postgres(server.url, { max: 10, onnotice: () => {}, debug: (_c, q, p) => captured.push({ q, p: p as unknown[] }) });
const conn: Connection = { url: server.url, sql: client, db: drizzle(client, { schema }) as Connection["db"], close: () => client.end() };
try {
  await runMigrations(conn);
  registerDatabase(conn);
  let t = performance.now();
  const small = await seedBenchSchool(conn, { students: 40, classSize: 40 });
  console.log("seed 40:", Math.round(performance.now() - t), "ms");
  t = performance.now();
  const big = await seedBenchSchool(conn, { students: Number(process.argv[2] ?? 10000), classSize: 30 });
  console.log("seed big:", Math.round(performance.now() - t), "ms", JSON.stringify(big.timings));
  const cookieFor = async (id: string) => (await createSession(new Request("http://localhost/"), id)).split(";")[0]!;
  const teacherCookie = await cookieFor(small.classTeacherIds[0]!);
  const adminCookie = await cookieFor(big.adminId);
  const time = async (label: string, fn: () => Promise<unknown>, n = 30) => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await fn();
      xs.push(performance.now() - s);
    }
    xs.sort((a, b) => a - b);
    console.log(label.padEnd(24), "median", xs[Math.floor(n / 2)]!.toFixed(1), "ms  p90", xs[Math.floor(n * 0.9)]!.toFixed(1), "ms  min", xs[0]!.toFixed(1));
  };
  const explain = async (label: string, fn: () => Promise<unknown>) => {
    captured.length = 0;
    await fn();
    const big = captured.reduce((a, b) => (b.q.length > a.q.length ? b : a));
    const rows = await client.unsafe(`explain (analyze, buffers) ${big.q}`, big.p as never[]);
    const lines = rows.map((r: any) => r["QUERY PLAN"]);
    console.log(`--- ${label}: ${captured.length} queries; ${lines.at(-2)} ${lines.at(-1)}`);
    if (process.env.PLAN) console.log(lines.join("\n"));
  };
  const req = (p: string, cookie: string) => new Request(`http://localhost${p}`, { headers: { Cookie: cookie } });
  const cls = small.classIds[0]!;
  const [st] = await client`select student_id from enrollments where class_id = ${cls} limit 1`;
  await time("class page 40x7", () => progressLoader({ request: req(`/teach/classes/${cls}`, teacherCookie), params: { classId: cls } }));
  await explain("class page", () => progressLoader({ request: req(`/teach/classes/${cls}`, teacherCookie), params: { classId: cls } }));
  await time("guard only", async () => { const r = req(`/teach/classes/${cls}`, teacherCookie); await requireStaff(r); await viewContextFor(r); });
  await time("quiz page 40", () => quizLoader({ request: req(`/teach/classes/${cls}/quiz`, teacherCookie), params: { classId: cls } }));
  await explain("quiz page", () => quizLoader({ request: req(`/teach/classes/${cls}/quiz`, teacherCookie), params: { classId: cls } }));
  await time("student page", () => studentLoader({ request: req(`/x`, teacherCookie), params: { classId: cls, studentId: st!.student_id } }));
  await time("admin overview big", () => adminLoader({ request: req(`/admin`, adminCookie), params: {} }), 10);
  await explain("admin overview", () => adminLoader({ request: req(`/admin`, adminCookie), params: {} }));
} finally {
  await conn.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
