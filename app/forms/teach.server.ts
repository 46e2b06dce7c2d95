/** Form schemas of the teacher's class pages (server-only: keeps zod out of the browser). */
import { z } from "zod";
import { plainName } from "~/utils/plain-name";
import { MAX_CHARS } from "~/utils/form-limits";

// shown to every student of the class and in exports: without unseen controls (plain-name.ts)
const ClassName = z.string().transform(plainName).pipe(z.string().min(1, "form.required").max(MAX_CHARS.className, "form.invalid"));
const LowScorePercent = z.coerce
  .number("teach.settings.lowScoreInvalid")
  .int("teach.settings.lowScoreInvalid")
  .min(1, "teach.settings.lowScoreInvalid")
  .max(100, "teach.settings.lowScoreInvalid");

/** The low-score input's min and max, read from the schema that checks it (the name's limit is MAX_CHARS). */
export const CLASS_FORM_LIMITS = {
  lowScorePercent: { min: LowScorePercent.minValue ?? undefined, max: LowScorePercent.maxValue ?? undefined },
};

export const NewClassSchema = z.object({ name: ClassName });

const uuid = z.uuid("form.invalid");

export const RosterActionSchema = z.discriminatedUnion("intent", [
  // allowRepeats: the teacher saw "Ada is already in this class" and chose to add another Ada
  z.object({ intent: z.literal("add"), names: z.string().max(10_000, "form.invalid"), allowRepeats: z.literal("yes").optional() }),
  z.object({ intent: z.literal("reset"), studentId: uuid }),
  z.object({ intent: z.literal("remove"), studentId: uuid }),
  z.object({ intent: z.literal("delete"), studentId: uuid, confirm: z.literal("yes", "teach.roster.confirmNeeded") }),
  z.object({ intent: z.literal("move"), studentId: uuid, toClassId: uuid }),
]);

export const ClassSettingsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), name: ClassName }),
  z.object({ intent: z.literal("join"), enabled: z.enum(["on", "off"]) }),
  z.object({ intent: z.literal("new-code") }),
  z.object({ intent: z.literal("archive"), archived: z.enum(["yes", "no"]) }),
  z.object({ intent: z.literal("low-score"), lowScorePercent: LowScorePercent }),
]);

/** Roster import: a preview of uploaded files or pasted text, then the confirm of that preview. */
export const RosterImportSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview"), pasted: z.string().max(1_000_000, "teach.import.problem.tooLarge").default("") }),
  z.object({ intent: z.literal("confirm"), token: z.string().min(1, "teach.import.expired").max(3_000_000, "teach.import.expired") }),
]);
