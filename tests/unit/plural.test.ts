/** Plural entries: the form a number takes is chosen by Intl.PluralRules for the reader's locale. */
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { pluralForm, messageTexts } from "~/i18n/plural";
import { makeTranslate, type Messages } from "~/i18n/translate";
import { listOf } from "~/i18n/list";

describe("pluralForm", () => {
  const students = { one: "{count} student", other: "{count} students" };

  it("takes English's one form for 1 only", () => {
    expect(pluralForm(students, 1, "en")).toBe("{count} student");
    for (const n of [0, 2, 11, 21, 1.5]) expect(pluralForm(students, n, "en"), String(n)).toBe("{count} students");
  });

  it("takes other for every number in Chinese, which has no other form", () => {
    for (const locale of ["zh-Hans", "zh-Hant"] as const) {
      for (const n of [0, 1, 2, 100]) expect(pluralForm(students, n, locale)).toBe("{count} students");
      expect(pluralForm({ other: "{count} 名学生" }, 1, locale)).toBe("{count} 名学生");
    }
  });

  it("falls back to other when a locale's form is missing from the entry", () => {
    expect(pluralForm({ other: "{count} things" }, 1, "en")).toBe("{count} things");
  });

  it("lists every text of an entry, plain or plural", () => {
    expect(messageTexts("plain")).toEqual(["plain"]);
    expect(messageTexts(students)).toEqual(["{count} student", "{count} students"]);
  });
});

describe("t() with a plural entry", () => {
  it("chooses the form by count and fills it", () => {
    const t = makeTranslate({ "teach.roster.added": { one: "Added {count} student.", other: "Added {count} students." } } as Partial<Messages>, "en");
    expect(t("teach.roster.added", { count: 1 })).toBe("Added 1 student.");
    expect(t("teach.roster.added", { count: 3 })).toBe("Added 3 students.");
  });

  it("says 'Added 1 student.' and 'Added 2 students.' from the real catalog, and one Chinese sentence for both", () => {
    const en = translator("en");
    expect(en("teach.roster.added", { count: 1 })).toBe("Added 1 student.");
    expect(en("teach.roster.added", { count: 2 })).toBe("Added 2 students.");
    const zh = translator("zh-Hans");
    expect(zh("teach.roster.added", { count: 1 })).toBe("已添加 1 名学生。");
    expect(zh("teach.roster.added", { count: 2 })).toBe("已添加 2 名学生。");
  });
});

describe("listOf", () => {
  it("joins as each language joins", () => {
    expect(listOf(["a"], "en")).toBe("a");
    expect(listOf(["a", "b"], "en")).toBe("a and b");
    expect(listOf(["甲", "乙", "丙"], "zh-Hans")).toBe("甲、乙和丙");
  });
});
