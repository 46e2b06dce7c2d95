/**
 * Bad input everywhere: fast-check sends random, oversized and malformed query strings, cookies,
 * path parameters and bodies to every loader and action found in app/routes, as a visitor, a
 * student and a teacher. Never a 5xx, never a stack trace, and nothing written (row counts of
 * every table before and after, read directly from the server's database).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { baseUrl, closeTestSql, cookieHeaderFor, DEMO_STUDENTS, DEMO_TEACHER, realParamValues, rowCounts, stackTraceIn } from "./setup/context";
import { ROOT } from "../../scripts/harness/lantern-server";
import { fillPattern, scanRoutes, wellFormed, type ScannedRoute } from "./setup/routes";

/**
 * Tables that legitimately change on refused input: a failed sign-in is counted against the
 * account (throttles), a sign-out POST ends a session, housekeeping writes app_meta.
 */
// request_rates: the widget APIs' per-client budget counts calls (hashed keys, no data)
const MAY_CHANGE = ["throttles", "sessions", "app_meta", "request_rates"];
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let identities: Record<"anonymous" | "student" | "teacher", string>;
let values: Record<string, string>;
const routes = scanRoutes();

/** Field names the route's forms and schemas use: fuzzing with them reaches the validation code. */
function fieldNamesOf(route: ScannedRoute): string[] {
  const source = fs.readFileSync(path.join(ROOT, "app", "routes", route.file), "utf8");
  const names = new Set<string>();
  for (const m of source.matchAll(/name="([A-Za-z_][\w.-]*)"/g)) names.add(m[1]!);
  for (const m of source.matchAll(/\b([a-zA-Z]\w*): z\./g)) names.add(m[1]!);
  names.add("intent");
  return [...names];
}

/** encodeURIComponent that does not throw on lone surrogates (the server gets U+FFFD's bytes). */
const enc = (s: string) => encodeURIComponent(wellFormed(s));
/** Raw, possibly malformed text for a request line: only what HTTP itself cannot carry is escaped. */
const raw = (s: string) => wellFormed(s).replace(/[^\u0021-\u007e]/gu, (c: string) => encodeURIComponent(c));
/** Cookie values: visible ASCII without the separators. */
const cookieSafe = (s: string) => s.replace(/[^\u0021-\u007e]|[;,]/g, "");

// ---- Arbitraries -----------------------------------------------------------------------------

const nasty = fc.constantFrom(
  "%",
  "%E0%A4%A",
  "%FF%FE",
  "%00",
  "\u0000",
  "../../etc/passwd",
  "' or 1=1 --",
  "\"; drop table users; --",
  "${jndi:ldap://x}",
  "<script>window.__xss=1</script>",
  "NaN",
  "-1",
  "1e309",
  "[]",
  "{}",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "\uD800",
  "😀".repeat(50),
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
);
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), nasty);
/**
 * Values no schema should accept for a known field: far too long, or holding a NUL byte (which
 * PostgreSQL cannot store in text). `RAW:` values go into the body unencoded, so the server
 * itself decodes the broken percent-escapes (%00 is a NUL, %FF%FE is not UTF-8).
 */
const malformedValue = fc.oneof(
  fc.integer({ min: 20_000, max: 120_000 }).map((n) => "x".repeat(n)),
  anyText.map((s) => `${s}\u0000${s}`),
  fc.constantFrom("RAW:%FF%FE%00", "RAW:%00", "RAW:abc%00def"),
);

const formValue = (v: string) => (v.startsWith("RAW:") ? v.slice(4) : enc(v));
/** The same value as it reaches a multipart part: the escapes decoded (a NUL stays a NUL). */
const partValue = (v: string) => (v.startsWith("RAW:") ? v.slice(4).replace(/%00/g, "\u0000").replace(/%FF%FE/g, "\uFFFD") : v);

