import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// The master key file goes to a scratch DATA_DIR, read once by env() on first use.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lantern-secret-"));
let box: typeof import("../../app/utils/secret-box.server");

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  delete process.env.LANTERN_SECRET_KEY;
  box = await import("../../app/utils/secret-box.server");
});

const KEY = "model-connection-key" as const;

/** A value sealed the way the first version did (no purpose bound in), for the legacy cases. */
function sealedAsV1(plain: string): string {
  const material = Buffer.from(fs.readFileSync(path.join(dataDir, "secret-key"), "utf8").trim(), "base64");
  const key = Buffer.from(crypto.hkdfSync("sha256", material, Buffer.alloc(0), "lantern model connection keys", 32));
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

describe("secret box", () => {
  it("seals with a fresh IV each time and opens what it sealed", () => {
    const a = box.seal("test-model-key-123456", KEY);
    const b = box.seal("test-model-key-123456", KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain("test-model-key");
    expect(box.unseal(a, KEY)).toBe("test-model-key-123456");
    expect(box.unseal(b, KEY)).toBe("test-model-key-123456");
  });

  it("creates the master key in DATA_DIR, readable by the owner only", () => {
    box.seal("x", KEY);
    const stat = fs.statSync(path.join(dataDir, "secret-key"));
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it("refuses a tampered or foreign value instead of returning garbage", () => {
    const sealed = box.seal("secret", KEY);
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(box.unseal(`v2:${raw.toString("base64url")}`, KEY)).toBeNull();
    expect(box.unseal("v2:abc", KEY)).toBeNull();
    expect(box.unseal("v3:abc", KEY)).toBeNull();
    expect(box.unseal("not sealed", KEY)).toBeNull();
  });

  it("opens a value only for the purpose it was sealed for", () => {
    const preview = box.seal(JSON.stringify({ students: [] }), "roster-import-preview");
    expect(box.unseal(preview, "roster-import-preview")).toBe('{"students":[]}');
    expect(box.unseal(preview, "sso-pending-link")).toBeNull();
    expect(box.unseal(preview, KEY)).toBeNull();
  });

  it("refuses a tag cut short (GCM would otherwise check only its first bytes)", () => {
    const raw = Buffer.from(box.seal("secret", KEY).slice(3), "base64url");
    // iv, then the tag's first 4 bytes only, then the ciphertext
    const short = Buffer.concat([raw.subarray(0, 16), raw.subarray(28)]);
    expect(box.unseal(`v2:${short.toString("base64url")}`, KEY)).toBeNull();
    expect(box.unseal(`v2:${raw.subarray(0, 20).toString("base64url")}`, KEY)).toBeNull();
  });

  it("still opens the long-lived secrets sealed before purposes (v1), and nothing short-lived", () => {
    const old = sealedAsV1("test-model-key-from-last-year");
    expect(box.unseal(old, KEY)).toBe("test-model-key-from-last-year");
    expect(box.unseal(old, "sso-client-secret")).toBe("test-model-key-from-last-year");
    expect(box.unseal(old, "sso-pending-link")).toBeNull();
    expect(box.unseal(old, "roster-import-preview")).toBeNull();
    expect(box.seal("again", KEY).startsWith("v2:")).toBe(true);
  });

  it("a new master key cannot open keys sealed under the old one (rotation means re-entering keys)", () => {
    const sealed = box.seal("secret", KEY);
    fs.writeFileSync(path.join(dataDir, "secret-key"), Buffer.alloc(32, 7).toString("base64"));
    box.resetSecretKeyForTests();
    expect(box.unseal(sealed, KEY)).toBeNull();
  });
});
