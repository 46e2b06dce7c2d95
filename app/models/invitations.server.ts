/**
 * Teacher invitations (TEACHER_SIGNUP=invite, the default): an admin makes a link; whoever opens
 * it within 14 days can sign up once as a teacher of that school. Only the token's hash is stored.
 */
import crypto from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { invitations } from "../../db/schema";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import type { SessionUser } from "~/utils/auth.server";
import { hashToken } from "~/utils/session.server";

const VALID_DAYS = 14;

export async function createInvitation(admin: SessionUser, note: string | null): Promise<{ token: string }> {
  const token = crypto.randomBytes(24).toString("base64url");
  await db()
    .insert(invitations)
    .values({
      schoolId: admin.schoolId,
      tokenHash: hashToken(token),
      note,
      createdBy: admin.id,
      expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000),
    });
  return { token };
}

export async function listInvitations(admin: SessionUser) {
  return db()
    .select({
      id: invitations.id,
      note: invitations.note,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
    })
    .from(invitations)
    .where(eq(invitations.schoolId, admin.schoolId))
    .orderBy(desc(invitations.createdAt));
}

/** Deletes an unused invitation of the admin's school; anything else is a 404. */
export async function revokeInvitation(admin: SessionUser, invitationId: string) {
  const deleted = await db()
    .delete(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.schoolId, admin.schoolId), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  if (deleted.length === 0) notFound();
}

/** The school an unused, unexpired invitation token admits to, or null. */
export async function findOpenInvitation(token: string) {
  if (!token || token.length > 100) return null;
  const [row] = await db()
    .select({ id: invitations.id, schoolId: invitations.schoolId })
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, sql`now()`)));
  return row ?? null;
}

/** Marks it used; false when someone else used it first (two sign-ups racing on one link). */
export async function consumeInvitation(invitationId: string): Promise<boolean> {
  const rows = await db()
    .update(invitations)
    .set({ usedAt: sql`now()` })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}
