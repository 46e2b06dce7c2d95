/**
 * Models from the school's own connections (admin → Models), beside the environment's Claude
 * connection and the offline mini model. A connection model's id is "<connection id>/<model id>",
 * so it can never be mistaken for an environment Claude id, and a class policy names exactly one
 * connection. Every connection is spoken to with the one Anthropic SDK at its own base URL and key.
 *
 * Only approved models of enabled connections are ever offered or served: resolveModel() is what
 * the pipeline's policy step asks (pipeline.server.ts). It only picks the provider; nothing is
 * sent to it before crisis handling and screening have run.
 */
import type { SessionUser } from "~/utils/auth.server";
import {
  connectionSecret,
  createConnection,
  listConnections,
  updateConnection,
  type ConnectionInput,
  type ConnectionKind,
  type ConnectionView,
} from "~/models/model-connections.server";
import { changeSchoolSettings } from "~/models/schools.server";
import { transaction } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { Translate } from "~/i18n/translate";
import { APIConnectionError, APIConnectionTimeoutError } from "@anthropic-ai/sdk";
import { classifyError, createAnthropicClient, createClaudeProvider, listClaudeModels, type ClaudeConfig } from "./claude.server";
import type { ChatProvider } from "./provider";
import { availableModels, CLAUDE_CONTEXT_WINDOW, MINI_MODEL_ID, providerFor, providersConfig, type ModelOption } from "./providers.server";
import { MINI_MODEL_CONTEXT_TOKENS } from "./mini-model-engine.server";

type Actor = Pick<SessionUser, "schoolId">;

const CONNECTION_MODEL = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(.+)$/i;

export function connectionModelId(connectionId: string, modelId: string): string {
  return `${connectionId}/${modelId}`;
}

export function parseConnectionModelId(id: string): { connectionId: string; modelId: string } | null {
  const m = CONNECTION_MODEL.exec(id);
  return m ? { connectionId: m[1]!.toLowerCase(), modelId: m[2]! } : null;
}

/** Where the model runs, as the picker and the student banner say it. */
export function whereOf(kind: ConnectionKind): ModelOption["where"] {
  return kind === "local" ? "school" : kind === "claude" ? "anthropic" : "provider";
}

/** Local servers may take long to load a model before the first token: a longer wait. */
export function connectionConfig(c: Pick<ConnectionView, "kind" | "baseUrl">, apiKey: string): ClaudeConfig {
  const timeoutMs = env().CLAUDE_TIMEOUT_MS;
  return {
    // A local server accepts any key, but the SDK sends one anyway; an empty one would be refused here.
    apiKey: apiKey || (c.kind === "local" ? "local" : ""),
    baseURL: c.baseUrl,
    timeoutMs: c.kind === "local" ? Math.max(timeoutMs, 180_000) : timeoutMs,
    maxRetries: c.kind === "local" ? 0 : 2,
    // an address an admin typed: only where the server's policy allows (decision 015, 2026-12-07)
    guarded: true,
  };
}

function optionsOf(c: ConnectionView): ModelOption[] {
  if (!c.enabled) return [];
  return c.models
    .filter((m) => m.approved)
    .map((m) => ({
      id: connectionModelId(c.id, m.id),
      provider: "claude" as const,
      displayName: m.displayName || m.id,
      contextWindow: m.contextWindow,
      connection: c.name,
      where: whereOf(c.kind),
    }));
}

export interface ModelChoice {
  id: string;
  label: string;
  /** False for a model chosen earlier that this server cannot serve now (no key, connection gone). */
  available: boolean;
}

/**
 * The models a staff form lets one choose from (a class's, the school's defaults for new classes):
 * every model the school offers, then any already chosen that this server cannot serve now, kept
 * and marked, so staff see why students do not get them.
 */
export function modelChoices(offered: readonly ModelOption[], chosen: readonly string[], t: Translate): ModelChoice[] {
  const offeredIds = offered.map((m) => m.id);
  return [...offeredIds, ...chosen.filter((id) => !offeredIds.includes(id))].map((id) => {
    const option = offered.find((m) => m.id === id);
    return {
      id,
      label:
        id === MINI_MODEL_ID
          ? t("playground.model.mini")
          : option?.connection
            ? t("playground.model.viaConnection", { model: option.displayName ?? id, connection: option.connection })
            : (option?.displayName ?? id),
      available: option !== undefined,
    };
  });
}

