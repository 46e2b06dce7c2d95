/**
 * Consistent backups without pg_dump (the embedded package ships only initdb, pg_ctl and
 * postgres): every table is copied with COPY inside ONE repeatable-read, read-only transaction,
 * so the file is a single snapshot even while the app keeps writing. Restore truncates every
 * table and copies the rows back in foreign-key order, in one transaction.
 *
 * File format (text, UTF-8):
 *   #lantern-backup 1
 *   {"createdAt": "...", "migrations": N, "tables": [...]}
 *   #table <name>
 *   <COPY text-format rows; backslashes and newlines inside values are escaped by PostgreSQL>
 *   #end
 */
import fs from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { Connection } from "./client";

/** Parents before children, so restoring in this order satisfies every foreign key. */
export const BACKUP_TABLES = [
  "schools",
  "users",
  "sessions",
  "invitations",
  "classes",
  "enrollments",
  "assignments",
  "assignment_students",
  "lesson_progress",
  "quiz_answers",
  "activity_log",
  "playground_conversations",
  "playground_messages",
  "token_ledger",
  "signin_throttle",
  "app_meta",
  "active_streams",
] as const;

const MAGIC = "#lantern-backup 1";

export async function writeBackup(conn: Connection, file: string): Promise<{ tables: number; bytes: number }> {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const write = (s: string) => new Promise<void>((resolve, reject) => out.write(s, (e) => (e ? reject(e) : resolve())));
  await conn.sql.begin("isolation level repeatable read read only", async (tx) => {
    const [m] = await tx<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await write(`${MAGIC}\n${JSON.stringify({ createdAt: new Date().toISOString(), migrations: m?.n ?? 0, tables: BACKUP_TABLES })}\n`);
    for (const table of BACKUP_TABLES) {
      await write(`#table ${table}\n`);
      const stream = await tx.unsafe(`copy ${table} to stdout`).readable();
      for await (const chunk of stream) await write(chunk.toString());
      await write("#end\n");
    }
  });
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return { tables: BACKUP_TABLES.length, bytes: fs.statSync(file).size };
}

export async function restoreBackup(conn: Connection, file: string): Promise<{ rows: number }> {
  const sections = await readSections(file);
  let rows = 0;
  await conn.sql.begin(async (tx) => {
    await tx.unsafe(`truncate ${BACKUP_TABLES.join(", ")} restart identity cascade`);
    for (const table of BACKUP_TABLES) {
      const lines = sections.get(table) ?? [];
      if (lines.length === 0) continue;
      const sink = await tx.unsafe(`copy ${table} from stdin`).writable();
      await pipeline(Readable.from(lines.map((l) => l + "\n")), sink);
      rows += lines.length;
    }
    // bigserial ids continue after the restored rows
    await tx.unsafe(`select setval(pg_get_serial_sequence('activity_log', 'id'), coalesce((select max(id) from activity_log), 0) + 1, false)`);
  });
  return { rows };
}

async function readSections(file: string): Promise<Map<string, string[]>> {
  const input = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  const sections = new Map<string, string[]>();
  let lineNo = 0;
  let current: string[] | null = null;
  for await (const line of input) {
    lineNo++;
    if (lineNo === 1) {
      if (line !== MAGIC) throw new Error(`${file} is not a Lantern backup (first line: ${line.slice(0, 40)})`);
      continue;
    }
    if (lineNo === 2) continue; // header JSON
    if (line.startsWith("#table ")) {
      const name = line.slice(7);
      if (!(BACKUP_TABLES as readonly string[]).includes(name)) throw new Error(`${file}:${lineNo}: unknown table ${name}`);
      current = [];
      sections.set(name, current);
    } else if (line === "#end") {
      current = null;
    } else if (current) {
      current.push(line);
    } else {
      throw new Error(`${file}:${lineNo}: data outside a table section`);
    }
  }
  return sections;
}
