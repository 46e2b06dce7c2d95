/**
 * Which provider serves a model id: "mini" → the offline mini model; Claude ids → the app's one
 * Claude client, built from ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL / CLAUDE_TIMEOUT_MS (read in
 * env.server.ts). Claude models come from CLAUDE_MODELS; with a key they are checked against the
 * live Models API (cached), so a retired id disappears from the pickers instead of failing later.
 *
 * Tests point the provider at the fake API with configureProviders(); nothing else does.
 */
import { env } from "~/utils/env.server";
import { MINI_MODEL_ID } from "~/models/defaults.server";
import { createClaudeProvider, listClaudeModels, type ClaudeConfig } from "./claude.server";
import { MINI_MODEL_CONTEXT_TOKENS } from "./mini-model-engine.server";
import { getMiniModelProvider } from "./mini-model.server";
import type { ChatProvider } from "./provider";

export { MINI_MODEL_ID };

/** Every current Claude model reads 200K tokens. */
export const CLAUDE_CONTEXT_WINDOW = 200_000;
/** At most 2 retries (the SDK honours `retry-after`). */
const CLAUDE_MAX_RETRIES = 2;
/** The live list changes rarely; a failed listing is retried sooner. */
const MODELS_CACHE_MS = 10 * 60_000;
const MODELS_FAILURE_CACHE_MS = 60_000;
const MODELS_LIST_TIMEOUT_MS = 5_000;

export type ProviderKind = "mini" | "claude";

export interface ModelOption {
  id: string;
  provider: ProviderKind;
  /** From the Models API when known ("Claude Haiku 4.5"); null → the UI names it. */
  displayName: string | null;
  contextWindow: number;
  /** The school connection's name, or null (the mini model, the environment's Claude). */
  connection: string | null;
  /** Where prompts go: this device's server (mini), the school's own server, Anthropic, another provider. */
  where: "device" | "school" | "anthropic" | "provider";
}

export interface ProvidersConfig {
  /** null: no key configured, only the mini model. */
  claude: ClaudeConfig | null;
  /** Claude model ids the school offers (aliases or dated ids). */
  claudeModels: string[];
}

let override: Partial<ProvidersConfig> | null = null;
let claudeProvider: ChatProvider | null = null;
let modelsCache: { at: number; ttl: number; models: Promise<ModelOption[]> } | null = null;

/** Replaces the environment's configuration (tests, the benchmark); null goes back to it. */
export function configureProviders(config: Partial<ProvidersConfig> | null): void {
  override = config;
  claudeProvider = null;
  modelsCache = null;
}

export function providersConfig(): ProvidersConfig {
  const e = env();
  const fromEnv: ProvidersConfig = {
    claude: e.ANTHROPIC_API_KEY
      ? {
          apiKey: e.ANTHROPIC_API_KEY,
          baseURL: e.ANTHROPIC_BASE_URL,
          timeoutMs: e.CLAUDE_TIMEOUT_MS,
          maxRetries: CLAUDE_MAX_RETRIES,
        }
      : null,
    claudeModels: e.CLAUDE_MODELS,
  };
  return { ...fromEnv, ...override };
}

export function claudeConfigured(): boolean {
  return providersConfig().claude !== null;
}

/**
 * The provider for a model id the school offers, or null (unknown id, or Claude without a key).
 * Cheap and synchronous: the hot path of every chat request calls it.
 */
export function providerFor(modelId: string): ChatProvider | null {
  if (modelId === MINI_MODEL_ID) return getMiniModelProvider();
  const config = providersConfig();
  if (!config.claude || !config.claudeModels.includes(modelId)) return null;
  claudeProvider ??= createClaudeProvider(config.claude);
  return claudeProvider;
}

/** The mini model, then the configured Claude models the key can use (checked live, cached). */
export function availableModels(): Promise<ModelOption[]> {
  const now = Date.now();
  if (modelsCache && now - modelsCache.at < modelsCache.ttl) return modelsCache.models;
  const entry = { at: now, ttl: MODELS_CACHE_MS, models: Promise.resolve<ModelOption[]>([]) };
  entry.models = loadModels().then(({ models, live }) => {
    if (!live) entry.ttl = MODELS_FAILURE_CACHE_MS;
    return models;
  });
  modelsCache = entry;
  return entry.models;
}

async function loadModels(): Promise<{ models: ModelOption[]; live: boolean }> {
  const mini: ModelOption = {
    id: MINI_MODEL_ID,
    provider: "mini",
    displayName: null,
    contextWindow: MINI_MODEL_CONTEXT_TOKENS,
    connection: null,
    where: "device",
  };
  const config = providersConfig();
  if (!config.claude) return { models: [mini], live: true };
  const configured = (id: string, displayName: string | null): ModelOption => ({
    id,
    provider: "claude",
    displayName,
    contextWindow: CLAUDE_CONTEXT_WINDOW,
    connection: null,
    where: "anthropic",
  });
  const listed = await listClaudeModels(config.claude, AbortSignal.timeout(MODELS_LIST_TIMEOUT_MS));
  if (!listed.ok) {
    // The API is unreachable right now: offer the configuration as it is; a call that then
    // fails explains itself to the student.
    return { models: [mini, ...config.claudeModels.map((id) => configured(id, null))], live: false };
  }
  const claude = config.claudeModels.flatMap((id) => {
    // A configured alias ("claude-haiku-4-5") matches its dated id ("claude-haiku-4-5-20251001").
    const live = listed.models.find((m) => m.id === id || m.id.replace(/-\d{8}$/, "") === id);
    return live ? [configured(id, live.displayName)] : [];
  });
  return { models: [mini, ...claude], live: true };
}
