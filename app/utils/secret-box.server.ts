/**
 * Seals secrets the database keeps (model connections' API keys) with AES-256-GCM. The master key
 * is never in the database: LANTERN_SECRET_KEY, or DATA_DIR/secret-key, created on first use
 * (0600, like the embedded database's password file). A stolen database dump alone reveals no key.
 *
 * Sealed form: "v1:" + base64url(iv[12] ‖ tag[16] ‖ ciphertext). The key id is the version, so a
 * rotation can tell old from new (see README "Rotating the secret key").
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env.server";

const VERSION = "v1";
let cachedKey: Buffer | null = null;

function masterKey(): Buffer {
  if (cachedKey) return cachedKey;
  const { LANTERN_SECRET_KEY, DATA_DIR } = env();
  const raw = LANTERN_SECRET_KEY ?? readOrCreateKeyFile(DATA_DIR);
  const material = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  // A separate derived key per purpose: the same master key may seal other things later.
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

export function seal(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", masterKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plain secret, or null when it cannot be opened (another master key, or tampered). */
export function unseal(sealed: string): string | null {
  const [version, data] = sealed.split(":");
  if (version !== VERSION || !data) return null;
  const raw = Buffer.from(data, "base64url");
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", masterKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** Tests only: forget the cached key after changing the environment. */
export function resetSecretKeyForTests(): void {
  cachedKey = null;
}