/**
 * How the playground names each model, for the pages that show a stored conversation's model id:
 * a connection's model by its display name and connection, never by the connection's id; one no
 * longer offered (a connection removed or disabled) by the server's own name for it.
 */
export async function modelLabeller(actor: Actor, ids: readonly string[], t: Translate): Promise<(id: string) => string> {
  // the school's connections are read only when a conversation used one: the page's queries stay as many
  const offered = ids.some((id) => parseConnectionModelId(id)) ? await schoolModels(actor) : await availableModels();
  const labels = new Map(modelChoices(offered, [], t).map((c) => [c.id, c.label]));
  return (id) => labels.get(id) ?? parseConnectionModelId(id)?.modelId ?? id;
}

/** The ids a connection's approved models have in a class's or the school's list. */
export function approvedModelIds(c: Pick<ConnectionView, "id" | "models">): string[] {
  return c.models.filter((m) => m.approved).map((m) => connectionModelId(c.id, m.id));
}

/**
 * Saves a connection (`existing` null: a new one) and offers the models approved in this save to
 * the classes made from now on — an admin who connects the school's server means students to use
 * it; a class that exists keeps its teacher's choice. One transaction: the connection is never
 * saved without its models offered.
 */
export async function saveConnection(
  admin: Pick<SessionUser, "id" | "schoolId">,
  existing: ConnectionView | null,
  input: ConnectionInput,
): Promise<{ saved: ConnectionView | null; offeredToNewClasses: boolean }> {
  return transaction(async () => {
    const saved = existing ? await updateConnection(admin, existing.id, input) : await createConnection(admin, input);
    const before = existing ? approvedModelIds(existing) : [];
    const added = saved ? approvedModelIds(saved).filter((m) => !before.includes(m)) : [];
    if (added.length > 0) {
      await changeSchoolSettings(admin.schoolId, ({ defaultModels }) => ({ defaultModels: [...new Set([...defaultModels, ...added])] }));
    }
    return { saved, offeredToNewClasses: added.length > 0 };
  });
}

/** Everything the school's classes may choose from: the mini model, the environment's Claude models, approved connection models. */
export async function schoolModels(actor: Actor): Promise<ModelOption[]> {
  const [base, connections] = await Promise.all([availableModels(), listConnections({ id: "", ...actor })]);
  return [...base, ...connections.flatMap(optionsOf)];
}

export interface ResolvedModel {
  provider: ChatProvider;
  option: ModelOption;
}

const providers = new Map<string, { version: string; provider: ChatProvider }>();

/** The provider serving a model id for this school, or null: unknown, not approved, or its connection is disabled. */
export async function resolveModel(actor: Actor, id: string): Promise<ResolvedModel | null> {
  const parsed = parseConnectionModelId(id);
  if (!parsed) {
    const provider = providerFor(id);
    const config = providersConfig();
    if (!provider || (id !== MINI_MODEL_ID && !config.claudeModels.includes(id))) return null;
    // Built from the configuration: the hot path never waits for the Models API.
    const option: ModelOption =
      id === MINI_MODEL_ID
        ? { id, provider: "mini", displayName: null, contextWindow: MINI_MODEL_CONTEXT_TOKENS, connection: null, where: "device" }
        : { id, provider: "claude", displayName: null, contextWindow: CLAUDE_CONTEXT_WINDOW, connection: null, where: "anthropic" };
    return { provider, option };
  }
  const connections = await listConnections({ id: "", ...actor });
  const c = connections.find((x) => x.id === parsed.connectionId);
  const option = c ? optionsOf(c).find((o) => o.id === id) : undefined;
  if (!c || !option) return null;
  const cached = providers.get(c.id);
  const base = cached && cached.version === c.updatedAt ? cached.provider : createClaudeProvider(connectionConfig(c, await connectionSecret(actor, c.id)));
  providers.set(c.id, { version: c.updatedAt, provider: base });
  // The endpoint knows the model by its own id, without the connection prefix.
  const provider: ChatProvider = { id: "claude", stream: (request, signal) => base.stream({ ...request, model: parsed.modelId }, signal) };
  return { provider, option };
}

export type ConnectionTestCode =
  | "ok"
  | "auth"
  | "permission"
  | "not_found"
  | "model_not_found"
  | "rate_limited"
  | "server"
  | "timeout"
  | "connection"
  | "address_refused"
  | "tls"
  | "not_messages_api"
  | "no_model";

