/**
 * Form schemas of the sign-in, sign-up, join and account pages. In a *.server.ts file so that
 * zod (≈90 KB gzipped) never reaches the browser bundle: a schema defined in a route module
 * would be kept there, as the compiler cannot prove z.object() has no side effects.
 */
import { z } from "zod";
import { plainName } from "~/utils/plain-name";
import { LOCALES } from "~/i18n/locales";
import { normalizeUsername, USERNAME_PATTERN } from "~/models/credentials";
import { passwordProblem } from "~/utils/password.server";
import { PASSWORD_PROBLEM_KEYS } from "~/utils/password-rules";
import { MAX_CHARS } from "~/utils/form-limits";

/** A new password, held to the rules for this role (length, common and patterned passwords). */
const newPassword = (role: "student" | "teacher" | "admin") =>
  z
    .string()
    .min(1, "form.required")
    .superRefine((password, ctx) => {
      const problem = passwordProblem(password, role);
      if (problem) ctx.addIssue({ code: "custom", message: PASSWORD_PROBLEM_KEYS[problem] });
    });

/**
 * "This is a shared computer": a checkbox, present only when ticked. Any other value is an unticked
 * box, not a form error: no field shows it, so a refusal would be a page with no message.
 */
const sharedComputer = z.unknown().optional().transform((v) => v === "yes");

export const SignInSchema = z.object({
  login: z.string().trim().min(1, "form.required").max(200, "form.invalid"),
  password: z.string().min(1, "form.required").max(200, "form.invalid"),
  shared: sharedComputer,
});

export const TeacherSignUpSchema = z.object({
  displayName: z.string().transform(plainName).pipe(z.string().min(1, "form.required").max(MAX_CHARS.teacherName, "form.invalid")),
  email: z.email("auth.email.invalid").trim().toLowerCase().max(200, "auth.email.invalid"),
  password: newPassword("teacher"),
  schoolName: z.string().transform(plainName).pipe(z.string().max(MAX_CHARS.schoolName, "form.invalid")).optional(),
});

/** The server's first account names the school too. */
export const FirstAdminSignUpSchema = TeacherSignUpSchema.extend({
  schoolName: z.string().transform(plainName).pipe(z.string().min(1, "form.required").max(MAX_CHARS.schoolName, "form.invalid")),
});

export const JoinSchema = z.object({
  displayName: z.string().transform(plainName).pipe(z.string().min(1, "form.required").max(MAX_CHARS.joinName, "form.invalid")),
  // as sign-in reads it: full-width letters (a Chinese keyboard's full-width mode) are the same name
  username: z.string().transform(normalizeUsername).pipe(z.string().regex(USERNAME_PATTERN, "auth.username.invalid")),
  password: newPassword("student"),
  shared: sharedComputer,
});

export const LanguageSchema = z.object({ intent: z.literal("language"), locale: z.enum(LOCALES) });

export const passwordChangeSchema = (role: "student" | "teacher" | "admin") =>
  z.object({
    intent: z.literal("password"),
    current: z.string().min(1, "form.required").max(200, "form.invalid"),
    next: newPassword(role),
  });
