/**
 * Reading the widget APIs' input: a JSON body (what the widgets send), a form body (a plain
 * form, tests) or the query string (GET), validated with the schemas of
 * app/forms/widget-api.server.ts. Validation errors become a 400 whose message is in the
 * reader's language; nothing is ever a 500 for bad input.
 */
import { WIDGET_ERROR_PARAMS } from "~/forms/widget-api.server";
import type { Translate } from "~/i18n/translate";
import type { FieldErrors } from "~/utils/forms.server";

/** The request's fields as plain values; null when the body is not readable. */
export async function readFields(request: Request): Promise<Record<string, unknown> | null> {
  if (request.method === "GET" || request.method === "HEAD") {
    return Object.fromEntries(new URL(request.url).searchParams);
  }
  const type = request.headers.get("Content-Type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.json();
      return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
    }
    const form = await request.formData();
    const fields: Record<string, unknown> = {};
    for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
    return fields;
  } catch {
    return null;
  }
}

export function jsonError(message: string, status = 400, field?: string): Response {
  return Response.json(field ? { error: message, field } : { error: message }, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}

export function json(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

/** The first problem of a form that did not validate, as a 400 in the reader's language. */
export function fieldError(errors: FieldErrors, t: Translate): Response {
  const [field, key] = Object.entries(errors)[0] ?? [];
  return jsonError(key ? t(key, WIDGET_ERROR_PARAMS[key]) : t("widget.api.badBody"), 400, field === "_form" ? undefined : field);
}
