/**
 * Once per test run: a PostgreSQL server (embedded, or TEST_DATABASE_URL's) and a template
 * database with every migration applied. Each test file then clones the template
 * (tests/setup/file-db.ts), which takes milliseconds instead of re-running migrations.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { connect } from "../../db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { adminUrlFor, databaseUrl } from "./db-urls";

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  let dataDir: string | null = null;
  if (!serverUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-test-"));
    fs.chmodSync(dataDir, 0o711);
    embedded = await startEmbeddedPostgres({
      dataDir,
      // Tests may lose data on a crash: skip fsync to keep the suite fast.
      settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off", max_connections: "300" },
    });
    serverUrl = embedded.url;
  }
  const templateDb = `lantern_tpl_${crypto.randomBytes(4).toString("hex")}`;
  const admin = connect(adminUrlFor(serverUrl), { max: 1 });
  await admin.sql.unsafe(`create database ${templateDb}`);
  const template = connect(databaseUrl(serverUrl, templateDb), { max: 1 });
  await runMigrations(template);
  await template.close();

  project.provide("dbServerUrl", serverUrl);
  project.provide("templateDb", templateDb);

  return async () => {
    // Drop every database this run made (files that crashed may have left theirs).
    const leftovers = await admin.sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${templateDb}%`} or datname like ${`t_${templateDb.slice(12)}_%`}`;
    for (const { datname } of leftovers) {
      await admin.sql.unsafe(`drop database if exists ${datname} with (force)`);
    }
    await admin.close();
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
