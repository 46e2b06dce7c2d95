/**
 * The parts of a lesson page that are the same for every reader (a step's text between its
 * questions, the sources) are rendered once by the server and written as a string into every
 * later page (components/ui/prerendered.tsx). The browser renders them with React, so the string
 * must be exactly what React would have written in place: otherwise hydration finds other nodes.
 */
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StepBlocks, type BlockContext } from "~/components/lesson/blocks";
import { lessonContentOf } from "~/components/lesson/content";
import { lessonContentUrl } from "~/components/lesson/content-asset.server";
import { SourceList } from "~/components/lesson/sources";
import { Prerendered, PrerenderContext } from "~/components/ui/prerendered";
import { getCourse } from "~/course/course.server";
import type { Block } from "~/course/types";
import { CATALOGS } from "~/i18n/catalogs.server";
import type { Locale } from "~/i18n/locales";
import { I18nProvider, useT } from "~/i18n/use-t";
import { renderOnce } from "~/components/ui/prerendered.server";

const ctx = (renderCheck: BlockContext["renderCheck"] = (id) => <p className="a-check">{id}</p>): BlockContext => ({
  lessonSlug: "x",
  renderCheck,
  widgetData: {},
  realModel: false,
});

/** As the server writes it (with the renderer) and as React renders it in place (the browser). */
function both(locale: Locale, node: ReactNode) {
  const page = (withRenderer: boolean) =>
    renderToString(
      <I18nProvider locale={locale} messages={CATALOGS[locale]}>
        <PrerenderContext.Provider value={withRenderer ? renderOnce : null}>{node}</PrerenderContext.Provider>
      </I18nProvider>,
    );
  return { server: page(true), again: page(true), inPlace: page(false) };
}

const text = (v: string): Block => ({ t: "p", c: [{ t: "text", v }] });

describe("parts rendered once", () => {
  it("writes exactly what React renders in place, for every step and the sources of every lesson in every language", () => {
    let steps = 0;
    for (const lesson of getCourse().lessons) {
      for (const locale of Object.keys(lesson.content) as Locale[]) {
        // the very objects the lesson page renders from (the lesson's text asset)
        const content = lessonContentOf(lessonContentUrl(lesson, locale));
        for (const step of content.steps) {
          const { server, again, inPlace } = both(locale, <StepBlocks blocks={step.blocks} ctx={ctx()} />);
          expect(server, `${lesson.slug} ${locale} ${step.id}`).toBe(inPlace);
          expect(again).toBe(inPlace);
          steps++;
        }
        const sources = both(locale, <SourceList sources={content.head.sources} />);
        expect(sources.server).toBe(sources.inPlace);
        expect(sources.inPlace).toContain('id="source-');
      }
    }
    expect(steps).toBeGreaterThan(50);
  });

  it("renders a part once per content and language; the learner's own blocks on every page", () => {
    let renders = 0;
    function Counted({ children }: { children: ReactNode }) {
      renders++;
      return <>{children}</>;
    }
    const blocks: Block[] = [text("Before"), { t: "check", id: "q1" }, text("After"), text("More")];
    const page = (locale: Locale, answer: string) =>
      both(locale, <StepBlocks blocks={blocks} ctx={ctx((id) => <p className="a-check">{`${id} ${answer}`}</p>)} />).server;

    const first = page("en", "unanswered");
    expect(first).toBe(
      '<div class="step-run"><p>Before</p></div><p class="a-check">q1 unanswered</p><div class="step-run"><p>After</p><p>More</p></div>',
    );
    // the check is the learner's: it changes while the runs around it come from the cache
    expect(page("en", "right")).toContain('<p class="a-check">q1 right</p>');

    const of = {};
    const once = (locale: Locale) =>
      both(
        locale,
        <Prerendered of={of}>
          <Counted>
            <Label />
          </Counted>
        </Prerendered>,
      );
    const en = once("en");
    // `both` renders in place once without the renderer; the server's two pages render it once
    expect(renders).toBe(2);
    expect(en.server).toBe(en.inPlace);
    const zh = once("zh-Hans");
    expect(renders).toBe(4);
    expect(zh.server).toContain(CATALOGS["zh-Hans"]["learn.sources.title"]);
    expect(zh.server).not.toBe(en.server);
  });

  it("renders a check, widget, try-it or guess for each page, even inside a list or a callout", () => {
    let checks = 0;
    const inCallout: Block[] = [{ t: "callout", kind: "tip", c: [text("Tip"), { t: "check", id: "q2" }] }];
    const inList: Block[] = [{ t: "ul", items: [[text("one")], [{ t: "check", id: "q3" }]] }];
    for (const blocks of [inCallout, inList]) {
      for (let i = 0; i < 2; i++) {
        const out = both("en", <StepBlocks blocks={blocks} ctx={ctx((id) => <p>{`${id} ${++checks}`}</p>)} />);
        expect(out.server).not.toContain("step-run");
      }
    }
    // each of the 2 × 2 server pages and 2 × 2 in-place renders asked for its check
    expect(checks).toBe(12);
  });
});

function Label() {
  return <h2>{useT()("learn.sources.title")}</h2>;
}
