/**
 * Form parsing for actions: read the body safely, validate with a zod schema whose messages are
 * catalog keys, and hand back either the data or field errors (keys, translated by the page).
 */
import type { RequestFrom } from "./loopback";
import type { z } from "zod";
import type { MessageKey } from "~/i18n/catalog/en";
import { badRequest } from "./http.server";

export type FieldErrors = Partial<Record<string, MessageKey>>;

/**
 * The request's form, or a 400. A value with a NUL character is refused too: no keyboard types
 * one, and PostgreSQL text cannot store it (it would fail the write with a 500).
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    badRequest();
  }
  for (const value of form.values()) {
    if (typeof value === "string" && value.includes("\u0000")) badRequest();
  }
  return form;
}

/** Form fields as a plain object; repeated fields become arrays. */
export function formObject(form: FormData): Record<string, string | string[]> {
  // A Map, then own properties: a field named "__proto__" stays a field. Repeats are appended in
  // place — copying the list for every repeat made 15,000 repeats of one name (a 45 KB anonymous
  // post) take 18 s of the server's only thread.
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const prev = fields.get(key);
    if (prev === undefined) fields.set(key, value);
    else if (Array.isArray(prev)) prev.push(value);
    else fields.set(key, [prev, value]);
  }
  return Object.fromEntries(fields);
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= (isKey(issue.message) ? issue.message : "form.invalid") as MessageKey;
  }
  return { ok: false, errors };
}

function isKey(message: string): boolean {
  return /^[a-z]+(\.[A-Za-z0-9_]+)+$/.test(message);
}

/**
 * The client address for throttling, from the load context (Express's req.ip: the socket address,
 * or X-Forwarded-For only when TRUST_PROXY says a proxy sets it). Never from a request header
 * the client could forge.
 */
export function clientAddress(context: { clientAddress?: string } | undefined): string {
  return context?.clientAddress ?? "unknown";
}

/** The client's address and the host name it asked for (a sign-in from "this computer" needs both). */
export function requestFrom(request: Request, context: { clientAddress?: string } | undefined): RequestFrom {
  return { address: clientAddress(context), host: new URL(request.url).hostname };
}
