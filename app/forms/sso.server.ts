/** The admin's "Sign-in" form (server-only: keeps zod out of the browser). */
import { z } from "zod";
import { isLoopbackIssuer } from "~/utils/oidc-client.server";
import type { SsoSettingsInput } from "~/models/sso.server";
import { MAX_CHARS } from "~/utils/form-limits";

const domainList = z
  .string()
  .trim()
  .toLowerCase()
  .max(2000, "form.invalid")
  .transform((v) => [...new Set(v.split(/[\s,;，、]+/).map((d) => d.replace(/^@/, "")).filter(Boolean))])
  .pipe(z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "admin.sso.badDomain")).max(50, "form.invalid"));

const checkbox = z.literal("yes").optional().transform((v) => v === "yes");

/** https only; plain http only for a provider on this computer (decision 019). */
const issuerUrl = z
  .string()
  .trim()
  .max(500, "form.invalid")
  .refine((v) => URL.canParse(v), "admin.sso.badIssuer")
  .refine((v) => !URL.canParse(v) || new URL(v).protocol === "https:" || (new URL(v).protocol === "http:" && isLoopbackIssuer(v)), "admin.sso.httpsOnly")
  .transform((v) => v.replace(/\/+$/, ""));

export const SsoFormSchema = z
  .object({
    preset: z.enum(["google", "microsoft", "generic"], "form.invalid"),
    enabled: checkbox,
    label: z.string().trim().max(MAX_CHARS.ssoLabel, "form.invalid").optional().default(""),
    issuer: z.string().optional().default(""),
    tenant: z.string().trim().max(100, "form.invalid").optional().default(""),
    clientId: z.string().trim().min(1, "form.required").max(500, "form.invalid"),
    clientSecret: z.string().max(2000, "form.invalid").optional().default(""),
    allowedDomains: domainList.pipe(z.array(z.string()).min(1, "admin.sso.needDomain")),
    roleKind: z.enum(["group", "domain"], "form.invalid"),
    groupClaim: z.string().trim().max(100, "form.invalid").optional().default(""),
    teacherGroups: z.string().max(4000, "form.invalid").optional().default(""),
    teacherDomains: domainList.optional().default([]),
    teacherPasswordSignIn: checkbox,
  })
  .transform((f, ctx): SsoSettingsInput => {
    let issuer = f.issuer.trim();
    if (f.preset === "google") issuer = "https://accounts.google.com";
    if (f.preset === "microsoft") {
      if (!/^[A-Za-z0-9.-]{3,100}$/.test(f.tenant) || ["common", "organizations", "consumers"].includes(f.tenant.toLowerCase())) {
        ctx.addIssue({ code: "custom", path: ["tenant"], message: "admin.sso.badTenant" });
        return z.NEVER;
      }
      issuer = `https://login.microsoftonline.com/${f.tenant}/v2.0`;
    }
    const checked = issuerUrl.safeParse(issuer);
    if (!checked.success) {
      ctx.addIssue({ code: "custom", path: ["issuer"], message: checked.error.issues[0]!.message });
      return z.NEVER;
    }
    const teacherValues = f.teacherGroups.split(/[\n,;]+/).map((v) => v.trim()).filter(Boolean);
    if (f.roleKind === "group" && (!f.groupClaim || teacherValues.length === 0)) {
      ctx.addIssue({ code: "custom", path: ["teacherGroups"], message: "admin.sso.needGroups" });
      return z.NEVER;
    }
    if (f.roleKind === "domain" && f.teacherDomains.length === 0) {
      ctx.addIssue({ code: "custom", path: ["teacherDomains"], message: "admin.sso.needTeacherDomains" });
      return z.NEVER;
    }
    const defaults = { google: "Google", microsoft: "Microsoft", generic: "" };
    return {
      enabled: f.enabled,
      preset: f.preset,
      label: f.label || defaults[f.preset] || new URL(checked.data).hostname,
      issuer: checked.data,
      clientId: f.clientId,
      clientSecret: f.clientSecret,
      allowedDomains: f.allowedDomains,
      roleRule: f.roleKind === "group" ? { kind: "group", claim: f.groupClaim, teacherValues } : { kind: "domain", teacherDomains: f.teacherDomains },
      teacherPasswordSignIn: f.teacherPasswordSignIn,
    };
  });

export const SsoLinkSchema = z.object({ password: z.string().min(1, "form.required").max(200, "form.invalid") });

export const AdminLinkSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("link"),
    username: z.string().trim().toLowerCase().min(1, "form.required").max(200, "form.invalid"),
    email: z.email("auth.email.invalid").trim().toLowerCase().max(200, "auth.email.invalid"),
  }),
  z.object({ intent: z.literal("unlink"), email: z.string().trim().toLowerCase().min(1, "form.invalid").max(200, "form.invalid") }),
]);
