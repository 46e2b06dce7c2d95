/** The admin's safeguarding form (server-only: keeps zod out of the browser). */
import { z } from "zod";
import type { SafeguardingSettings } from "../../db/schema";

const text = (max: number) => z.string().trim().max(max, "form.invalid").default("");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());
const email = z
  .string()
  .trim()
  .max(254, "safeguarding.settings.emailInvalid")
  .refine((v) => v === "" || z.email().safeParse(v).success, "safeguarding.settings.emailInvalid")
  .default("");

export const SafeguardingFormSchema = z
  .object({
    helpContact: text(200),
    helpLine: text(200),
    sendCrisisToModel: checkbox,
    leadName: text(100),
    leadEmail: email,
    emailAlerts: checkbox,
    smtpHost: z.string().trim().max(253, "form.invalid").regex(/^[A-Za-z0-9.\-:[\]]*$/, "form.invalid").default(""),
    smtpPort: z.preprocess((v) => (v === "" || v === undefined ? 587 : v), z.coerce.number("admin.settings.number").int("admin.settings.number").min(1, "admin.settings.range").max(65535, "admin.settings.range")),
    smtpSecurity: z.enum(["starttls", "tls", "none"], "form.invalid").default("starttls"),
    smtpUser: text(200),
    smtpPassword: z.string().max(500, "form.invalid").default(""),
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
        password: form.smtpPassword || current.smtp?.password || "",
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
