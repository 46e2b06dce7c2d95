/**
 * Once per e2e run: the browser (scripts/chromium.ts), the Remix build (when app/ changed since
 * the last one — `npm test` has already built the course), the fake Anthropic API, and the REAL
 * Lantern server started as `npm start` would start it, with:
 *   - a fresh DATA_DIR in /tmp (its own embedded PostgreSQL, demo school seeded), or, when
 *     TEST_DATABASE_URL is set, a fresh database on that server (dropped afterwards);
 *   - ANTHROPIC_BASE_URL / ANTHROPIC_API_KEY pointing at the fake;
 *   - TRUST_PROXY=1, so the HSTS test can say "this came over HTTPS" with X-Forwarded-Proto.
 * Tests get the base URL, the database URL and the fake's control URL through `inject()`.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { resolveChromium, type ResolvedChromium } from "../../../scripts/chromium";
import { startFakeAnthropic } from "../../../scripts/harness/fake-anthropic";
import { adminUrlFor, databaseUrl } from "../../setup/db-urls";
import { startFakeControl } from "./fake-control";
import { remixBuild, remixBuildIsStale, snapshotApp, startLanternServer } from "../../../scripts/harness/lantern-server";

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    e2eDatabaseUrl: string;
    e2eFakeControlUrl: string;
    e2eChromium: ResolvedChromium;
  }
}

export default async function setup(project: TestProject) {
  // E2E_NO_BUILD=1 keeps the current build (handy while someone else's half-written route breaks it).
  if (process.env.E2E_NO_BUILD !== "1" && remixBuildIsStale()) {
    console.log("[e2e] app/ changed since the last build: running remix build…");
    remixBuild();
  }

  // Once, before any test file: the first use unpacks Chromium (seconds), and one resolver
  // means parallel workers never race to unpack it.
  const started = Date.now();
  project.provide("e2eChromium", resolveChromium());
  console.log(`[e2e] Chromium ready in ${Date.now() - started} ms`);

  const app = snapshotApp();
  const fake = await startFakeAnthropic();
  const control = await startFakeControl(fake);

  let dataDir: string | undefined;
  let externalDb: { admin: postgres.Sql; name: string } | undefined;
  let dbUrl: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const name = `lantern_e2e_${crypto.randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrlFor(process.env.TEST_DATABASE_URL), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    externalDb = { admin, name };
    dbUrl = databaseUrl(process.env.TEST_DATABASE_URL, name);
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-e2e-"));
  }

  const cleanupStorage = async () => {
    if (externalDb) {
      await externalDb.admin.unsafe(`drop database if exists ${externalDb.name} with (force)`);
      await externalDb.admin.end();
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  let server;
  try {
    server = await startLanternServer({
      dataDir,
      databaseUrl: dbUrl,
      env: {
        ANTHROPIC_BASE_URL: fake.url,
        ANTHROPIC_API_KEY: fake.apiKey,
        TRUST_PROXY: "1",
        CLAUDE_TIMEOUT_MS: "10000",
      },
      echo: process.env.E2E_SERVER_LOG === "1",
      cwd: app.dir,
    });
  } catch (error) {
    await control.close();
    await fake.close();
    await cleanupStorage();
    app.remove();
    throw error;
  }

  project.provide("e2eBaseUrl", server.url);
  project.provide("e2eDatabaseUrl", server.databaseUrl);
  project.provide("e2eFakeControlUrl", control.url);

  return async () => {
    await server.stop();
    await control.close();
    await fake.close();
    await cleanupStorage();
    app.remove();
  };
}
