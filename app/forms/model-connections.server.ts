/**
 * The admin's connection form. Base URLs: http or https; a local server may use plain http and
 * a private address; any other kind needs https unless the admin confirms (insecureOk), because
 * the key and the students' prompts would cross the network in clear text.
 */
import { z } from "zod";
import type { ConnectionInput } from "~/models/model-connections.server";
import { MAX_CHARS } from "~/utils/form-limits";

const MAX_MODELS = 50;

function modelRows(form: Record<string, string | string[]>): ConnectionInput["models"] {
  const rows: ConnectionInput["models"] = [];
  for (let i = 0; i < MAX_MODELS; i++) {
    const id = String(form[`model.${i}.id`] ?? "").trim();
    if (!id || form[`model.${i}.remove`] === "on") continue;
    const window = Number(form[`model.${i}.window`] ?? "");
    rows.push({
      id: id.slice(0, 200),
      displayName: String(form[`model.${i}.name`] ?? "").trim().slice(0, 100) || id,
      contextWindow: Number.isInteger(window) && window >= 1000 && window <= 10_000_000 ? window : 0,
      approved: form[`model.${i}.approved`] === "on",
    });
  }
  // Ids typed by hand, one per line.
  for (const line of String(form.newModels ?? "").split(/\r?\n/)) {
    const id = line.trim();
    if (id && !rows.some((r) => r.id === id)) rows.push({ id: id.slice(0, 200), displayName: id, contextWindow: 0, approved: false });
  }
  return rows.slice(0, MAX_MODELS);
}

const ConnectionFields = z.object({
  name: z.string().trim().min(1, "form.required").max(MAX_CHARS.connectionName, "form.invalid"),
  kind: z.enum(["claude", "local", "compatible"], "form.invalid"),
  baseUrl: z.string().trim().min(1, "form.required").max(500, "form.invalid"),
  apiKey: z.string().max(500, "form.invalid").optional(),
  insecureOk: z.literal("on").optional(),
});

export type ParsedConnection = { ok: true; data: ConnectionInput } | { ok: false; errors: Record<string, "form.required" | "form.invalid" | "models.url.invalid" | "models.url.https" | "models.window.invalid"> };

export function parseConnectionForm(form: Record<string, string | string[]>): ParsedConnection {
  const parsed = ConnectionFields.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, "form.required" | "form.invalid"> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] = issue.message === "form.required" ? "form.required" : "form.invalid";
    return { ok: false, errors };
  }
  const v = parsed.data;
  let url: URL;
  try {
    url = new URL(v.baseUrl);
  } catch {
    return { ok: false, errors: { baseUrl: "models.url.invalid" } };
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || url.search || url.hash) {
    return { ok: false, errors: { baseUrl: "models.url.invalid" } };
  }
  if (url.protocol === "http:" && v.kind !== "local" && !v.insecureOk) return { ok: false, errors: { baseUrl: "models.url.https" } };
  const models = modelRows(form);
  if (models.some((m) => m.contextWindow === 0 && m.approved)) return { ok: false, errors: { models: "models.window.invalid" } };
  return {
    ok: true,
    data: {
      name: v.name,
      kind: v.kind,
      // The SDK appends /v1/messages itself.
      baseUrl: url.toString().replace(/\/+$/, "").replace(/\/v1$/, ""),
      // Empty keeps the saved key; a removal is its own checkbox.
      apiKey: form.removeKey === "on" ? "" : v.apiKey?.trim() ? v.apiKey.trim() : null,
      models: models.map((m) => ({ ...m, contextWindow: m.contextWindow || 8_192 })),
    },
  };
}
