/**
 * Which teacher sign-up this request may make: the first account of an empty server (its admin),
 * one admitted by an invitation link, an open sign-up (TEACHER_SIGNUP=open), or none.
 */
import { eq } from "drizzle-orm";
import { schools } from "../../db/schema";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { findOpenInvitation } from "./invitations.server";
import { countSchools, firstSchool } from "./schools.server";

type Mode =
  | { kind: "first" }
  | { kind: "invite"; schoolId: string; schoolName: string; invitationId: string }
  | { kind: "open"; schoolId: string }
  | { kind: "closed"; badInvite: boolean };

export async function signupMode(request: Request): Promise<Mode> {
  if ((await countSchools()) === 0) return { kind: "first" };
  const token = new URL(request.url).searchParams.get("invite");
  if (token) {
    const invitation = await findOpenInvitation(token);
    if (!invitation) return { kind: "closed", badInvite: true };
    const [school] = await db().select({ name: schools.name }).from(schools).where(eq(schools.id, invitation.schoolId));
    return { kind: "invite", schoolId: invitation.schoolId, schoolName: school?.name ?? "", invitationId: invitation.id };
  }
  if (env().TEACHER_SIGNUP === "open") {
    const school = await firstSchool();
    if (school) return { kind: "open", schoolId: school.id };
  }
  return { kind: "closed", badInvite: false };
}


