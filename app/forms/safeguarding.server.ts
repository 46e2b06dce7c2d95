/**
 * Safeguarding forms (server-only: keeps zod out of the browser): the admin's settings, an adult
 * marking an alert handled, and a teacher's decision on a flagged message.
 */
import { z } from "zod";
import type { SafeguardingSettings } from "../../db/schema";
import { FLAG_DECISIONS } from "~/models/flags.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { openSmtpPassword, sealSmtpPassword } from "~/utils/mail.server";

/** "Mark handled" on a safeguarding alert: a note is required. */
export const HandleAlertSchema = z.object({
  messageId: z.uuid("form.invalid"),
  note: z.string().trim().min(1, "safeguarding.alert.noteRequired").max(MAX_CHARS.safeguardingNote, "safeguarding.alert.noteRequired"),
});

export const FlagDecisionSchema = z.object({
  messageId: z.uuid("form.invalid"),
  decision: z.enum(FLAG_DECISIONS, "form.invalid"),
});

const text = (max: number) => z.string().trim().max(max, "form.invalid").default("");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());
const email = z
  .string()
  .trim()
  .max(MAX_CHARS.email, "safeguarding.settings.emailInvalid")
  .refine((v) => v === "" || z.email().safeParse(v).success, "safeguarding.settings.emailInvalid")
  .default("");

export const SafeguardingFormSchema = z
  .object({
    helpContact: text(MAX_CHARS.helpContact),
    helpLine: text(MAX_CHARS.helpLine),
    sendCrisisToModel: checkbox,
    leadName: text(MAX_CHARS.leadName),
    leadEmail: email,
    emailAlerts: checkbox,
    smtpHost: z.string().trim().max(MAX_CHARS.smtpHost, "form.invalid").regex(/^[A-Za-z0-9.\-:[\]]*$/, "form.invalid").default(""),
    smtpPort: z.preprocess((v) => (v === "" || v === undefined ? 587 : v), z.coerce.number("admin.settings.number").int("admin.settings.number").min(1, "admin.settings.range").max(65535, "admin.settings.range")),
    smtpSecurity: z.enum(["starttls", "tls", "none"], "form.invalid").default("starttls"),
    smtpUser: text(MAX_CHARS.smtpUser),
    smtpPassword: z.string().max(MAX_CHARS.smtpPassword, "form.invalid").default(""),
    smtpFrom: email,
  })
  .superRefine((v, ctx) => {
    if (v.emailAlerts && (!v.smtpHost || !v.smtpFrom)) {
      ctx.addIssue({ code: "custom", path: [v.smtpHost ? "smtpFrom" : "smtpHost"], message: "safeguarding.settings.needsSmtp" });
    }
  });

/** The form's values as settings; an empty password field keeps the saved password. */
export function safeguardingFromForm(
  form: z.infer<typeof SafeguardingFormSchema>,
  current: SafeguardingSettings,
): SafeguardingSettings {
  const smtp = form.smtpHost
    ? {
        host: form.smtpHost,
        port: form.smtpPort,
        security: form.smtpSecurity,
        user: form.smtpUser,
        // sealed: a database dump or backup alone reveals no secret (a plain one saved before is sealed now)
        password: sealSmtpPassword(form.smtpPassword || openSmtpPassword(current.smtp?.password ?? "")),
        from: form.smtpFrom,
      }
    : null;
  return {
    helpContact: form.helpContact,
    helpLine: form.helpLine,
    sendCrisisToModel: form.sendCrisisToModel,
    leadName: form.leadName,
    leadEmail: form.leadEmail,
    emailAlerts: form.emailAlerts,
    smtp,
  };
}

/** What the settings page may show: never the password itself. */
export function safeguardingForPage(s: SafeguardingSettings) {
  const { smtp, ...rest } = s;
  return {
    ...rest,
    smtp: smtp ? { host: smtp.host, port: smtp.port, security: smtp.security, user: smtp.user, from: smtp.from, passwordSet: smtp.password !== "" } : null,
  };
}
