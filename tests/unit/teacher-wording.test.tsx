/**
 * Words on the teacher's screens, found in a walk as two teachers (a mainland IT teacher in
 * 简体中文, a UK teacher in English): multi-select answers joined as the language joins sentences
 * ("…答案；小学……", never "。；"), a label's colon in the reader's language and none after a
 * question mark, and a playground without a model that says where one is connected.
 */
import { render } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { AnswerKey } from "~/components/guide/guide-sections";
import { NoModelNote, type NoModelReader } from "~/components/playground/no-model-note";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { alone, joinAnswers, withColon } from "~/i18n/list";
import { I18nProvider } from "~/i18n/use-t";
import type { AnswerKeyItem } from "~/guides/guide-view.server";

const CATALOG = { en, "zh-Hans": zhHans } as const;

function inLocale(locale: keyof typeof CATALOG, element: React.ReactElement): string {
  const { container, unmount } = render(
    <MemoryRouter>
      <I18nProvider locale={locale} messages={CATALOG[locale]}>
        {element}
      </I18nProvider>
    </MemoryRouter>,
  );
  const html = container.innerHTML;
  unmount();
  return html;
}

describe("joining and labelling", () => {
  it("joins whole answers without a full stop before the separator", () => {
    expect(joinAnswers(["禁止直接复制答案。", "小学生不能独自使用。"], "；")).toBe("禁止直接复制答案；小学生不能独自使用。");
    expect(joinAnswers(["Students must not copy.", "Pupils should not use it alone."], "; ")).toBe(
      "Students must not copy; Pupils should not use it alone.",
    );
    // a question keeps its mark; one answer stays as it is
    expect(joinAnswers(["Is it true?", "No."], "; ")).toBe("Is it true?; No.");
    expect(joinAnswers(["只有一个。"], "；")).toBe("只有一个。");
  });

  it("puts the reader's colon after a label, but none after a question mark", () => {
    expect(withColon("答案", "：")).toBe("答案：");
    expect(withColon("Answer", ": ")).toBe("Answer: ");
    expect(withColon("大语言模型是什么？", "：")).toBe("大语言模型是什么？");
    expect(withColon("What is a large language model?", ": ")).toBe("What is a large language model? ");
  });

  it("gives a list item its capital when it stands alone", () => {
    expect(alone("violence")).toBe("Violence");
    expect(alone("自伤")).toBe("自伤");
    expect(alone("")).toBe("");
  });
});

describe("the answer key", () => {
  const multiple: AnswerKeyItem = {
    id: "q7",
    kind: "choice",
    prompt: "下面哪些内容出自指南？",
    answers: ["禁止学生直接复制人工智能生成的内容作为作业或考试答案。", "小学阶段，学生不能独自使用开放式内容生成功能。"],
    explanation: "指南这样规定。",
    misconception: false,
  };

  it("in 简体中文: full-width colons and one separator between answers", () => {
    const html = inLocale("zh-Hans", <AnswerKey checks={[]} quiz={[multiple]} />);
    expect(html).toContain("<strong>答案：</strong>禁止学生直接复制人工智能生成的内容作为作业或考试答案；小学阶段");
    expect(html).toContain("<strong>解析：</strong>");
    expect(html).not.toMatch(/。[;；]|[\u4e00-\u9fff]:/u);
  });

  it("in English: a colon and a space", () => {
    const html = inLocale("en", <AnswerKey checks={[]} quiz={[{ ...multiple, answers: ["Copying is not allowed.", "Pupils should not use it alone."] }]} />);
    expect(html).toContain("<strong>Answer: </strong>Copying is not allowed; Pupils should not use it alone.");
  });
});

describe("the playground without a model", () => {
  const note = (locale: keyof typeof CATALOG, reader: NoModelReader) => inLocale(locale, <NoModelNote reader={reader} />);

  it.each(["en", "zh-Hans"] as const)("in %s: links the admin to Admin → Models", (locale) => {
    const html = note(locale, "admin");
    expect(html).toContain('href="/admin/models"');
    expect(html).toContain(CATALOG[locale]["playground.noKey.adminLink"]);
    expect(html).not.toContain("ANTHROPIC_API_KEY");
  });

  it.each(["en", "zh-Hans"] as const)("in %s: sends a teacher, who cannot open the page, to the admin", (locale) => {
    const html = note(locale, "teacher");
    expect(html).not.toContain("href=");
    expect(html).toContain(locale === "en" ? "Admin → Models" : "“管理 → 模型”");
    expect(html).not.toContain("ANTHROPIC_API_KEY");
  });

  it("tells a student only that the mini model is part of the lesson", () => {
    const html = note("en", "student");
    expect(html).toContain(en["playground.noKey.student"]);
    expect(html).not.toContain("Admin");
  });
});
