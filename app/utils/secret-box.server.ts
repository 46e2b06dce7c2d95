/**
 * Seals secrets the database keeps (model connections' API keys, the sign-in client secret, the
 * SMTP password) with AES-256-GCM. The master key
 * is never in the database: LANTERN_SECRET_KEY, or DATA_DIR/secret-key, created on first use
 * (0600, like the embedded database's password file). A stolen database dump alone reveals no key.
 *
 * Everything is sealed for one purpose (a model connection's key, a pending school sign-in link…),
 * bound in as GCM's additional data: a value sealed for one purpose does not open as another, so a
 * token the app hands out for one thing (an import preview) cannot be replayed as another (a
 * pending sign-in link) — or read as its JSON.
 *
 * Sealed form: "v2:" + base64url(iv[12] ‖ tag[16] ‖ ciphertext), the purpose bound in. "v1" values
 * (the same, without a purpose) were written before: the long-lived secrets an admin entered (model
 * keys, the sign-in client secret) still open, and are sealed again as v2 when next saved. The
 * version lets a rotation tell old from new (see README "Rotating the secret key").
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env.server";

const VERSION = "v2";
/** Before purposes were bound in: read for the secrets that live on, never written. */
const LEGACY_VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a value is sealed for. Keys, client secret and SMTP password are stored for as long as the school keeps them. */
export type SealPurpose = "model-connection-key" | "sso-client-secret" | "smtp-password" | "sso-pending-link" | "roster-import-preview";
const LONG_LIVED: ReadonlySet<SealPurpose> = new Set(["model-connection-key", "sso-client-secret"]);

let cachedKey: Buffer | null = null;

function masterKey(): Buffer {
  if (cachedKey) return cachedKey;
  const { LANTERN_SECRET_KEY, DATA_DIR } = env();
  const raw = LANTERN_SECRET_KEY ?? readOrCreateKeyFile(DATA_DIR);
  const material = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  // Derived, not the master key itself: the same master key may serve other uses later.
  cachedKey = Buffer.from(crypto.hkdfSync("sha256", material, Buffer.alloc(0), "lantern model connection keys", 32));
  return cachedKey;
}

function readOrCreateKeyFile(dataDir: string): string {
  const file = path.join(dataDir, "secret-key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString("base64");
  try {
    // "wx": two processes starting together must not each write their own key.
    fs.writeFileSync(file, key + "\n", { mode: 0o600, flag: "wx" });
    return key;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}

export function seal(plain: string, purpose: SealPurpose): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", masterKey(), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plain secret, or null when it cannot be opened (another master key or purpose, tampered, cut short). */
export function unseal(sealed: string, purpose: SealPurpose): string | null {
  const [version, data] = sealed.split(":");
  const legacy = version === LEGACY_VERSION && LONG_LIVED.has(purpose);
  if ((version !== VERSION && !legacy) || !data) return null;
  const raw = Buffer.from(data, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  try {
    // the tag's length is fixed: GCM would otherwise accept a tag cut down to 4 bytes
    const decipher = crypto.createDecipheriv("aes-256-gcm", masterKey(), raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    if (!legacy) decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Tests only: forget the cached key after changing the environment. */
export function resetSecretKeyForTests(): void {
  cachedKey = null;
}