export interface ConnectionTestResult {
  code: ConnectionTestCode | "not_tested";
  latencyMs: number;
  /** The model the one-token request asked for. */
  model: string | null;
  status?: number;
}

const TEST_TIMEOUT_MS = 20_000;
/** The whole test's limit: an admin waits for one page, however many models are approved. */
const TEST_DEADLINE_MS = 60_000;
/** Failures of the address, key or account: every model would meet the same, so the test stops there. */
const WHOLE_CONNECTION = new Set<ConnectionTestCode>(["auth", "permission", "not_found", "rate_limited", "timeout", "connection", "address_refused", "tls", "not_messages_api"]);

/**
 * One click from the admin page: a one-token request to each approved model (or the first model,
 * before any is approved), one after another — a school's own server loads one model at a time.
 * It proves the URL, the key and each model together: an approved model with a mistyped id is
 * found here, not by a class. Stops at a failure of the whole connection; models left when the
 * minute is up are reported not tested. Says exactly what went wrong, never throws.
 */
export async function testConnection(c: Pick<ConnectionView, "kind" | "baseUrl" | "models">, apiKey: string): Promise<ConnectionTestResult[]> {
  const approved = c.models.filter((m) => m.approved);
  const models = (approved.length > 0 ? approved : c.models.slice(0, 1)).map((m) => m.id);
  if (models.length === 0) return [{ code: "no_model", latencyMs: 0, model: null }];
  const deadline = Date.now() + TEST_DEADLINE_MS;
  const results: ConnectionTestResult[] = [];
  for (const model of models) {
    const left = deadline - Date.now();
    if (left <= 0) {
      results.push({ code: "not_tested", latencyMs: 0, model });
      continue;
    }
    const result = await testModel(c, apiKey, model, Math.min(TEST_TIMEOUT_MS, left));
    if (WHOLE_CONNECTION.has(result.code as ConnectionTestCode)) return [result];
    results.push(result);
  }
  return results;
}

async function testModel(c: Pick<ConnectionView, "kind" | "baseUrl">, apiKey: string, model: string, timeoutMs: number): Promise<ConnectionTestResult> {
  const client = createAnthropicClient({ ...connectionConfig(c, apiKey), timeoutMs, maxRetries: 0 });
  const started = Date.now();
  try {
    const reply = (await client.messages.create({ model, max_tokens: 1, messages: [{ role: "user", content: "Hi" }] })) as unknown;
    const latencyMs = Date.now() - started;
    const ok = typeof reply === "object" && reply !== null && Array.isArray((reply as { content?: unknown }).content);
    return { code: ok ? "ok" : "not_messages_api", latencyMs, model };
  } catch (error) {
    return { ...testFailure(error), latencyMs: Date.now() - started, model };
  }
}

function testFailure(error: unknown): Pick<ConnectionTestResult, "code" | "status"> {
  if (error instanceof APIConnectionError && !(error instanceof APIConnectionTimeoutError) && isTlsError(error)) return { code: "tls" };
  // A 200 whose body is not JSON (an HTML page at the wrong URL) fails to parse.
  if (error instanceof SyntaxError) return { code: "not_messages_api" };
  const failure = classifyError(error);
  switch (failure.code) {
    case "auth":
    case "permission":
    case "rate_limited":
    case "timeout":
    case "connection":
    case "address_refused":
      return { code: failure.code, ...(failure.status ? { status: failure.status } : {}) };
    case "not_found":
      // The API says which: an unknown model is a not_found_error naming the model.
      return { code: /model/i.test(String((error as { message?: string }).message)) ? "model_not_found" : "not_found", status: 404 };
    case "server":
    case "overloaded":
      return { code: "server", status: failure.status };
    default:
      return { code: "not_messages_api", status: failure.status };
  }
}

function isTlsError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? "");
    if (/CERT|TLS|SSL|SELF_SIGNED/i.test(code) || /certificate|TLS|SSL/i.test(String((e as Error).message ?? ""))) return true;
  }
  return false;
}

/** The endpoint's Models API, where it has one (Anthropic does; Ollama and llama-server may not). */
export async function discoverModels(c: Pick<ConnectionView, "kind" | "baseUrl">, apiKey: string) {
  return listClaudeModels(connectionConfig(c, apiKey), AbortSignal.timeout(10_000));
}
