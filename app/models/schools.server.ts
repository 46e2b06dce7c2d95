import { count, eq } from "drizzle-orm";
import { schools, users, type SchoolSettings } from "../../db/schema";
import { db, transaction } from "~/utils/db.server";
import { oncePerRequest } from "~/utils/request-scope.server";
import type { SessionUser } from "~/utils/auth.server";
import { defaultSchoolSettings } from "./defaults.server";
import { hashNewPassword } from "~/utils/password.server";

export async function countSchools(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(schools);
  return row?.n ?? 0;
}

/** The first account of an empty installation: a school and its admin. */
export async function createSchoolWithAdmin(input: {
  schoolName: string;
  displayName: string;
  email: string;
  password: string;
  locale?: string | null;
  /** Where this admin reached the server: the default public address (see public-url.server.ts). */
  publicUrl?: string | null;
}) {
  const passwordHash = await hashNewPassword(input.password, "admin");
  return transaction(async () => {
    const tx = db();
    const [school] = await tx
      .insert(schools)
      .values({ name: input.schoolName, settings: { ...defaultSchoolSettings(), ...(input.publicUrl ? { publicUrl: input.publicUrl } : {}) } })
      .returning();
    const [admin] = await tx
      .insert(users)
      .values({
        schoolId: school!.id,
        role: "admin",
        username: input.email.toLowerCase(),
        email: input.email.toLowerCase(),
        displayName: input.displayName,
        passwordHash,
        locale: input.locale ?? null,
      })
      .returning();
    return { school: school!, admin: admin! };
  });
}

/** The only school on a single-school server (teachers signing up openly join it). */
export async function firstSchool() {
  const [school] = await db().select().from(schools).orderBy(schools.createdAt).limit(1);
  return school ?? null;
}

/** The school's settings, with defaults for what it never set; read once per page however many loaders ask. */
export function getSchoolSettings(user: Pick<SessionUser, "schoolId">): Promise<SchoolSettings> {
  return oncePerRequest(`school-settings:${user.schoolId}`, () => readSchoolSettings(user.schoolId));
}

/** The settings as stored now, never a page's remembered copy: for what is written back built on them. */
export async function readSchoolSettings(schoolId: string): Promise<SchoolSettings> {
  const [row] = await db().select({ settings: schools.settings }).from(schools).where(eq(schools.id, schoolId));
  return { ...defaultSchoolSettings(), ...(row?.settings ?? {}) };
}

export async function getSchool(user: Pick<SessionUser, "schoolId">) {
  const [row] = await db().select().from(schools).where(eq(schools.id, user.schoolId));
  return row ?? null;
}

/**
 * Changes the school's settings from what is stored now: the row is locked while `change` reads it,
 * so two admins saving at once (the models page adding a model to the defaults while the settings
 * page saves the time zone) each keep the other's change instead of writing back a copy read
 * before it. `change` returns the fields to replace (an empty patch writes nothing).
 */
export async function changeSchoolSettings(
  schoolId: string,
  change: (current: SchoolSettings) => Partial<SchoolSettings> & { name?: string },
): Promise<void> {
  await transaction(async () => {
    const [row] = await db().select({ settings: schools.settings }).from(schools).where(eq(schools.id, schoolId)).for("update");
    if (!row) return;
    const current = { ...defaultSchoolSettings(), ...row.settings };
    const { name, ...patch } = change(current);
    if (!name && Object.keys(patch).length === 0) return;
    await db()
      .update(schools)
      .set({ settings: { ...current, ...patch }, ...(name ? { name } : {}) })
      .where(eq(schools.id, schoolId));
  });
}

export async function updateSchoolSettings(admin: SessionUser, patch: Partial<SchoolSettings> & { name?: string }) {
  await changeSchoolSettings(admin.schoolId, () => patch);
}
