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

describe("secret box", () => {
  it("seals with a fresh IV each time and opens what it sealed", () => {
    const a = box.seal("sk-ant-123456");
    const b = box.seal("sk-ant-123456");
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk-ant");
    expect(box.unseal(a)).toBe("sk-ant-123456");
    expect(box.unseal(b)).toBe("sk-ant-123456");
  });

  it("creates the master key in DATA_DIR, readable by the owner only", () => {
    box.seal("x");
    const stat = fs.statSync(path.join(dataDir, "secret-key"));
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it("refuses a tampered or foreign value instead of returning garbage", () => {
    const sealed = box.seal("secret");
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(box.unseal(`v1:${raw.toString("base64url")}`)).toBeNull();
    expect(box.unseal("v2:abc")).toBeNull();
    expect(box.unseal("not sealed")).toBeNull();
  });

  it("a new master key cannot open keys sealed under the old one (rotation means re-entering keys)", () => {
    const sealed = box.seal("secret");
    fs.writeFileSync(path.join(dataDir, "secret-key"), Buffer.alloc(32, 7).toString("base64"));
    box.resetSecretKeyForTests();
    expect(box.unseal(sealed)).toBeNull();
  });
});
