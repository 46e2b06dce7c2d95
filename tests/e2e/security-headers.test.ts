/**
 * Security headers on every kind of response the real server gives — pages, resource routes,
 * data requests, static files, redirects, error pages — and what happens to hostile requests:
 * cross-site posts are refused, errors never show a stack trace.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, closeTestSql, cookieHeaderFor, demoClassId, DEMO_STUDENTS, DEMO_TEACHER, realParamValues, stackTraceIn } from "./setup/context";
import { fillPattern, scanRoutes } from "./setup/routes";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, so that odd Host headers and malformed paths reach the server as written. */
function rawRequest(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path, method: init.method ?? "GET", headers: init.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

const header = (a: Answer, name: string) => {
  const v = a.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(", ") : (v ?? "");
};

function nonceOf(csp: string): string | null {
  return /script-src 'nonce-([A-Za-z0-9+/=_-]+)' 'strict-dynamic'/.exec(csp)?.[1] ?? null;
}

function expectSecurityHeaders(a: Answer, label: string) {
  const csp = header(a, "content-security-policy");
  expect(nonceOf(csp), `${label}: CSP script-src with a nonce and 'strict-dynamic' (got "${csp}")`).not.toBeNull();
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    expect(csp, `${label}: CSP has ${directive}`).toContain(directive);
  }
  expect(csp, `${label}: no unsafe-inline/unsafe-eval for scripts`).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(header(a, "x-content-type-options"), `${label}: nosniff`).toBe("nosniff");
  expect(header(a, "referrer-policy"), `${label}: Referrer-Policy`).toMatch(
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
  );
  expect(header(a, "permissions-policy"), `${label}: Permissions-Policy`).toMatch(/camera=\(\)/);
}

interface Case {
  label: string;
  path: string;
  as?: "teacher" | "student";
  method?: string;
}

let cookies: Record<"teacher" | "student", string>;
const cases: Case[] = [];

beforeAll(async () => {
  cookies = { teacher: await cookieHeaderFor(DEMO_TEACHER), student: await cookieHeaderFor(DEMO_STUDENTS[0]!) };
  const values = await realParamValues();
  // every scanned route with a loader, anonymously and as a signed-in teacher and student
  for (const route of scanRoutes().filter((r) => r.hasLoader)) {
    const path = fillPattern(route.pattern, values);
    cases.push({ label: `${route.file} (anonymous)`, path });
    cases.push({ label: `${route.file} (teacher)`, path, as: "teacher" });
    cases.push({ label: `${route.file} (student)`, path, as: "student" });
    if (route.isPage) cases.push({ label: `${route.file} data request`, path: `${path === "/" ? "/_root" : path}.data`, as: "teacher" });
  }
  // the asset the home page links to, the favicon, a 404, a 405 and a malformed URL
  const home = await rawRequest("/");
  const asset = /href="(\/build\/[^"]+\.css)"/.exec(home.body)?.[1];
  const script = /src="(\/build\/[^"]+\.js)"/.exec(home.body)?.[1] ?? /href="(\/build\/[^"]+\.js)"/.exec(home.body)?.[1];
  if (asset) cases.push({ label: "stylesheet", path: asset });
  if (script) cases.push({ label: "script", path: script });
  cases.push({ label: "favicon", path: "/favicon.svg" });
  cases.push({ label: "404 page", path: "/no-such-page" });
  cases.push({ label: "404 data", path: "/no-such-page.data" });
  cases.push({ label: "405", path: "/", method: "POST" });
  cases.push({ label: "malformed URL", path: "/%E0%A4%A" });
});

afterAll(closeTestSql);