/** A raw query string, sometimes not even valid percent-encoding. */
const queryString = fc
  .array(fc.tuple(fc.oneof(anyText, fc.constantFrom("lang", "next", "q", "code", "step", "lesson", "tab", "page", "sort", "index", "_data", "_routes")), anyText), { maxLength: 6 })
  .chain((pairs) =>
    fc.boolean().map((unescaped) =>
      pairs.map(([k, v]) => (unescaped ? raw(`${k}=${v}`).replace(/#/g, "%23") : `${enc(k)}=${enc(v)}`)).join("&"),
    ),
  );

const cookieJunk = fc.oneof(
  fc.constant(""),
  anyText.map((v) => `lantern_session=${enc(v)}`),
  fc.string({ maxLength: 200 }).map((v) => `lantern_lang=${cookieSafe(v)}`),
  fc.constant(`lantern_session=${"A".repeat(4000)}`),
  fc.constant("lantern_session=%E0%A4%A; lantern_lang=%%"),
);

interface Body {
  contentType: string | undefined;
  body: string | Uint8Array;
}

function bodyArbitrary(fields: string[]): fc.Arbitrary<Body> {
  const known = fc.constantFrom(...fields);
  const entry = fc.oneof(
    fc.tuple(known, malformedValue),
    fc.tuple(fc.constant("intent"), anyText),
    fc.tuple(anyText, anyText),
  );
  const form = fc.array(entry, { maxLength: 6 }).map((pairs): Body => ({
    contentType: "application/x-www-form-urlencoded",
    body: pairs.map(([k, v]) => `${enc(k)}=${formValue(v)}`).join("&"),
  }));
  const rawForm = fc.array(fc.tuple(anyText, anyText), { maxLength: 6 }).map((pairs): Body => ({
    contentType: "application/x-www-form-urlencoded",
    body: wellFormed(pairs.map(([k, v]) => `${k}=${v}`).join("&")),
  }));
  const multipart = fc.array(entry, { maxLength: 4 }).chain((pairs) =>
    fc.boolean().map((broken): Body => {
      const boundary = "fuzzboundary";
      const parts = pairs.map(([k, v]) => `--${broken ? "other" : boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${partValue(v)}\r\n`);
      return { contentType: `multipart/form-data; boundary=${boundary}`, body: parts.join("") + (broken ? "" : `--${boundary}--\r\n`) };
    }),
  );
  const json = fc.json({ maxDepth: 3 }).map((j): Body => ({ contentType: "application/json", body: j }));
  const bytes = fc.tuple(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom(undefined, "text/plain", "application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data")).map(
    ([b, ct]): Body => ({ contentType: ct, body: b }),
  );
  const oversized = fc.constantFrom(
    { contentType: "application/x-www-form-urlencoded", body: `intent=${"y".repeat(900_000)}` },
    { contentType: "application/x-www-form-urlencoded", body: `a=${"z".repeat(1_200_000)}` },
  );
  return fc.oneof({ weight: 4, arbitrary: form }, rawForm, multipart, json, bytes, { weight: 1, arbitrary: oversized });
}

/** A path param: the real value, or something that is not one (not a uuid, too long, unicode). */
const paramValue = (real: string | undefined) =>
  fc.oneof(fc.constant(real ?? "x"), fc.uuid(), anyText.filter((s) => s.length > 0), fc.constant("a".repeat(3000)));

// ---- Requests ---------------------------------------------------------------------------------

interface Sent {
  method: string;
  url: string;
  /** What was sent, shortened, for the failure message. */
  sentBody?: string;
  status: number;
  leak: string | null;
}

/**
 * One request on its own socket (node:http, no keep-alive pool): a server that refuses a large
 * body and closes the connection must not break the next request.
 */
function send(method: string, pathAndQuery: string, headers: Record<string, string>, body?: string | Uint8Array): Promise<Sent> {
  const size = body === undefined ? 0 : typeof body === "string" ? Buffer.byteLength(body) : body.length;
  const url = new URL(baseUrl());
  return new Promise((resolve) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: pathAndQuery, method, headers: { ...headers, "content-length": String(size) }, agent: false, timeout: 15_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ method, url: pathAndQuery, status: res.statusCode ?? 0, leak: stackTraceIn(Buffer.concat(chunks).toString("utf8")) }),
        );
        res.on("error", () => resolve({ method, url: pathAndQuery, status: 599, leak: "response aborted" }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server may answer 413 and close the socket while a too-large body is still being sent.
      if (size > 1_000_000 && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        resolve({ method, url: pathAndQuery, status: 413, leak: null });
      } else {
        resolve({ method, url: pathAndQuery, status: 599, leak: `connection failed: ${error.code ?? error.message}` });
      }
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function pathFor(route: ScannedRoute, params: Record<string, string>, data: boolean, query: string): string {
  let p = fillPattern(route.pattern, params);
  if (data) p = p === "/" ? "/_root.data" : `${p}.data`;
  const parts = [query, route.isIndex ? "index" : ""].filter(Boolean);
  return parts.length ? `${p}?${parts.join("&")}` : p;
}

// fresh sessions for every route: a fuzzed POST /signout may have ended the last ones
beforeEach(async () => {
  identities = {
    anonymous: "",
    student: await cookieHeaderFor(DEMO_STUDENTS[2]!),
    teacher: await cookieHeaderFor(DEMO_TEACHER),
  };
});

beforeAll(async () => {
  values = await realParamValues();
});

afterAll(closeTestSql);

function problems(sent: Sent[]): string[] {
  return sent
    .filter((s) => s.status >= 500 || s.leak)
    .map((s) => `${s.method} ${s.url.slice(0, 160)}${s.sentBody ? ` [${s.sentBody}]` : ""} → ${s.status}${s.leak ? ` (shows "${s.leak.slice(0, 80)}")` : ""}`);
}

describe("bad input to every loader and action", () => {
  it("found the routes to fuzz", () => {
    expect(routes.filter((r) => r.hasLoader).length).toBeGreaterThan(2);
  });

  it("an empty legacy `?_data=` on every page, as every visitor, answers without a 500", async () => {
    // found by the fuzzer: a loader returning null made Remix's legacy data answer fail (500)
    const sent: Sent[] = [];
    for (const route of routes.filter((r) => r.hasLoader)) {
      const path = fillPattern(route.pattern, Object.fromEntries(route.params.map((p) => [p, values[p === "*" ? "lesson" : p] ?? "x"])));
      for (const who of ["anonymous", "student", "teacher"] as const) {
        const cookie = identities[who];
        sent.push(await send("GET", `${path}?_data=`, cookie ? { cookie } : {}));
      }
    }
    expect(problems(sent)).toEqual([]);
  });

  for (const route of routes.filter((r) => r.hasLoader)) {
    it(`GET ${route.pattern} (${route.file}): random queries, cookies and params`, async () => {
      const before = await rowCounts(MAY_CHANGE);
      const sent: Sent[] = [];
      const paramArbs = Object.fromEntries(route.params.map((p) => [p, paramValue(values[p === "*" ? "lesson" : p])]));
      await fc.assert(
        fc.asyncProperty(
          fc.record(paramArbs),
          queryString,
          cookieJunk,
          fc.constantFrom("anonymous", "student", "teacher") as fc.Arbitrary<keyof typeof identities>,
          fc.boolean(),
          async (params, query, junk, who, data) => {
            const cookie = [identities[who], junk].filter(Boolean).join("; ");
            const headers: Record<string, string> = cookie ? { cookie } : {};
            sent.push(await send("GET", pathFor(route, params as Record<string, string>, data && route.isPage, query), headers));
          },
        ),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 1e9), endOnFailure: false },
      );
      expect(problems(sent)).toEqual([]);
      expect(await rowCounts(MAY_CHANGE), "a GET wrote to the database").toEqual(before);
    });
  }

  for (const route of routes.filter((r) => r.hasAction)) {
    it(`POST ${route.pattern} (${route.file}): random, oversized and malformed bodies`, async () => {
      const before = await rowCounts(MAY_CHANGE);
      const sent: Sent[] = [];
      const paramArbs = Object.fromEntries(route.params.map((p) => [p, paramValue(values[p === "*" ? "lesson" : p])]));
      await fc.assert(
        fc.asyncProperty(
          fc.record(paramArbs),
          queryString,
          bodyArbitrary(fieldNamesOf(route)),
          fc.constantFrom("anonymous", "student", "teacher") as fc.Arbitrary<keyof typeof identities>,
          fc.boolean(),
          async (params, query, body, who, data) => {
            // same-origin, like the app's own forms: otherwise the CSRF guard answers first
            const headers: Record<string, string> = { origin: baseUrl() };
            if (identities[who]) headers.cookie = identities[who];
            if (body.contentType) headers["content-type"] = body.contentType;
            const result = await send("POST", pathFor(route, params as Record<string, string>, data, query), headers, body.body);
            result.sentBody = `${who} ${body.contentType ?? "(no type)"} ${JSON.stringify(typeof body.body === "string" ? body.body.slice(0, 200) : `${body.body.length} bytes`)}`;
            const size = typeof body.body === "string" ? Buffer.byteLength(body.body) : body.body.length;
            if (size > 1_000_000) expect(result.status, "bodies over 1 MB are refused").toBe(413);
            sent.push(result);
          },
        ),
        { numRuns: RUNS * 2, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 1e9), endOnFailure: false },
      );
      expect(problems(sent)).toEqual([]);
      const accepted = sent.filter((x) => x.status < 400).map((x) => `${x.status} ${x.url.slice(0, 100)} [${x.sentBody?.slice(0, 160)}]`);
      expect(await rowCounts(MAY_CHANGE), `refused input was written to the database; accepted requests: ${accepted.slice(0, 8).join(" | ")}`).toEqual(before);
    });
  }
});
