/**
 * Each integration test file gets its own database, cloned from the migrated template, and
 * registers it as the app's database. Dropped when the file ends.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { connect, type Connection } from "../../db/client";
import { registerDatabase } from "../../app/utils/db.server";
import { paceMiniModel } from "../../app/playground/mini-model.server";
import { adminUrlFor, databaseUrl } from "./db-urls";

// The offline model's replies arrive at once here (a suite that needs a reply still streaming
// paces it itself): see paceMiniModel.
paceMiniModel(0);

let admin: Connection | undefined;
let conn: Connection | undefined;
let name = "";

beforeAll(async () => {
  const serverUrl = inject("dbServerUrl");
  const template = inject("templateDb");
  name = `t_${template.slice(12)}_${crypto.randomBytes(4).toString("hex")}`;
  admin = connect(adminUrlFor(serverUrl), { max: 1 });
  await admin.sql.unsafe(`create database ${name} template ${template}`);
  conn = connect(databaseUrl(serverUrl, name), { max: 20 });
  registerDatabase(conn);
  process.env.LANTERN_TEST_DATABASE_URL = databaseUrl(serverUrl, name);
});

afterAll(async () => {
  registerDatabase(undefined);
  await conn?.close();
  await admin?.sql.unsafe(`drop database if exists ${name} with (force)`);
  await admin?.close();
});
