/**
 * Consistent backups without pg_dump (the embedded package ships only initdb, pg_ctl and
 * postgres): every table is read inside ONE repeatable-read, read-only transaction, so the file
 * is a single snapshot even while the app keeps writing. Rows are written as JSON lines
 * (row_to_json) through a cursor, so memory stays flat whatever the size. Restore truncates every
 * table and inserts the rows back in foreign-key order with json_populate_recordset, in one
 * transaction: all or nothing.
 *
 * (COPY TO STDOUT was tried first; the driver's copy stream stalled on larger tables inside a
 * transaction, and JSON lines are easier to inspect and stay valid across column additions.)
 *
 * File format (UTF-8):
 *   #lantern-backup 3      (version 2, without model connections, sign-in identities and alert
 *                           history, is still restored: those tables are left empty, and said so)
 *   {"createdAt": "...", "migrations": N, "tables": [...]}
 *   #table <name>
 *   {one row as JSON}
 *   #end
 */
import fs from "node:fs";
import readline from "node:readline";
import type { Connection } from "./client";

/** Parents before children, so restoring in this order satisfies every foreign key. */
export const BACKUP_TABLES = [
  "schools",
  "model_connections",
  "sso_logins",
  "users",
  "sso_identities",
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
  // the safeguarding audit trail: who opened, handled or reopened each alert, with their notes
  "flag_events",
  "token_ledger",
  "throttles",
  "app_meta",
  "active_streams",
] as const;

/**
 * Tables a backup leaves out, each with its reason; a test checks that every table of the schema
 * is in one list or the other, so a table added later cannot be forgotten (model connections, sign-in
 * identities and the safeguarding audit trail once were, and a restore emptied them).
 */
export const NOT_BACKED_UP: Record<string, string> = {
  request_rates: "per-minute widget and model budgets: a minute's counts, worthless after it",
};

/** Tables a version-2 backup (before model connections, sign-in identities and alert history were kept) lacks. */
const NEW_IN_VERSION_3 = ["model_connections", "sso_logins", "sso_identities", "flag_events"];

const MAGIC = "#lantern-backup 3";
const MAGIC_V2 = "#lantern-backup 2";
const BATCH = 500;

export async function writeBackup(conn: Connection, file: string): Promise<{ tables: number; bytes: number }> {
  // Written beside the file and renamed when whole: a backup cut short (a full disk, a kill)
  // leaves no file that looks like a backup.
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const write = (s: string) => new Promise<void>((resolve, reject) => out.write(s, (e) => (e ? reject(e) : resolve())));
  try {
    await conn.sql.begin("isolation level repeatable read read only", async (tx) => {
      const [m] = await tx<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
      await write(`${MAGIC}\n${JSON.stringify({ createdAt: new Date().toISOString(), migrations: m?.n ?? 0, tables: BACKUP_TABLES })}\n`);
      for (const table of BACKUP_TABLES) {
        await write(`#table ${table}\n`);
        const cursor = tx.unsafe<{ row: string }[]>(`select row_to_json(t)::text as row from ${table} t`).cursor(BATCH);
        for await (const rows of cursor) await write(rows.map((r) => r.row + "\n").join(""));
        await write("#end\n");
      }
    });
  } catch (error) {
    await new Promise<void>((resolve) => out.end(() => resolve()));
    fs.rmSync(partial, { force: true });
    throw error;
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  fs.renameSync(partial, file);
  return { tables: BACKUP_TABLES.length, bytes: fs.statSync(file).size };
}

/**
 * `missing`: tables the file could not hold (a backup made before they were kept), which the
 * restore leaves empty — the caller tells the admin.
 */
export async function restoreBackup(conn: Connection, file: string): Promise<{ rows: number; missing: string[] }> {
  const { sections, missing } = await readSections(file);
  let rows = 0;
  await conn.sql.begin(async (tx) => {
    await tx.unsafe(`truncate ${BACKUP_TABLES.join(", ")} restart identity cascade`);
    for (const table of BACKUP_TABLES) {
      const lines = sections.get(table) ?? [];
      for (let i = 0; i < lines.length; i += BATCH) {
        const batch = `[${lines.slice(i, i + BATCH).join(",")}]`;
        // Only the columns the rows hold: a column added after the backup takes its default (a
        // backup from before a NOT NULL column with a default failed with a null in it)
        const columns = Object.keys(JSON.parse(lines[i]!) as Record<string, unknown>).map((c) => `"${c.replace(/"/g, '""')}"`).join(", ");
        await tx.unsafe(`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1::json)`, [batch]);
      }
      rows += lines.length;
    }
    // bigserial ids (the activity log, alert history) continue after the restored rows
    const serial = await tx<{ table: string }[]>`
      select table_name as table from information_schema.columns
       where table_schema = current_schema() and column_name = 'id' and column_default like 'nextval(%'`;
    for (const { table } of serial) {
      if (!(BACKUP_TABLES as readonly string[]).includes(table)) continue;
      await tx.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`);
    }
  });
  return { rows, missing };
}

async function readSections(file: string): Promise<{ sections: Map<string, string[]>; missing: string[] }> {
  const input = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  const sections = new Map<string, string[]>();
  let missing: string[] = [];
  let lineNo = 0;
  let current: string[] | null = null;
  for await (const line of input) {
    lineNo++;
    if (lineNo === 1) {
      if (line === MAGIC_V2) missing = NEW_IN_VERSION_3;
      else if (line !== MAGIC) throw new Error(`${file} is not a Lantern backup (first line: ${line.slice(0, 40)})`);
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
    } else if (current && line.startsWith("{")) {
      current.push(line);
    } else {
      throw new Error(`${file}:${lineNo}: not a row of a table section`);
    }
  }
  // A file cut short (a full disk, a killed backup) is refused, not restored as far as it goes:
  // every table after the cut would be left empty without a word.
  if (current !== null || lineNo < 2) throw new Error(`${file} is cut short: its last table has no end`);
  const expected = (BACKUP_TABLES as readonly string[]).filter((t) => !missing.includes(t));
  const absent = expected.filter((t) => !sections.has(t));
  if (absent.length > 0) throw new Error(`${file} is cut short or incomplete: no ${absent.join(", ")}`);
  return { sections, missing };
}
