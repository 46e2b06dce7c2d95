/**
 * Two app processes on one external PostgreSQL (the machine's, 127.0.0.1:5432, user postgres,
 * a throwaway database): started at the same moment (migrations and the demo seed race), then
 * every "Next" is sent to both at once, and one of them is SIGKILLed halfway. Skipped with a
 * reason when that PostgreSQL is not reachable.
 */
import crypto from "node:crypto";
import postgres from "postgres";
import { sleep } from "../bench/load";
import type { FaultOptions } from "./kills";
import { Lab } from "./lab";
import { StepWriter, checkStored } from "./load";
import { check, skip } from "./report";

export const EXTERNAL_SERVER = "postgres://postgres@127.0.0.1:5432";

export async function twoAppsOneDatabase(o: FaultOptions): Promise<void> {
  const experiment = "two apps, one external PostgreSQL";
  const admin = postgres(`${EXTERNAL_SERVER}/postgres`, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await admin`select 1`;
  } catch (error) {
    await admin.end({ timeout: 1 }).catch(() => {});
    return skip(experiment, `SKIP: no PostgreSQL at 127.0.0.1:5432 as user postgres (${(error as Error).message.slice(0, 50)})`);
  }
  const name = `lantern_fault_${crypto.randomBytes(4).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  const databaseUrl = `${EXTERNAL_SERVER}/${name}`;
  const labs: Lab[] = [];
  try {
    // Both start at once: their migrations and demo seeds race on the empty database.
    const opened = await Promise.allSettled([0, 1].map(() => Lab.open({ appDir: o.appDir, students: 60, verbose: o.verbose, databaseUrl })));
    for (const r of opened) if (r.status === "fulfilled") labs.push(r.value);
    check(experiment, "processes that started together on the empty database", labs.length, "", { min: 2 });
    if (labs.length < 2) return;
    const [a, b] = labs as [Lab, Lab];
    const schools = await a.withSql((sql) => sql<{ n: number }[]>`select count(*)::int as n from users where email = 'teacher@demo.lantern'`);
    check(experiment, "demo schools seeded (both processes seed at start)", schools[0]!.n, "", { max: 1 });

    const students = [...a.students, ...b.students];
    let bAlive = true;
    const writer = new StepWriter(students, a.lessons, () => (bAlive ? [a.url(), b.url()] : [a.url()]));
    writer.start(o.writers);
    await sleep(o.loadMs);
    await b.killApp();
    bAlive = false;
    await sleep(o.loadMs);
    await writer.stop();
    const stored = await a.withSql((sql) => checkStored(sql, students, writer.acknowledged));
    check(experiment, `lost writes (${stored.acknowledged} acknowledged, each sent to both; one killed halfway)`, stored.lost, "", { max: 0 });
    check(experiment, "steps stored or logged twice", stored.duplicated, "", { max: 0 });
    check(experiment, "half-saved steps", stored.halfSaved, "", { max: 0 });
  } finally {
    for (const lab of labs) await lab.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}
