import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/catalog/en";
import { zhHans } from "../../app/i18n/catalog/zh-Hans";
import { zhHant } from "../../app/i18n/catalog/zh-Hant";
import { renderHantCatalog } from "../../app/i18n/hant-catalog";
import { localeFromTag, negotiateAcceptLanguage } from "../../app/i18n/locales";
import { rememberLocale, resolveLocale } from "../../app/i18n/locale.server";
import { format } from "../../app/i18n/translate";
import { messageTexts, type Message } from "../../app/i18n/plural";
import { catalogAsset, catalogAssetAt, catalogUrlsFor, messagesForPath, SERVER_AREAS } from "../../app/i18n/catalog-assets.server";

/** The placeholders an entry uses, over all its plural forms. */
const placeholders = (message: Message) =>
  [...new Set(messageTexts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
const serverOnly = (key: string) => SERVER_AREAS.some((area) => key.startsWith(area));

describe("catalogs", () => {
  for (const [name, catalog] of [
    ["zh-Hans", zhHans],
    ["zh-Hant", zhHant],
  ] as const) {
    it(`${name} has every English key, non-empty, with the same placeholders`, () => {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(catalog[key], `${name} is missing ${key}`).toBeTruthy();
        expect(messageTexts(catalog[key]).every((text) => text.trim() !== ""), `${name} ${key}`).toBe(true);
        expect(placeholders(catalog[key]), `${name} ${key}`).toEqual(placeholders(en[key]));
        // plural where English is plural, and always with the form every locale has
        expect(typeof catalog[key], `${name} ${key}`).toBe(typeof en[key]);
        if (typeof catalog[key] === "object") expect(Object.hasOwn(catalog[key], "other"), `${name} ${key}`).toBe(true);
      }
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    });
  }

  it("has an up-to-date 繁體中文 catalog (run npm run i18n:hant after editing zh-Hans)", () => {
    const committed = fs.readFileSync("app/i18n/catalog/zh-Hant.ts", "utf8");
    expect(committed).toBe(renderHantCatalog(zhHans));
  });

  it("reads Taiwan vocabulary in the derived catalog", () => {
    const text = Object.values(zhHant).flatMap(messageTexts).join("\n");
    expect(text).not.toMatch(/[们这说软络码设]/); // no simplified characters left
    expect(zhHant["nav.playground"]).toBe("練習場");
  });

  it("gives students' pages no teacher or admin strings, teachers' pages all, and no page the model's text or the support card's", () => {
    const student = messagesForPath("en", "/learn/tokens");
    const teacher = messagesForPath("en", "/teach/classes/x");
    expect(Object.keys(student).some((k) => k.startsWith("teach."))).toBe(false);
    // the card's words come with the card, in the language of the message it answers
    expect(Object.keys(messagesForPath("en", "/playground")).some((k) => k.startsWith("safeguarding.card."))).toBe(false);
    expect(Object.keys(en).some((k) => k.startsWith("safeguarding.card."))).toBe(true);
    expect(Object.keys(teacher).sort()).toEqual(Object.keys(en).filter((k) => !serverOnly(k)).sort());
    expect(Object.keys(en).some(serverOnly)).toBe(true);
    expect(student["nav.learn"]).toBe(en["nav.learn"]);
  });

  it("names each catalog asset by its content: a changed string gets a new URL", () => {
    const before = catalogAsset("en", "student", en);
    const after = catalogAsset("en", "student", { ...en, "nav.learn": "Lessons" });
    expect(after.url).not.toBe(before.url);
    expect(catalogAsset("en", "student", { ...en }).url).toBe(before.url);
    // a staff-only string changes only the staff part's URL
    const teach = Object.keys(en).find((k) => k.startsWith("teach."))! as keyof typeof en;
    expect(catalogAsset("en", "student", { ...en, [teach]: "x" }).url).toBe(before.url);
    expect(catalogAsset("en", "staff", { ...en, [teach]: "x" }).url).not.toBe(catalogAsset("en", "staff", en).url);
  });

  it("serves each locale's parts: students' pages name only the student part", () => {
    const [studentUrl] = catalogUrlsFor("zh-Hans", "/learn/tokens");
    expect(catalogUrlsFor("zh-Hans", "/learn/tokens")).toHaveLength(1);
    const student = JSON.parse(catalogAssetAt(studentUrl!)!) as Record<string, string>;
    expect(student["nav.learn"]).toBe(zhHans["nav.learn"]);
    expect(Object.keys(student).some((k) => k.startsWith("teach.") || k.startsWith("admin."))).toBe(false);
    const [, staffUrl] = catalogUrlsFor("zh-Hans", "/teach/classes/x");
    const staff = JSON.parse(catalogAssetAt(staffUrl!)!) as Record<string, string>;
    expect(Object.keys(staff).every((k) => k.startsWith("teach.") || k.startsWith("admin."))).toBe(true);
    expect(Object.keys(student).length + Object.keys(staff).length).toBe(Object.keys(en).filter((k) => !serverOnly(k)).length);
    expect(catalogAssetAt(studentUrl!.replace(/\.[\w-]{12}\.json$/, ".AAAAAAAAAAAA.json"))).toBeNull();
  });

  it("tells the model, in every locale, where the student's own instructions start and end", () => {
    for (const catalog of [en, zhHans, zhHant]) {
      const rules = catalog["modelPrompt.safetyRules"];
      expect(rules).toContain("<student_system_prompt>");
      expect(rules).toContain("</student_system_prompt>");
      expect(rules).toMatch(/12/);
    }
    for (const url of [...catalogUrlsFor("zh-Hant", "/teach/classes/x")]) expect(catalogAssetAt(url)).not.toContain("student_system_prompt");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Hello {name}, {n} left", { name: "Ada", n: 3 })).toBe("Hello Ada, 3 left");
    expect(format("Hello {name}", {})).toBe("Hello {name}");
  });

  it("fills a placeholder at either end, twice, and never inside what it filled in", () => {
    expect(format("{n}/{total}", { n: 5, total: 9 })).toBe("5/9");
    expect(format("{a} and {a}", { a: "x" })).toBe("x and x");
    expect(format("no placeholders", { a: "x" })).toBe("no placeholders");
    // a value is text, not a template: its braces and $-patterns stay as typed
    expect(format("Hi {name}!", { name: "{name} $& $1" })).toBe("Hi {name} $& $1!");
    expect(format("{ name } {na-me} {}", { name: "x" })).toBe("{ name } {na-me} {}");
    // the same template again, from the cache, with other values
    expect(format("{n}/{total}", { n: 1, total: 2 })).toBe("1/2");
  });

  // Found in a walk as a mainland teacher: 加入 初一（3）班 on the projector, 把学生导入 初一（3）班,
  // 确定永久删除 王小明 及其全部进度: the space is for Latin letters and digits, not for Chinese
  it("keeps a space beside a placeholder only where Chinese meets Latin letters or digits", () => {
    expect(format("加入 {name}", { name: "初一（3）班" })).toBe("加入初一（3）班");
    expect(format("加入 {name}", { name: "7B 班" })).toBe("加入 7B 班");
    expect(format("确定永久删除 {name} 及其全部进度。", { name: "王小明" })).toBe("确定永久删除王小明及其全部进度。");
    expect(format("确定永久删除 {name} 及其全部进度。", { name: "Ada" })).toBe("确定永久删除 Ada 及其全部进度。");
    expect(format("{name} 的更多操作", { name: "阿卜杜拉·买买提" })).toBe("阿卜杜拉·买买提的更多操作");
    expect(format("最近 {n} 天", { n: 14 })).toBe("最近 14 天");
    expect(format("Join {name}", { name: "初一（3）班" })).toBe("Join 初一（3）班");
    expect(format("加入 {name}", { name: "" })).toBe("加入 ");
  });
});

describe("locale negotiation", () => {
  it("maps language tags to our locales", () => {
    expect(localeFromTag("zh-CN")).toBe("zh-Hans");
    expect(localeFromTag("zh-SG")).toBe("zh-Hans");
    expect(localeFromTag("zh")).toBe("zh-Hans");
    expect(localeFromTag("zh-TW")).toBe("zh-Hant");
    expect(localeFromTag("zh-HK")).toBe("zh-Hant");
    expect(localeFromTag("zh-Hant-TW")).toBe("zh-Hant");
    expect(localeFromTag("en-GB")).toBe("en");
    expect(localeFromTag("fr")).toBeNull();
  });

  it("follows Accept-Language with q-values, falling back to English", () => {
    expect(negotiateAcceptLanguage("fr-FR,fr;q=0.9,zh-TW;q=0.8,en;q=0.5")).toBe("zh-Hant");
    expect(negotiateAcceptLanguage("en;q=0.4, zh-CN;q=0.9")).toBe("zh-Hans");
    expect(negotiateAcceptLanguage("de, fr")).toBe("en");
    expect(negotiateAcceptLanguage("zh;q=0")).toBe("en");
    expect(negotiateAcceptLanguage(null)).toBe("en");
  });

  it("prefers ?lang= (and remembers it), then the cookie, then the user's setting, then the header", async () => {
    const req = (url: string, headers: Record<string, string> = {}) => new Request(`http://x${url}`, { headers });
    const english = (await rememberLocale("en")).split(";")[0]!;
    const viaQuery = await resolveLocale(req("/?lang=zh-Hant", { Cookie: english }), "zh-Hans");
    expect(viaQuery.locale).toBe("zh-Hant");
    const [pair, ...attributes] = viaQuery.setCookie!.split("; ");
    expect(pair).toMatch(/^lantern_lang=/);
    expect(attributes.sort()).toEqual(["Max-Age=31536000", "Path=/", "SameSite=Lax"]);
    // the remembered choice is read back on the next request
    expect((await resolveLocale(req("/", { Cookie: pair!, "Accept-Language": "en" }), "en")).locale).toBe("zh-Hant");
    expect((await resolveLocale(req("/", { Cookie: english, "Accept-Language": "zh-CN" }), "zh-Hans")).locale).toBe("en");
    expect((await resolveLocale(req("/", { "Accept-Language": "en" }), "zh-Hans")).locale).toBe("zh-Hans");
    expect((await resolveLocale(req("/", { "Accept-Language": "zh-TW" }), null)).locale).toBe("zh-Hant");
    expect(await resolveLocale(req("/?lang=klingon", { "Accept-Language": "zh-TW" }), null)).toEqual({ locale: "zh-Hant", setCookie: null });
    // a choice remembered before the cookie helpers (the bare name) still counts, and is rewritten
    const earlier = await resolveLocale(req("/", { Cookie: "lantern_lang=zh-Hans", "Accept-Language": "en" }), "en");
    expect(earlier.locale).toBe("zh-Hans");
    expect((await resolveLocale(req("/", { Cookie: earlier.setCookie!.split(";")[0]! }), "en")).locale).toBe("zh-Hans");
    // a cookie this server did not write is ignored, not an error
    expect((await resolveLocale(req("/", { Cookie: "lantern_lang=%%%; lantern_lang2=x", "Accept-Language": "zh-TW" }), null)).locale).toBe("zh-Hant");
  });
});
