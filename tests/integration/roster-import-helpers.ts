/** For the roster import tests: the form posts as the browser sends them (multipart), and a class's students. */
import { eq } from "drizzle-orm";
import type { RosterImportView } from "../../app/forms/roster-import.server";
import type { action as classImport } from "../../app/routes/teach.classes.$classId.import";
import type { SessionUser } from "../../app/utils/auth.server";
import { db } from "../../app/utils/db.server";
import { enrollments, users } from "../../db/schema";
import { cookieFor } from "../factories";

export type ImportRoute = typeof classImport;
export type Preview = Extract<RosterImportView, { stage: "preview" }>;

/** A multipart form post to the class's or the school's import; a thrown Response (a 404) is its status, with no view. */
export async function postImport(route: ImportRoute, user: SessionUser, url: string, params: Record<string, string>, fields: Record<string, string | File | File[]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
  const request = new Request(`http://localhost${url}`, { method: "POST", headers: { Cookie: await cookieFor(user) }, body: form });
  try {
    const out = (await route({ request, params, context: { nonce: "n", clientAddress: "10.0.0.5" } })) as unknown as { data: RosterImportView; init: { status?: number } | null };
    return { status: out.init?.status ?? 200, view: out.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, view: null };
    throw thrown;
  }
}

/** The same, for a post that answers with a page (never a 404). */
export async function postForView(...args: Parameters<typeof postImport>): Promise<{ status: number; view: RosterImportView }> {
  const { status, view } = await postImport(...args);
  if (!view) throw new Error(`the import answered ${status} with no page`);
  return { status, view };
}

/** A class's students, by sourcedId then username. */
export async function classRoster(classId: string) {
  return db()
    .select({ displayName: users.displayName, username: users.username, sourceId: users.sourceId })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.studentId))
    .where(eq(enrollments.classId, classId))
    .orderBy(users.sourceId, users.username);
}
