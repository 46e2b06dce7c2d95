/**
 * Once per e2e run: the browser (scripts/chromium.ts), the Remix build (when app/ changed since
 * the last one — `npm test` has already built the course), and for each worker a fake Anthropic
 * API and the REAL Lantern server started as `npm start` would start it, with:
 *   - a fresh DATA_DIR in /tmp (its own embedded PostgreSQL, demo school seeded), or, when
 *     TEST_DATABASE_URL is set, a fresh database on that server (dropped afterwards);
 *   - ANTHROPIC_BASE_URL / ANTHROPIC_API_KEY pointing at the fake;
 *   - TRUST_PROXY=1, so the HSTS test can say "this came over HTTPS" with X-Forwarded-Proto.
 * Tests get their worker's base URL, database URL and fake's control URL through `inject()`
 * (tests/e2e/setup/context.ts).
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
import { buildServer, serverBuildIsStale, snapshotApp, startLanternServer } from "../../../scripts/harness/lantern-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** One per worker (see startStack); context.ts picks this file's. */
    e2eBaseUrls: string[];
    e2eDatabaseUrls: string[];
    e2eFakeControlUrls: string[];
    e2eChromium: ResolvedChromium;
  }
}

export default async function setup(project: TestProject) {
  // E2E_NO_BUILD=1 keeps the current build (handy while someone else's half-written route breaks it).
  if (process.env.E2E_NO_BUILD !== "1" && serverBuildIsStale()) {
    console.log("[e2e] app/ changed since the last build: running remix build…");
    buildServer();
  }

  // Once, before any test file: the first use unpacks Chromium (seconds), and one resolver
  // means parallel workers never race to unpack it.
  const started = Date.now();
  project.provide("e2eChromium", resolveChromium());
  console.log(`[e2e] Chromium ready in ${Date.now() - started} ms`);

  const app = snapshotApp();
  // One server (with its own database and fake Anthropic API) per vitest worker: two test files
  // run at once, each against a server no other file touches (context.ts picks it by
  // VITEST_POOL_ID), so no test sees another's classes, rate limits or scripted replies.
  const count = e2eWorkers(project);
  const stacks: Stack[] = [];
  try {
    for (const stack of await Promise.allSettled(Array.from({ length: count }, () => startStack(app.dir)))) {
      if (stack.status === "fulfilled") stacks.push(stack.value);
      else throw stack.reason;
    }
  } catch (error) {
    await Promise.all(stacks.map((stack) => stack.stop()));
    app.remove();
    throw error;
  }
  console.log(`[e2e] ${count} servers ready`);

  project.provide("e2eBaseUrls", stacks.map((stack) => stack.url));
  project.provide("e2eDatabaseUrls", stacks.map((stack) => stack.databaseUrl));
  project.provide("e2eFakeControlUrls", stacks.map((stack) => stack.controlUrl));

  return async () => {
    await Promise.all(stacks.map((stack) => stack.stop()));
    app.remove();
  };
}

/** As many servers as files can run at once (vitest's maxWorkers for this project). */
function e2eWorkers(project: TestProject): number {
  const workers = project.config.maxWorkers ?? project.vitest.config.maxWorkers;
  return typeof workers === "number" && workers > 0 ? workers : 1;
}

interface Stack {
  url: string;
  databaseUrl: string;
  controlUrl: string;
  stop(): Promise<void>;
}

/** The fake Anthropic API, a fresh database and the real server started as `npm start` would. */
async function startStack(appDir: string): Promise<Stack> {
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
      reportUnexpectedExit: true,
      cwd: appDir,
    });
  } catch (error) {
    await control.close();
    await fake.close();
    await cleanupStorage();
    throw error;
  }

  return {
    url: server.url,
    databaseUrl: server.databaseUrl,
    controlUrl: control.url,
    stop: async () => {
      await server.stop();
      await control.close();
      await fake.close();
      await cleanupStorage();
    },
  };
}
