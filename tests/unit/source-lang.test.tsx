/**
 * A lesson's sources on a Chinese page (WCAG 3.1.2, language of parts): most are English titles
 * and publishers, shown as they are, and were read with a Chinese voice (found in a 13-year-old's
 * walk through the 繁體 pages). Each English one is marked lang="en" there; a title with Chinese in
 * it is left to the page; on an English page, a Chinese title's runs are marked as lesson text is.
 */
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SourceList } from "~/components/lesson/sources";
import { compileCourse } from "~/course/build/compile-course";
import type { Source } from "~/course/types";
import { CATALOGS } from "~/i18n/catalogs.server";
import type { Locale } from "~/i18n/locales";
import { I18nProvider } from "~/i18n/use-t";

const render = (locale: Locale, sources: Source[]) =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} messages={CATALOGS[locale]}>
      <SourceList sources={sources} />
    </I18nProvider>,
  );

const SOURCES = [
  { id: "cai", title: "Constitutional AI: Harmlessness from AI Feedback", publisher: "Anthropic, 2022", url: "https://example.org/cai" },
  { id: "guide", title: "中小学生成式人工智能使用指南（2025年版）", publisher: "教育部", url: "https://example.org/guide" },
  { id: "book", title: "A printed book", publisher: "A publisher" },
] as unknown as Source[];

describe("a lesson's sources", () => {
  it("are marked English on a Chinese page when they are English, and left to the page when Chinese", () => {
    for (const locale of ["zh-Hans", "zh-Hant"] as const) {
      const html = render(locale, SOURCES);
      expect(html).toContain('<a href="https://example.org/cai" rel="noopener" class="external" lang="en">Constitutional AI');
      expect(html).toContain('<span lang="en">Anthropic, 2022</span>');
      expect(html).toContain('<a href="https://example.org/guide" rel="noopener" class="external">中小学');
      expect(html).toContain("<span>教育部</span>");
      expect(html).toContain('<span lang="en">A printed book</span>');
    }
  });

  it("on an English page, are the page's language, with a Chinese title's runs marked", () => {
    const html = render("en", SOURCES);
    expect(html).not.toContain('lang="en"');
    expect(html).toContain('<span lang="zh-Hans">中小学生成式人工智能使用指南（</span>2025<span lang="zh-Hans">年版）</span>');
    expect(html).toContain('<span><span lang="zh-Hans">教育部</span></span>');
  });

  it("of every lesson: no English title or publisher is left unmarked on a Chinese page", () => {
    const compiled = compileCourse(path.resolve(import.meta.dirname, "../../lessons"), { root: path.resolve(import.meta.dirname, "../..") });
    if ("errors" in compiled) throw new Error("the course does not compile");
    for (const lesson of compiled.course.lessons) {
      const html = render("zh-Hans", lesson.sources);
      // text outside any lang="en" element with Latin letters and no Han: an unmarked English source
      const unmarked = html
        .replace(/<(a|span)[^>]*lang="en"[^>]*>.*?<\/\1>/g, "")
        .replace(/<[^>]+>/g, "\n")
        .split("\n")
        .filter((text) => /[A-Za-z]{3}/.test(text) && !/\p{Script=Han}/u.test(text));
      expect(unmarked, lesson.slug).toEqual([]);
    }
  });
});
