/** Form schemas of the admin pages (server-only: keeps zod out of the browser). */
import { z } from "zod";
import { plainName } from "~/utils/plain-name";
import { normalizePublicUrl } from "~/models/public-url.server";
import { isTimeZone } from "~/utils/time-zone";
import { MAX_CHARS } from "~/utils/form-limits";

const whole = (min: number, max: number) =>
  z.coerce.number("admin.settings.number").int("admin.settings.number").min(min, "admin.settings.range").max(max, "admin.settings.range");

export const SchoolSettingsSchema = z.object({
  name: z.string().transform(plainName).pipe(z.string().min(1, "form.required").max(MAX_CHARS.schoolSettingsName, "form.invalid")),
  transcriptRetentionDays: whole(1, 3650),
  defaultModels: z
    .union([z.string(), z.array(z.string())], "admin.settings.pickModel")
    .transform((v) => [v].flat())
    // A connection's model is "<uuid>/<its own id, up to 200 characters>", and every approved model
    // joins this list (a school server with 22 models, or one id of 64 characters, made the form
    // unsavable); the action then accepts only the models the school offers.
    .pipe(z.array(z.string().min(1).max(300)).min(1, "admin.settings.pickModel").max(500, "form.invalid")),
  defaultStudentDailyTokens: whole(0, 10_000_000),
  defaultClassDailyTokens: whole(0, 100_000_000),
  publicUrl: z
    .string()
    .max(MAX_CHARS.publicUrl, "admin.settings.publicUrlInvalid")
    .transform((v, ctx) => {
      const origin = normalizePublicUrl(v);
      if (!origin) ctx.addIssue({ code: "custom", message: "admin.settings.publicUrlInvalid" });
      return origin ?? "";
    })
    .optional(),
  // optional: a form from before the setting existed leaves the saved zone alone
  timeZone: z.string().trim().refine(isTimeZone, "admin.settings.timeZoneInvalid").optional(),
});

export const InvitationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), note: z.string().trim().max(MAX_CHARS.inviteNote, "admin.invite.noteTooLong").optional() }),
  z.object({ intent: z.literal("revoke"), invitationId: z.uuid("form.invalid") }),
  z.object({ intent: z.literal("reset"), teacherId: z.uuid("form.invalid") }),
]);


/** The admin's actions on one student's account (any class of the school). */
export const AdminStudentActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reset"), studentId: z.uuid("form.invalid") }),
  z.object({ intent: z.literal("delete"), studentId: z.uuid("form.invalid"), confirm: z.literal("yes", "teach.roster.confirmNeeded") }),
]);

/** Removing the demo data is for good: the admin ticks a box first. */
export const RemoveDemoSchema = z.object({
  intent: z.literal("remove-demo"),
  confirm: z.literal("yes", "teach.roster.confirmNeeded"),
});
