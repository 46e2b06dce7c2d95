/**
 * Bad input is refused in the reader's language, inside the site's own frame. A form no keyboard
 * could type (a NUL character in a field) is posted to every page with an action, as a visitor, a
 * student and a teacher, reading in Simplified and in Traditional Chinese: each refusal is a page
 * in that language (with the site's header, so the way on is there), never the English fallback
 * the root's error page has when the root's own data is missing — an action's error used to
 * replace the root, whose loader then did not run (app/components/ui/error-page.tsx).
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/catalogs.server";
import { MAX_FORM_FIELDS } from "../../server/body-limit";
import { errors as englishErrors } from "~/i18n/catalog/en/errors";
import { baseUrl, closeTestSql, cookieHeaderFor, DEMO_STUDENTS, DEMO_TEACHER, langCookieValue, realParamValues } from "./setup/context";
import { fillPattern, scanRoutes } from "./setup/routes";

function post(path: string, cookie: string, body: string): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: "POST",
        headers: { cookie, origin: url.origin, "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

let values: Record<string, string>;

beforeAll(async () => {
  values = await realParamValues();
});

/** Fresh sessions for each run: posting to /signout ends the one it carries. */
async function identities(): Promise<Record<string, string>> {
  return { visitor: "", student: await cookieHeaderFor(DEMO_STUDENTS[2]!), teacher: await cookieHeaderFor(DEMO_TEACHER) };
}

afterAll(closeTestSql);

const ENGLISH_TITLES = [englishErrors["error.badRequest.title"], englishErrors["error.title"], englishErrors["error.notFound.title"], englishErrors["error.forbidden.title"]];

describe("refusals in the reader's language", () => {
  for (const locale of ["zh-Hans", "zh-Hant"] as Locale[]) {
    it(`a form with a NUL character, posted to every page with an action, is refused in ${locale}`, async () => {
      const lang = `lantern_lang=${await langCookieValue(locale)}`;
      const pages = scanRoutes().filter((r) => r.isPage && r.hasAction);
      expect(pages.length).toBeGreaterThan(10);
      const failures: string[] = [];
      let refusedAsBad = 0;
      const who = await identities();
      for (const route of pages) {
        const path = fillPattern(route.pattern, values) + (route.isIndex ? "?index" : "");
        for (const [identity, session] of Object.entries(who)) {
          const cookie = [session, lang].filter(Boolean).join("; ");
          const answer = await post(path, cookie, "intent=save&name=a%00b&step=x%00&prompt=%00");
          if (answer.status < 400) continue; // redirected or answered: nothing to read
          if (answer.status === 400) refusedAsBad++;
          const where = `${route.file} as ${identity} → ${answer.status}`;
          if (!answer.body.includes(`<html lang="${locale}"`)) failures.push(`${where}: not a ${locale} page`);
          const english = ENGLISH_TITLES.filter((title) => answer.body.includes(title));
          if (english.length > 0) failures.push(`${where}: English "${english.join('", "')}"`);
          if (!answer.body.includes('class="site-header"')) failures.push(`${where}: without the site's header`);
        }
      }
      expect(failures).toEqual([]);
      // the NUL reached the forms' reading (not only sign-in walls): most pages refuse it as bad input
      expect(refusedAsBad).toBeGreaterThan(10);
    });
  }
});

// Found in an attack pass: a 1 MB form of 500,000 empty fields took half a second of the only
// thread to parse; a few at once made the database's health check time out (a false outage page).
describe("a form of more fields than any form sends", () => {
  it("is refused before it is parsed, in the reader's language", async () => {
    const lang = `lantern_lang=${await langCookieValue("zh-Hans")}`;
    const answer = await post("/signin", lang, "&".repeat(499_000));
    expect(answer.status).toBe(413);
    expect(answer.body).toContain(translator("zh-Hans")("limit.tooManyParts.body", { max: MAX_FORM_FIELDS }));
    expect(answer.body).toContain('<html lang="zh-Hans"');
  });
});
