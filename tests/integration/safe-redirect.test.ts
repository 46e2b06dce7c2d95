/**
 * `next` after sign-in never leaves the site: every payload a browser might read as another origin
 * (tabs and newlines it drops, backslashes it turns into slashes, `//host`, encoded forms,
 * absolute and script URLs) falls back to the user's home, and none gives a 500.
 */
import { describe, expect, it } from "vitest";
import { action as signinAction, loader as signinLoader } from "../../app/routes/signin";
import { safeRedirectTarget } from "../../app/utils/safe-redirect.server";
import { cookieFor, makeSchool, makeUser, PASSWORD, requestAs } from "../factories";

const ORIGIN = "http://localhost";

/** Values of `next` as the server reads them (after the query string is decoded once). */
const HOSTILE = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\r\nSet-Cookie: stolen=1",
  "\\evil.example",
  "\\\\evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "//evil.example",
  "///evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/%2F/evil.example",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  "%5C%5Cevil.example",
  "/%5Cevil.example",
  "/%09/evil.example",
  "/%0d%0a/evil.example",
  "/%0D%0ALocation:%20https://evil.example",
  "/%E0%A4%A",
  "https://evil.example",
  "https://evil.example/learn",
  "http:evil.example",
  "https:/evil.example",
  "//localhost@evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "/\u2028/evil.example",
  "\u3002evil.example",
];

function leavesOrigin(location: string): boolean {
  // eslint-disable-next-line no-control-regex -- the reference rule refuses control characters
  if (/[\u0000-\u001f\u007f\\]/.test(location) || location.startsWith("//") || !location.startsWith("/")) return true;
  return new URL(location, ORIGIN).origin !== ORIGIN;
}

async function signInWithNext(username: string, rawQuery: string): Promise<Response> {
  const request = await requestAs(null, `/signin?${rawQuery}`, { form: { login: username, password: PASSWORD } });
  return (await signinAction({ request, params: {}, context: { nonce: "n", clientAddress: "10.9.0.1" } })) as Response;
}

describe("redirect targets after sign-in", () => {
  it("never leave the origin, whatever the payload, and never fail", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const failures: string[] = [];
    for (const payload of HOSTILE) {
      for (const query of [`next=${encodeURIComponent(payload)}`, `next=${payload.replace(/[\s#&]/g, encodeURIComponent)}`]) {
        const res = await signInWithNext(student.username, query);
        const location = res.headers.get("Location") ?? "";
        if (res.status !== 302 || leavesOrigin(location) || location !== "/learn") {
          failures.push(`${JSON.stringify(query)} → ${res.status} ${JSON.stringify(location)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("the issue's payload /signin?next=/%09/evil.example lands on the home page", async () => {
    const { school } = await makeSchool();
    const teacher = await makeUser(school.id, "teacher");
    const res = await signInWithNext(teacher.username, "next=/%09/evil.example");
    expect(res.headers.get("Location")).toBe("/teach");
  });

  it("keeps a real path on this site, with its query and fragment", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const res = await signInWithNext(student.username, `next=${encodeURIComponent("/learn/tokens?step=2#quiz")}`);
    expect(res.headers.get("Location")).toBe("/learn/tokens?step=2#quiz");
    // odd-looking, but paths on this site: the browser stays here
    for (const path of ["/@evil.example", "/javascript:alert(1)"]) {
      const odd = await signInWithNext(student.username, `next=${encodeURIComponent(path)}`);
      expect(new URL(odd.headers.get("Location")!, ORIGIN).origin).toBe(ORIGIN);
    }
  });

  it("sends a signed-in visitor of /signin on to a safe next, or home", async () => {
    const { school } = await makeSchool();
    const student = await makeUser(school.id, "student");
    const cookie = await cookieFor(student);
    const go = async (query: string) => {
      const request = new Request(`${ORIGIN}/signin?${query}`, { headers: { Cookie: cookie } });
      try {
        await signinLoader({ request, params: {}, context: { nonce: "n", clientAddress: "10.9.0.2" } });
      } catch (thrown) {
        return (thrown as Response).headers.get("Location");
      }
      return null;
    };
    expect(await go("next=%2Flearn%2Ftokens")).toBe("/learn/tokens");
    expect(await go("next=%2F%09%2Fevil.example")).toBe("/learn");
  });

  it("is one helper: judged against the request's own origin", () => {
    const request = new Request("https://school.example/signin");
    expect(safeRedirectTarget(request, "/teach", "/")).toBe("/teach");
    expect(safeRedirectTarget(request, "https://school.example/teach", "/")).toBe("/");
    expect(safeRedirectTarget(request, "/" + "a".repeat(5_000), "/")).toBe("/");
  });
});
