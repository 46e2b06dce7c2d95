/**
 * A row the roster import leaves out, as the teacher reads it: in their language, with the line
 * of the row it repeats (the same file: just the line; another file or the pasted text: named).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RosterNoteItem, RosterProblemItem } from "~/components/teach/roster-problem";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { I18nProvider } from "~/i18n/use-t";
import type { RosterNote, RosterProblem } from "~/models/roster-input.server";

const render = (locale: "en" | "zh-Hans", problem: RosterProblem) =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} messages={locale === "en" ? en : zhHans}>
      <RosterProblemItem problem={problem} />
    </I18nProvider>,
  ).replace(/<[^>]+>/g, "");

describe("a left-out row", () => {
  const repeat: RosterProblem = { file: "名单.csv", line: 5, key: "teach.import.problem.duplicateName", values: { name: "王小明" }, earlier: { file: "名单.csv", line: 2 } };

  it("names the row it repeats, in Chinese", () => {
    expect(render("zh-Hans", repeat)).toBe(`名单.csv 第 5 行：前面已经有王小明（第 2 行），所以这一行不再导入，不会重复创建账号。如果是两名同名的学生，请加一列学号，或给每人填写不同的用户名（或电子邮箱）来区分。`);
  });

  it("names the other file or the pasted text when the earlier row is there", () => {
    expect(render("en", { ...repeat, file: "(pasted)", line: 1, values: { name: "Ed Fu" } })).toMatch(/^Pasted text, line 1: Ed Fu is already on 名单.csv, line 2, so this row is left out/);
  });

  it("says where an unclosed quotation mark opens and what to do, in Chinese", () => {
    const text = render("zh-Hans", { file: "roster.csv", line: 3, key: "teach.import.problem.quoteNeverClosed" });
    expect(text).toMatch(/^roster\.csv 第 3 行：这个文件没有读取：.*请删掉这个引号/);
  });
});

const renderNote = (locale: "en" | "zh-Hans", note: RosterNote) =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} messages={locale === "en" ? en : zhHans}>
      <RosterNoteItem note={note} />
    </I18nProvider>,
  )
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'");

describe("how the list was read", () => {
  const ignored: RosterNote = { file: "(pasted)", key: "teach.import.note.ignoredColumns", lists: { columns: ["Year", "UPN"] } };

  it("names the columns not read, and that nothing in them is kept, in the reader's language", () => {
    expect(renderNote("en", ignored)).toBe("Pasted text: Ignored columns: Year, UPN. Nothing in them is imported or kept: from this list Lantern stores only each student's name and username.");
    expect(renderNote("zh-Hans", { ...ignored, file: "名单.csv", lists: { columns: ["序号", "性别"] } })).toBe("名单.csv：忽略的列：序号、性别。这些列中的内容不会导入，也不会保存：Lantern 从这份名单中只保存每名学生的姓名和用户名。");
  });

  it("says a registration group column was read for information only, and everyone joins this class", () => {
    const note: RosterNote = { file: null, key: "teach.import.note.groupNotThisClass", values: { column: "Reg", name: "8X Computing" }, lists: { groups: ["8X", "8Y"] } };
    expect(renderNote("en", note)).toMatch(/^The “Reg” column names 8X, 8Y, and none of these is this class, 8X Computing, so it was read for information only: every student in the list joins 8X Computing\./);
    expect(renderNote("zh-Hans", { ...note, values: { column: "班级", name: "初一（3）班" }, lists: { groups: ["初一（1）班", "初一（2）班"] } })).toMatch(/^“班级”一列写的是初一（1）班、初一（2）班，都不是本班（初一（3）班），所以这一列只作参考/);
  });
});
