/**
 * The school's admin gives a teacher who has forgotten their password a new one (found in a
 * teacher's walk: a forgotten password was a dead end — no e-mail reset, and nobody could set
 * one). Lantern sends no e-mail by default, so the admin reads the temporary password to the
 * teacher, who changes it under Account; as with a student's, every session the old one opened ends.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { users } from "../../db/schema";
import type { SessionUser } from "~/utils/auth.server";
import { db, transaction } from "~/utils/db.server";
import { hashNewPassword } from "~/utils/password.server";
import { generateStaffPassword } from "./credentials";
import { clearAccountThrottles } from "./throttle.server";

/**
 * A new password for a teacher (or another admin) of the admin's school; null for anyone else —
 * a student (their teacher resets those), another school's staff, or the admin themself (they
 * know theirs and change it under Account).
 */
export async function resetStaffPassword(admin: SessionUser, staffId: string): Promise<{ displayName: string; password: string } | null> {
  const password = generateStaffPassword();
  const passwordHash = await hashNewPassword(password, "teacher");
  return transaction(async () => {
    const [changed] = await db()
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()` })
      .where(and(eq(users.id, staffId), eq(users.schoolId, admin.schoolId), inArray(users.role, ["teacher", "admin"]), ne(users.id, admin.id)))
      .returning({ username: users.username, displayName: users.displayName });
    if (!changed) return null;
    await db().execute(sql`delete from sessions where user_id = ${staffId}`);
    await clearAccountThrottles(changed.username);
    return { displayName: changed.displayName, password };
  });
}
