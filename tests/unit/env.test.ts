import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/utils/env.server";

describe("configuration", () => {
  it("has documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", TEACHER_SIGNUP: "invite", LANTERN_DEMO: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the variable and the problem for a bad value", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: .*\(got "eighty"\)/);
    expect(() => parseEnv({ TEACHER_SIGNUP: "sometimes" })).toThrow(/TEACHER_SIGNUP/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres:\/\//);
  });

  it("reads TRUST_PROXY as proxy hops or proxy addresses, never as trust-everyone", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    // 1 keeps meaning one reverse proxy in front of Lantern, now as exactly one hop
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.5, 192.168.0.0/16,loopback,::1,fd00::/8" }).TRUST_PROXY).toEqual([
      "10.0.0.5", "192.168.0.0/16", "loopback", "::1", "fd00::/8",
    ]);
    for (const bad of ["everyone", "-1", "11", "10.0.0.300", "10.0.0.0/33", "10.0.0.1/8/8", "proxy.example", "1,2"]) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: must be 0 \(no proxy\), the number of proxies/);
    }
  });

  it("never echoes a secret value in the message", () => {
    expect(() => parseEnv({ ANTHROPIC_BASE_URL: "not a url sk-secret" })).toThrow(/ANTHROPIC_BASE_URL/);
    try {
      parseEnv({ ANTHROPIC_BASE_URL: "not a url sk-secret" });
    } catch (error) {
      expect((error as Error).message).not.toContain("sk-secret");
    }
  });

  it("stops npm start with that message before touching the database", () => {
    const result = spawnSync(process.execPath, ["server/start.mjs", "--no-build"], {
      env: { ...process.env, PORT: "99999", DATA_DIR: "/nonexistent/should-not-be-created" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration:\n {2}PORT: /);
  });
});

describe("npm start", () => {
  it("execs Node with the server's V8 settings (server/node-flags.ts), so that signals reach the server", async () => {
    const { SERVER_NODE_FLAGS } = await import("../../server/node-flags");
    const pkg = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync("package.json", "utf8"))) as { scripts: { start: string } };
    // `exec`: npm forwards SIGTERM to the shell running the script; without exec the shell dies
    // and Node (and its PostgreSQL) live on.
    // and runs the built server: no TypeScript loader in the school's server (decision 005)
    expect(pkg.scripts.start).toBe(`exec node ${SERVER_NODE_FLAGS.join(" ")} server/start.mjs`);
  });
});

describe("default CLAUDE_MODELS", () => {
  it("lists only ids the installed SDK knows and does not list as deprecated", async () => {
    const fs = await import("node:fs");
    const dir = "node_modules/@anthropic-ai/sdk/resources/messages";
    const js = fs.readFileSync(`${dir}/messages.js`, "utf8");
    const deprecated = [...(/const DEPRECATED_MODELS = \{([^}]*)\}/.exec(js)?.[1] ?? "").matchAll(/'([^']+)'\s*:/g)].map((m) => m[1]);
    expect(deprecated).toContain("claude-sonnet-4-5");
    const types = fs.readFileSync(`${dir}/messages.d.ts`, "utf8");
    const known = [...(/export type Model = ([^;]*);/.exec(types)?.[1] ?? "").matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const defaults = parseEnv({}).CLAUDE_MODELS;
    expect(defaults.length).toBeGreaterThan(0);
    for (const id of defaults) {
      expect(known, id).toContain(id);
      expect(deprecated, id).not.toContain(id);
    }
  });
});

describe("PUBLIC_URL", () => {
  it("keeps the origin of an http(s) address and refuses anything else at start-up", () => {
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ PUBLIC_URL: "https://Lantern.School.example/some/page" }).PUBLIC_URL).toBe("https://lantern.school.example");
    expect(parseEnv({ PUBLIC_URL: "http://10.0.0.5:3000" }).PUBLIC_URL).toBe("http://10.0.0.5:3000");
    expect(() => parseEnv({ PUBLIC_URL: "lantern.school.example" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ PUBLIC_URL: "ftp://files.example" })).toThrow(/PUBLIC_URL: must be an http/);
  });
});