describe("security headers", () => {
  it("are on every page type, resource route, data request, static file and error", async () => {
    expect(cases.length).toBeGreaterThan(8);
    const failures: string[] = [];
    for (const c of cases) {
      const headers: Record<string, string> = {};
      if (c.as) headers.cookie = cookies[c.as];
      if (c.method === "POST") {
        headers.origin = baseUrl();
        headers["content-type"] = "application/x-www-form-urlencoded";
      }
      const answer = await rawRequest(c.path, { method: c.method, headers, body: c.method === "POST" ? "x=1" : undefined });
      try {
        expectSecurityHeaders(answer, `${c.label} ${c.path} → ${answer.status}`);
        expect(header(answer, "strict-transport-security"), `${c.label}: no HSTS over plain HTTP`).toBe("");
      } catch (error) {
        failures.push((error as Error).message.split("\n")[0]!);
      }
    }
    expect(failures).toEqual([]);
  });

  it("gives every response a different nonce, and every script on a page carries it", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const answer = await rawRequest("/");
      const nonce = nonceOf(header(answer, "content-security-policy"));
      expect(nonce).not.toBeNull();
      expect(nonce!.length, "a nonce of at least 128 bits").toBeGreaterThanOrEqual(22);
      nonces.add(nonce!);
      const scripts = [...answer.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attrs of scripts) expect(attrs, "each <script> has this response's nonce").toContain(`nonce="${nonce}"`);
      expect(answer.body, "no inline event handlers").not.toMatch(/<[^>]+\son[a-z]+=/i);
    }
    expect(nonces.size).toBe(5);
  });

  it("sends HSTS when the request came over HTTPS (TRUST_PROXY=1, X-Forwarded-Proto: https), and only then", async () => {
    for (const path of ["/", "/healthz", "/no-such-page"]) {
      const secure = await rawRequest(path, { headers: { "x-forwarded-proto": "https" } });
      expectSecurityHeaders(secure, `https ${path}`);
      const hsts = header(secure, "strict-transport-security");
      expect(hsts, `HSTS on ${path}`).toMatch(/max-age=(\d+)/);
      expect(Number(/max-age=(\d+)/.exec(hsts)![1]), "HSTS for at least 180 days").toBeGreaterThanOrEqual(15_552_000);
      const plain = await rawRequest(path);
      expect(header(plain, "strict-transport-security")).toBe("");
    }
  });

  it("refuses cross-site POSTs to every action with 403", async () => {
    const values = await realParamValues();
    const actions = scanRoutes().filter((r) => r.hasAction);
    const targets = [...actions.map((r) => fillPattern(r.pattern, values) + (r.isIndex ? "?index" : "")), "/"];
    const hostile: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://sub.evil.example" },
      { origin: "null" },
      // an old browser's form: no Origin, no Sec-Fetch-Site, the page it came from (found in an attack pass)
      { referer: "http://evil.example/x" },
    ];
    for (const target of targets) {
      for (const as of ["teacher", "student"] as const) {
        for (const h of hostile) {
          const answer = await rawRequest(target, {
            method: "POST",
            headers: { ...h, cookie: cookies[as], "content-type": "application/x-www-form-urlencoded" },
            body: "intent=delete&name=x",
          });
          expect(answer.status, `cross-site POST ${target} as ${as} with ${JSON.stringify(h)}`).toBe(403);
          expectSecurityHeaders(answer, `403 ${target}`);
        }
      }
    }
  });

  it("never shows a stack trace, even for requests that break the framework (bad Host, malformed paths)", async () => {
    const nasty: { label: string; path: string; headers?: Record<string, string>; method?: string; body?: string }[] = [
      { label: "malformed percent-encoding in the path", path: "/%E0%A4%A" },
      { label: "malformed static path", path: "/build/%E0%A4%A.js" },
      { label: "a NUL in the path", path: "/learn/%00" },
      { label: "a Host header that is not a host", path: "/", headers: { host: "%%%" } },
      { label: "a forwarded host that is not a host", path: "/", headers: { "x-forwarded-host": "a b" } },
      { label: "malformed query", path: "/?lang=%E0%A4%A&%%=1" },
      { label: "malformed cookie", path: "/", headers: { cookie: "lantern_session=%E0%A4%A; lantern_lang=%%%" } },
      { label: "legacy ?_data", path: "/?_data=root" },
      { label: "garbage JSON to a data URL", path: "/_root.data", method: "POST", headers: { origin: "SELF", "content-type": "application/json" }, body: "{{{" },
      { label: "broken multipart", path: "/", method: "POST", headers: { origin: "SELF", "content-type": "multipart/form-data; boundary=zz" }, body: "--yy\r\nbroken" },
      // found by a security pass: each of these was a 500 ("request failed before the app")
      { label: "a Host whose port is past 65535", path: "/learn", headers: { host: "localhost:99999" } },
      { label: "a Host that is no IPv4 address", path: "/learn", headers: { host: "999.999.999.999" } },
      { label: "a Host that is no IPv6 address", path: "/learn", headers: { host: "[1:2:3]" } },
      { label: "a proxy's absolute target", path: "http://evil.example/learn" },
      { label: "OPTIONS *", path: "*", method: "OPTIONS" },
      { label: "TRACE", path: "/learn", method: "TRACE" },
    ];
    const failures: string[] = [];
    for (const n of nasty) {
      const headers = { ...n.headers };
      if (headers.origin === "SELF") headers.origin = baseUrl();
      const answer = await rawRequest(n.path, { method: n.method, headers, body: n.body });
      const leak = stackTraceIn(answer.body);
      if (leak) failures.push(`${n.label}: ${answer.status} shows "${leak}"`);
      if (answer.status >= 500) failures.push(`${n.label}: answered ${answer.status} (a client error is not a server error)`);
      if (!header(answer, "content-security-policy")) failures.push(`${n.label}: no security headers on the ${answer.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("answers OPTIONS without running the page's loader (a download's file is not sent)", async () => {
    for (const path of [`/teach/classes/${await demoClassId()}/export/class.json`, "/learn", "/no-such-page"]) {
      const answer = await rawRequest(path, { method: "OPTIONS", headers: { cookie: cookies.teacher } });
      expect(answer.status, path).toBe(204);
      expect(answer.body, path).toBe("");
      expect(header(answer, "allow"), path).toContain("GET");
    }
  });
});
