import { eq, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import type { SessionUser } from "~/utils/auth.server";
import { hashNewPassword, verifyNothing, verifyPassword } from "~/utils/password.server";
import { endOtherSessions } from "~/utils/session.server";
import { claimPasswordCheck, passwordCheckSucceeded } from "./signin-throttle.server";
import { normalizeUsername } from "./credentials";
import { consumeInvitation } from "./invitations.server";
import type { Locale } from "~/i18n/locales";
import { isFromThisComputer, type RequestFrom } from "~/utils/loopback";
import { isPublishedDemoPassword } from "./demo-school";

export type SignInResult =
  | { ok: true; userId: string; role: SessionUser["role"] }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; waitSeconds: number }
  | { ok: false; reason: "published_password"; role: SessionUser["role"] };

/**
 * Username (students) or email (teachers; stored as their username too) and password. The answer
 * for an unknown user and a wrong password is the same, and takes the same time. The attempt is
 * counted before the password is verified, so a burst is verified only as often as the throttle
 * allows. An account still using the published demo password signs in only from this computer
 * (loopback, by address and by the host name asked for).
 */
export async function signIn(login: string, password: string, from: RequestFrom): Promise<SignInResult> {
  const username = normalizeUsername(login);
  const clientAddress = from.address;
  const claim = await claimPasswordCheck(username, clientAddress);
  if (!claim.ok) return { ok: false, reason: "throttled", waitSeconds: claim.waitSeconds };
  const [user] = await db()
    .select({ id: users.id, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username))
    .limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyNothing(password);
  if (!user || !valid) return { ok: false, reason: "wrong" };
  await passwordCheckSucceeded(username, clientAddress);
  // The README prints the demo password: whoever knows it may sign in only at this computer,
  // until the account has a password of its own (decision 008).
  if (isPublishedDemoPassword(password) && !isFromThisComputer(from)) {
    return { ok: false, reason: "published_password", role: user.role };
  }
  return { ok: true, userId: user.id, role: user.role };
}

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "wrong_current" } | { ok: false; reason: "throttled"; waitSeconds: number };

/** The current password is checked under the same throttles as signing in: it is the same secret. */
export async function changePassword(
  user: SessionUser,
  current: string,
  next: string,
  clientAddress: string,
): Promise<ChangePasswordResult> {
  const claim = await claimPasswordCheck(user.username, clientAddress);
  if (!claim.ok) return { ok: false, reason: "throttled", waitSeconds: claim.waitSeconds };
  const [row] = await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.hash, current))) return { ok: false, reason: "wrong_current" };
  await passwordCheckSucceeded(user.username, clientAddress);
  const passwordHash = await hashNewPassword(next, user.role);
  // The new password and the end of every other session it replaces: both or neither.
  await transaction(async () => {
    await db().update(users).set({ passwordHash, passwordChangedAt: sql`now()` }).where(eq(users.id, user.id));
    await endOtherSessions(user.id, user.sessionId);
  });
  return { ok: true };
}

export async function setLocale(user: SessionUser, locale: Locale) {
  await db().update(users).set({ locale }).where(eq(users.id, user.id));
}

/**
 * A teacher account, unless the e-mail address already has one: then nothing changes, and the
 * caller answers exactly as if it had been created. The password is hashed either way, so the
 * two answers also take the same time (sign-up must not reveal who is registered). With an
 * invitation, the invitation is used up in the same transaction — whether or not the address was
 * new, so reusing it tells nothing either — and a failure leaves the link usable; false when
 * someone used the invitation first.
 */
export async function createTeacherIfNew(
  input: { schoolId: string; displayName: string; email: string; password: string; locale?: string | null },
  invitationId: string | null = null,
): Promise<boolean> {
  const passwordHash = await hashNewPassword(input.password, "teacher");
  return transaction(async () => {
    if (invitationId && !(await consumeInvitation(invitationId))) return false;
    await db()
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
      .onConflictDoNothing();
    return true;
  });
}

