import { and, eq, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { hashPassword, verifyNothing, verifyPassword } from "~/utils/password.server";
import { endOtherSessions } from "~/utils/session.server";
import { clearAccount, lockedMinutes, recordFailure } from "./signin-throttle.server";
import { normalizeUsername } from "./credentials";
import { consumeInvitation } from "./invitations.server";
import type { Locale } from "~/i18n/locales";

export type SignInResult =
  | { ok: true; userId: string; role: SessionUser["role"] }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "locked"; minutes: number };

/**
 * Username (students) or email (teachers; stored as their username too) and password. The answer
 * for an unknown user and a wrong password is the same, and takes the same time.
 */
export async function signIn(login: string, password: string, clientAddress: string): Promise<SignInResult> {
  const username = normalizeUsername(login);
  const keys = [
    { kind: "account" as const, value: username },
    { kind: "address" as const, value: clientAddress },
  ];
  const minutes = await lockedMinutes(keys);
  if (minutes > 0) return { ok: false, reason: "locked", minutes };
  const [user] = await db()
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username))
    .limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyNothing(password);
  if (!user || !valid) {
    await recordFailure(keys);
    return { ok: false, reason: "wrong" };
  }
  await clearAccount(username);
  return { ok: true, userId: user.id, role: user.role };
}

export async function changePassword(
  user: SessionUser,
  current: string,
  next: string,
): Promise<"ok" | "wrong_current"> {
  const [row] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.hash, current))) return "wrong_current";
  const passwordHash = await hashPassword(next);
  // The new password and the end of every other session it replaces: both or neither.
  await transaction(async () => {
    await db().update(users).set({ passwordHash, passwordChangedAt: sql`now()` }).where(eq(users.id, user.id));
    await endOtherSessions(user.id, user.sessionId);
  });
  return "ok";
}

export async function setLocale(user: SessionUser, locale: Locale) {
  await db().update(users).set({ locale }).where(eq(users.id, user.id));
}

export async function usernameTaken(username: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, normalizeUsername(username)))
    .limit(1);
  return Boolean(row);
}

export interface NewTeacher {
  schoolId: string;
  displayName: string;
  email: string;
  password: string;
  locale?: string | null;
}

/**
 * A teacher signing up: with an invitation, the invitation is used up and the account created
 * in one transaction (a failure leaves the link usable); null when someone used it first.
 */
export async function createTeacher(input: NewTeacher, invitationId: string | null = null): Promise<{ id: string } | null> {
  const passwordHash = await hashPassword(input.password);
  return transaction(async () => {
    if (invitationId && !(await consumeInvitation(invitationId))) return null;
    const [row] = await db()
      .insert(users)
      .values({
        schoolId: input.schoolId,
        role: "teacher",
        username: input.email.toLowerCase(),
        email: input.email.toLowerCase(),
        displayName: input.displayName,
        passwordHash,
        locale: input.locale ?? null,
      })
      .returning({ id: users.id });
    return row!;
  });
}

export async function getUserInSchool(actor: SessionUser, userId: string) {
  const [row] = await db()
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.schoolId, actor.schoolId)));
  return row ?? null;
}
