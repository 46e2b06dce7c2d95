/**
 * Lesson blocks added for issue 14, rendered as the server sends them: a diagram's build-time
 * SVG as is, a predict box that reveals without JavaScript and sends nothing, a discuss box.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Blocks } from "~/components/lesson/blocks";
import { renderDiagram } from "~/course/build/diagrams";
import { DIAGRAMS } from "~/course/diagrams";
import type { Block } from "~/course/types";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import type { Locale } from "~/i18n/locales";
import { I18nProvider } from "~/i18n/use-t";

function html(blocks: Block[], locale: Locale = "en"): string {
  return renderToStaticMarkup(
    <I18nProvider locale={locale} messages={locale === "en" ? en : zhHans}>
      <Blocks blocks={blocks} ctx={{ lessonSlug: "x", renderCheck: () => null, widgetData: {}, realModel: true }} />
    </I18nProvider>,
  );
}

describe("issue 14 lesson blocks", () => {
  it("puts a diagram's SVG markup in a figure unchanged", () => {
    const svg = '<svg role="img" aria-labelledby="d-title"><title id="d-title">T</title></svg>';
    expect(html([{ t: "diagram", name: "d", svg }])).toBe(`<figure class="diagram" data-diagram="d">${svg}</figure>`);
  });

  it("shows a predict box: the question, a labelled guess box outside any form, and the reveal in <details>", () => {
    const out = html([{ t: "predict", c: [{ t: "p", c: [{ t: "text", v: "Guess?" }] }], reveal: [{ t: "p", c: [{ t: "text", v: "This." }] }] }]);
    expect(out).toContain(`<p class="predict-kind">${en["learn.predict.title"]}</p><p>Guess?</p>`);
    const id = /<textarea id="([^"]+)"/.exec(out)![1];
    expect(out).toContain(`<label for="${id}" class="predict-label">${en["learn.predict.guess"]}</label>`);
    expect(out).not.toMatch(/<form|name=/);
    expect(out).toContain(`<details class="predict-reveal"><summary>${en["learn.predict.reveal"]}</summary><p>This.</p></details>`);
  });

  it("shows a discuss box with its heading", () => {
    const out = html([{ t: "discuss", c: [{ t: "p", c: [{ t: "text", v: "Fair?" }] }] }]);
    expect(out).toContain(`aria-label="${en["learn.discuss.title"]}"`);
    expect(out).toContain("<p>Fair?</p>");
  });
});

describe("Chinese inside an English lesson (WCAG 3.1.2)", () => {
  const measure: Block = {
    t: "table",
    head: [[{ t: "text", v: "English" }], [{ t: "text", v: "中文" }]],
    rows: [[[{ t: "text", v: "I haven't finished." }], [{ t: "text", v: "我今天的数学作业还没写完。" }]]],
  };

  it("marks each run of Chinese text, punctuation included, with its language", () => {
    const out = html([measure, { t: "p", c: [{ t: "text", v: "Try a poem, such as 床前明月光，疑是地上霜。 How do the numbers change?" }] }]);
    expect(out).toContain('<th scope="col"><span lang="zh-Hans">中文</span></th>');
    expect(out).toContain('<td><span lang="zh-Hans">我今天的数学作业还没写完。</span></td>');
    expect(out).toContain('<p>Try a poem, such as <span lang="zh-Hans">床前明月光，疑是地上霜。</span> How do the numbers change?</p>');
    expect(out).toContain("<td>I haven&#x27;t finished.</td>");
  });

  it("leaves a Chinese page's text as it is", () => {
    expect(html([measure], "zh-Hans")).not.toContain("lang=");
  });

  it("marks a diagram's Chinese labels on an English page only", () => {
    const english = renderDiagram("token-pieces", DIAGRAMS["token-pieces"]!, "en");
    expect(english).toContain('<tspan lang="zh-Hans">可以</tspan>');
    expect(english).toContain('<tspan lang="zh-Hans">晚</tspan> (1)');
    expect(renderDiagram("token-pieces", DIAGRAMS["token-pieces"]!, "zh-Hans")).not.toContain("lang=");
  });
});

describe("tables and worksheets", () => {
  const plan = (first: string): Block => ({
    t: "table",
    head: [[{ t: "text", v: first }], [{ t: "text", v: "Lesson" }]],
    rows: [[[{ t: "text", v: "1" }], [{ t: "text", v: "Tokens" }]]],
  });

  it("names a table's scrolling region by its columns, and its section when there is one", () => {
    expect(html([plan("Period")])).toContain(`role="region" aria-label="${en["learn.tableOf"].replace("{name}", "Period and Lesson")}" tabindex="0"`);
    const inSection = renderToStaticMarkup(
      <I18nProvider locale="en" messages={en}>
        <Blocks blocks={[plan("Period")]} ctx={{ lessonSlug: "", renderCheck: () => null, widgetData: {}, realModel: true, section: "The short course" }} />
      </I18nProvider>,
    );
    expect(inSection).toContain(`aria-label="Table: The short course: Period and Lesson (scrolls sideways on small screens)"`);
  });

  it("gives a blank first header (the row numbers) a name read aloud", () => {
    expect(html([plan("")])).toContain(`<th scope="col"><span class="visually-hidden">${en["learn.tableRowNumber"]}</span></th>`);
  });

  it("draws a worksheet's blanks as lines that can shrink, not as unbreakable underscores", () => {
    const out = html([{ t: "p", c: [{ t: "text", v: "Time to find it: ________ seconds" }] }]);
    expect(out).toBe(`<p>Time to find it: <span class="write-line" style="width:4em"><span class="visually-hidden">${en["learn.blank"]}</span></span> seconds</p>`);
  });
});
