/**
 * Lesson blocks added for issue 14, rendered as the server sends them: a diagram's build-time
 * SVG as is, a predict box that reveals without JavaScript and sends nothing, a discuss box.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Blocks } from "~/components/lesson/blocks";
import type { Block } from "~/course/types";
import { en } from "~/i18n/catalog/en";
import { I18nProvider } from "~/i18n/use-t";

function html(blocks: Block[]): string {
  return renderToStaticMarkup(
    <I18nProvider locale="en" messages={en}>
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
