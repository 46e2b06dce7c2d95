/**
 * `npm run db:backup` while students write, then `npm run db:restore` into a fresh database:
 * the backup must be one point in time (every write acknowledged before it began is in it, and
 * its tables agree with each other), and the restored database must hold exactly its rows.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import postgres from "postgres";
import { BACKUP_TABLES } from "../../db/backup";
import { sleep } from "../bench/load";
import type { FaultOptions } from "./kills";
import { Lab } from "./lab";
import { StepWriter, checkStored } from "./load";
import { check, log, seconds } from "./report";

interface BackupContents {
  counts: Map<string, number>;
  /** "<user id> <slug#step>" for every step in lesson_progress. */
  steps: Set<string>;
  /** The same from the completed-step activity rows. */
  logged: Set<string>;
}

async function readBackup(file: string): Promise<BackupContents> {
  const counts = new Map<string, number>();
  const steps = new Set<string>();
  const logged = new Set<string>();
  let table = "";
  const lines = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (++n <= 2) continue; // magic and header
    if (line.startsWith("#table ")) {
      table = line.slice(7);
      counts.set(table, 0);
      continue;
    }
    if (line === "#end" || !line) continue;
    counts.set(table, (counts.get(table) ?? 0) + 1);
    if (table === "lesson_progress") {
      const row = JSON.parse(line) as { user_id: string; lesson_slug: string; steps_done: string[] };
      for (const step of row.steps_done) steps.add(`${row.user_id} ${row.lesson_slug}#${step}`);
    } else if (table === "activity_log") {
      const row = JSON.parse(line) as { actor_id: string; verb: string; object_id: string };
      if (row.verb === "completed-step") logged.add(`${row.actor_id} ${row.object_id}`);
    }
  }
  return { counts, steps, logged };
}

function runScript(o: FaultOptions, script: string, args: string[], env: Record<string, string>): { ok: boolean; output: string; ms: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: o.appDir,
    encoding: "utf8",
    // only what the script needs (no NODE_ENV, as `npm run` gives none); ProcessEnv would demand one
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...env } as unknown as NodeJS.ProcessEnv,
    timeout: 120_000,
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}`, ms: performance.now() - started };
}

export async function backupUnderWrites(o: FaultOptions): Promise<void> {
  const experiment = "backup under writes";
  const lab = await Lab.open({ appDir: o.appDir, students: 150, verbose: o.verbose });
  const writer = new StepWriter(lab.students, lab.lessons, () => [lab.url()]);
  const file = path.join(lab.dataDir, "fault.backup");
  const restoreDb = `lantern_restore_${crypto.randomBytes(3).toString("hex")}`;
  try {
    writer.start(o.writers);
    await sleep(o.loadMs);
    const before = writer.snapshot();
    const backup = runScript(o, "scripts/db-backup.ts", [file], { DATA_DIR: lab.dataDir });
    await sleep(o.loadMs);
    await writer.stop();
    if (!backup.ok) throw new Error(`npm run db:backup failed: ${backup.output}`);
    check(experiment, `npm run db:backup while ${o.writers} students write`, seconds(backup.ms), "s");

    const contents = await readBackup(file);
    const ids = lab.students.map((s) => s.id);
    let missing = 0;
    for (const [student, keys] of before) for (const key of keys) if (!contents.steps.has(`${ids[student]} ${key}`)) missing++;
    const acknowledgedBefore = [...before.values()].reduce((n, s) => n + s.size, 0);
    check(experiment, `writes acknowledged before the backup began, missing from it (of ${acknowledgedBefore})`, missing, "", { max: 0 });
    const mine = (k: string) => ids.includes(k.split(" ")[0]!);
    const disagree = [...contents.steps].filter((k) => mine(k) && !contents.logged.has(k)).length + [...contents.logged].filter((k) => mine(k) && !contents.steps.has(k)).length;
    check(experiment, "steps in the backup without their activity row, or the reverse (one snapshot)", disagree, "", { max: 0 });

    // Restore into a fresh database on the same server.
    const restoreUrl = lab.server.databaseUrl.replace(/\/[^/?]+(\?|$)/, `/${restoreDb}$1`);
    await lab.withSql((sql) => sql.unsafe(`create database ${restoreDb}`));
    const restore = runScript(o, "scripts/db-restore.ts", [file], { DATABASE_URL: restoreUrl, DATA_DIR: lab.dataDir });
    if (!restore.ok) throw new Error(`npm run db:restore failed: ${restore.output}`);
    check(experiment, "npm run db:restore into a fresh database", seconds(restore.ms), "s");
    const sql = postgres(restoreUrl, { max: 1, onnotice: () => {} });
    try {
      let differ = 0;
      for (const table of BACKUP_TABLES) {
        const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
        if (row!.n !== (contents.counts.get(table) ?? 0)) {
          differ++;
          log(`${experiment}: ${table}: ${row!.n} rows restored, ${contents.counts.get(table) ?? 0} in the backup`);
        }
      }
      check(experiment, `tables whose restored rows differ from the backup's (of ${BACKUP_TABLES.length})`, differ, "", { max: 0 });
      const restored = await checkStored(sql, lab.students, before);
      check(experiment, "restored: writes acknowledged before the backup, missing", restored.lost, "", { max: 0 });
      check(experiment, "restored: half-saved steps", restored.halfSaved, "", { max: 0 });
    } finally {
      await sql.end({ timeout: 5 });
    }
    const stored = await lab.withSql((s) => checkStored(s, lab.students, writer.acknowledged));
    check(experiment, `live database: lost writes (${stored.acknowledged} acknowledged)`, stored.lost, "", { max: 0 });
  } finally {
    await writer.stop();
    await lab.withSql((sql) => sql.unsafe(`drop database if exists ${restoreDb} with (force)`)).catch(() => {});
    await lab.close();
  }
}
