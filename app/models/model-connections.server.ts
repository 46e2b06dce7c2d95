/**
 * A school's model connections (admin pages) and the approved models its classes may use.
 * Every query takes the acting user and stays inside their school. API keys go in sealed and come
 * out only through connectionSecret() for the provider; the page view carries the last 4 characters.
 */
import { and, asc, eq } from "drizzle-orm";
import { modelConnections, users, type ConnectionModel } from "../../db/schema";
import { toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { seal, unseal } from "~/utils/secret-box.server";

type Actor = Pick<SessionUser, "id" | "schoolId">;
export type ConnectionKind = (typeof modelConnections.$inferSelect)["kind"];

/** What the admin page may show: never the key, only whether one is set and its last 4 characters. */
export interface ConnectionView {
  id: string;
  name: string;
  kind: ConnectionKind;
  baseUrl: string;
  keyHint: string | null;
  enabled: boolean;
  models: ConnectionModel[];
  updatedAt: string;
}

export interface ConnectionInput {
  name: string;
  kind: ConnectionKind;
  baseUrl: string;
  /** null: keep the saved key; "": remove it. */
  apiKey: string | null;
  models: Omit<ConnectionModel, "approvedBy" | "approvedAt">[];
}

function view(row: typeof modelConnections.$inferSelect): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    keyHint: row.apiKeyHint,
    enabled: row.enabled,
    models: row.models,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listConnections(actor: Actor): Promise<ConnectionView[]> {
  const rows = await db()
    .select()
    .from(modelConnections)
    .where(eq(modelConnections.schoolId, actor.schoolId))
    .orderBy(asc(modelConnections.createdAt));
  return rows.map(view);
}

export async function getConnection(actor: Actor, id: string): Promise<ConnectionView | null> {
  if (!isUuid(id)) return null;
  const [row] = await db()
    .select()
    .from(modelConnections)
    .where(and(eq(modelConnections.id, id), eq(modelConnections.schoolId, actor.schoolId)));
  return row ? view(row) : null;
}

/** The connection's plain key for the SDK (server only), or "" when none is set or it cannot be opened. */
export async function connectionSecret(actor: Pick<SessionUser, "schoolId">, id: string): Promise<string> {
  if (!isUuid(id)) return "";
  const [row] = await db()
    .select({ sealed: modelConnections.apiKeySealed })
    .from(modelConnections)
    .where(and(eq(modelConnections.id, id), eq(modelConnections.schoolId, actor.schoolId)));
  return row?.sealed ? (unseal(row.sealed, "model-connection-key") ?? "") : "";
}

/** Keeps who approved a model and when, unless its approval changes now. */
function stampApprovals(actor: Actor, next: ConnectionInput["models"], before: ConnectionModel[]): ConnectionModel[] {
  const now = new Date().toISOString();
  return next.map((m) => {
    const old = before.find((b) => b.id === m.id);
    if (!m.approved) return { ...m, approvedBy: null, approvedAt: null };
    if (old?.approved) return { ...m, approvedBy: old.approvedBy, approvedAt: old.approvedAt };
    return { ...m, approvedBy: actor.id, approvedAt: now };
  });
}

function keyFields(apiKey: string | null) {
  if (apiKey === null) return {};
  const key = apiKey.trim();
  return key ? { apiKeySealed: seal(key, "model-connection-key"), apiKeyHint: key.slice(-4) } : { apiKeySealed: null, apiKeyHint: null };
}

export async function createConnection(actor: Actor, input: ConnectionInput): Promise<ConnectionView> {
  const [row] = await db()
    .insert(modelConnections)
    .values({
      schoolId: actor.schoolId,
      name: input.name,
      kind: input.kind,
      baseUrl: input.baseUrl,
      models: stampApprovals(actor, input.models, []),
      ...keyFields(input.apiKey),
    })
    .returning();
  return view(row!);
}

export async function updateConnection(actor: Actor, id: string, input: ConnectionInput): Promise<ConnectionView | null> {
  const current = await getConnection(actor, id);
  if (!current) return null;
  const [row] = await db()
    .update(modelConnections)
    .set({
      name: input.name,
      kind: input.kind,
      baseUrl: input.baseUrl,
      models: stampApprovals(actor, input.models, current.models),
      ...keyFields(input.apiKey),
      updatedAt: new Date(),
    })
    .where(and(eq(modelConnections.id, id), eq(modelConnections.schoolId, actor.schoolId)))
    .returning();
  return row ? view(row) : null;
}

export async function setConnectionEnabled(actor: Actor, id: string, enabled: boolean): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db()
    .update(modelConnections)
    .set({ enabled, updatedAt: new Date() })
    .where(and(eq(modelConnections.id, id), eq(modelConnections.schoolId, actor.schoolId)))
    .returning({ id: modelConnections.id });
  return rows.length > 0;
}

export async function removeConnection(actor: Actor, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db()
    .delete(modelConnections)
    .where(and(eq(modelConnections.id, id), eq(modelConnections.schoolId, actor.schoolId)))
    .returning({ id: modelConnections.id });
  return rows.length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * The school's approved-tools list (China's 2025 guidance asks schools to keep one): every model
 * of every connection with where it runs, whether it is approved, by whom and when. Never the key.
 */
export async function approvedListCsv(actor: Actor, header: string[]): Promise<string> {
  const [connections, staff] = await Promise.all([
    listConnections(actor),
    db().select({ id: users.id, name: users.displayName }).from(users).where(eq(users.schoolId, actor.schoolId)),
  ]);
  const nameOf = (id: string | null) => (id ? (staff.find((u) => u.id === id)?.name ?? "") : "");
  const rows = connections.flatMap((c) =>
    c.models.map((m) => [
      c.name,
      c.kind,
      c.baseUrl,
      c.enabled ? "yes" : "no",
      m.id,
      m.displayName,
      String(m.contextWindow),
      m.approved ? "yes" : "no",
      nameOf(m.approvedBy),
      m.approvedAt ?? "",
    ]),
  );
  return toCsv([header, ...rows]);
}
