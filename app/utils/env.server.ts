/**
 * The only place that reads process.env. Validated once at start: a bad value stops the app
 * with a message naming the variable. `.env.example` lists every variable with its default.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_ADDRESS_POLICY_TEXT, parseAddressPolicy } from "./address-policy.server";

const flag = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
    .default(fallback ? "1" : "0")
    .transform((v) => ["1", "true", "yes", "on"].includes(v));

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://");

/** Names Express (proxy-addr) knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const family = net.isIP(address ?? "");
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may tell us the client's address (Express's `trust proxy`): off, a number of
 * proxy hops in front of the app, or the proxies' addresses. Never "trust everyone": with that, a
 * client picks its own address by sending X-Forwarded-For, and throttles keyed by address fail.
 */
const trustProxy = z
  .string()
  .default("0")
  .transform((value, ctx): false | number | string[] => {
    const v = value.trim().toLowerCase();
    if (["0", "false", "no", "off"].includes(v)) return false;
    // "1" always meant one reverse proxy in front; yes/true/on are read the same way
    if (["true", "yes", "on"].includes(v)) return 1;
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops <= 10) return hops;
    } else {
      const entries = v.split(",").map((s) => s.trim()).filter(Boolean);
      if (entries.length > 0 && entries.every(isProxyAddress)) return entries;
    }
    ctx.addIssue({
      code: "custom",
      message:
        "must be 0 (no proxy), the number of proxies in front of Lantern (1–10; 1 = one reverse proxy), " +
        "or the proxies' addresses as a comma-separated list of IPs/CIDRs (e.g. 10.0.0.5,192.168.1.0/24, or loopback)",
    });
    return z.NEVER;
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  LANTERN_DEMO: flag(true),
  TEACHER_SIGNUP: z.enum(["invite", "open"]).default("invite"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(240),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  TRUST_PROXY: trustProxy,
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.url().optional(),
  CLAUDE_MODELS: z
    .string()
    // Current, non-deprecated ids the SDK knows (its DEPRECATED_MODELS lists claude-sonnet-4-5).
    .default("claude-haiku-5-5,claude-sonnet-5-5")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean)),
  /** Master key for API keys stored in the database (32 bytes, base64 or hex); default: DATA_DIR/secret-key. */
  LANTERN_SECRET_KEY: z
    .string()
    .refine((v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, "base64").length === 32, "must be 32 bytes, as 64 hex digits or base64")
    .optional(),
  /**
   * The addresses a school's model connection may reach (decision 015, 2026-12-07): public,
   * private, loopback, CIDRs, host names. Link-local and cloud metadata addresses never.
   */
  MODEL_CONNECTIONS_ALLOW: z
    .string()
    .default(DEFAULT_ADDRESS_POLICY_TEXT)
    .transform((value, ctx) => {
      const parsed = parseAddressPolicy(value);
      if (parsed.ok) return parsed.policy;
      ctx.addIssue({ code: "custom", message: `${parsed.error}; e.g. public,private,loopback (the default), public, or 10.20.0.0/16,api.anthropic.com` });
      return z.NEVER;
    }),
  CLAUDE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  LOG_REQUESTS: flag(true),
  /** Requests worked on at once; the others wait in line, so an overloaded server slows down instead of failing (decision 025). */
  MAX_ACTIVE_REQUESTS: z.coerce.number().int().min(1).max(1_000).default(32),
  /** Requests that may wait for a place; more are answered "busy" (503) at once, as is one that waited 10 s. */
  MAX_WAITING_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(2_000),
  /**
   * A second serving process on the same port, for the machine's other cores (decision 029):
   * "auto" starts one while the server is busy and stops it when it is not, "always" keeps one,
   * "off" never starts one.
   */
  HELPER_PROCESS: z.enum(["auto", "always", "off"]).default("auto"),
  /** Set only by the main process for its helper: the embedded PostgreSQL's folder, whose disk it watches. */
  LANTERN_HELPER_CLUSTER_DIR: z.string().optional(),
  /** Set only by `npm run bench`: adds /bench/empty, the empty page the lesson page is measured against. */
  LANTERN_BENCH: flag(false),
  /** This server's address as students and teachers reach it, for printed cards and links. */
  PUBLIC_URL: z
    .url()
    .refine((v) => /^https?:\/\//i.test(v), "must be an http:// or https:// address, e.g. https://lantern.school.example")
    .transform((v) => new URL(v).origin)
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = i.path.join(".");
      const got = source[name];
      return `  ${name}: ${i.message}${got !== undefined && !/KEY|URL/.test(name) ? ` (got "${got}")` : ""}`;
    });
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function env(): Env {
  cached ??= parseEnv({ ...readDotEnv(), ...process.env });
  return cached;
}

/** A .env file in the working directory, if any; real environment variables win over it. */
function readDotEnv(): Record<string, string> {
  const file = path.resolve(process.cwd(), ".env");
  if (process.env.NODE_ENV === "test" || !fs.existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
    const m = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, "$2");
  }
  return out;
}

let version: string | undefined;

/** The app's version, from package.json (read once). */
export function appVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  return version;
}
