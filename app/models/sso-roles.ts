import type { SsoRoleRule } from "../../db/schema";

/**
 * Teacher or student from the provider's claims (an admin is never made by SSO). A group claim
 * may be a list (Entra ID's groups, Keycloak's groups) or one string; anyone not matched is a student.
 */
export function roleFrom(claims: Record<string, unknown>, domain: string, rule: SsoRoleRule): "teacher" | "student" {
  if (rule.kind === "domain") return rule.teacherDomains.includes(domain) ? "teacher" : "student";
  const value = claims[rule.claim];
  const values = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
  return values.some((v) => rule.teacherValues.includes(v)) ? "teacher" : "student";
}
