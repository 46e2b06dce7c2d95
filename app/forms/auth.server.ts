/**
 * Form schemas of the sign-in, sign-up, join and account pages. In a *.server.ts file so that
 * zod (≈90 KB gzipped) never reaches the browser bundle: a schema defined in a route module
 * would be kept there, as the compiler cannot prove z.object() has no side effects.
 */
import { z } from "zod";
import { LOCALES } from "~/i18n/locales";
import { USERNAME_PATTERN } from "~/models/credentials";

export const SignInSchema = z.object({
  login: z.string().trim().min(1, "form.required").max(200, "form.invalid"),
  password: z.string().min(1, "form.required").max(200, "form.invalid"),
  /** "This is a shared computer": a checkbox, present only when ticked. */
  shared: z.literal("yes").optional().transform((v) => v === "yes"),
});

export const TeacherSignUpSchema = z.object({
  displayName: z.string().trim().min(1, "form.required").max(80, "form.invalid"),
  email: z.email("auth.email.invalid").trim().toLowerCase().max(200, "auth.email.invalid"),
  password: z.string().min(1, "form.required"),
  schoolName: z.string().trim().max(120, "form.invalid").optional(),
});

export const JoinSchema = z.object({
  displayName: z.string().trim().min(1, "form.required").max(60, "form.invalid"),
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, "auth.username.invalid"),
  password: z.string().min(1, "form.required"),
});

export const LanguageSchema = z.object({ intent: z.literal("language"), locale: z.enum(LOCALES) });

export const PasswordChangeSchema = z.object({
  intent: z.literal("password"),
  current: z.string().min(1, "form.required").max(200, "form.invalid"),
  next: z.string().min(1, "form.required"),
});
