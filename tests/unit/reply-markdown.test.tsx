/**
 * A model's reply rendered from Markdown (react-markdown + GFM + sanitizing): what replies use,
 * and never raw HTML, script links or images fetched from the internet.
 */
import fs from "node:fs";
import path from "node:path";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReplyMarkdown, safeHref } from "~/components/playground/reply-markdown";
import { en } from "~/i18n/catalog/en";
import { I18nProvider } from "~/i18n/use-t";

const inEnglish = (ui: ReactElement) => <I18nProvider locale="en" messages={en}>{ui}</I18nProvider>;

function html(text: string): string {
  return renderToStaticMarkup(inEnglish(<ReplyMarkdown text={text} />));
}

function dom(text: string): HTMLElement {
  return render(inEnglish(<ReplyMarkdown text={text} />)).container;
}

describe("ReplyMarkdown: what replies use", () => {
  it("a GFM table renders as a <table> with a header row, scrolling in its own labelled region", () => {
    const out = dom("| Token | Chance |\n| --- | ---: |\n| cat | 0.6 |\n| dog | 0.3 |");
    const table = out.querySelector("table")!;
    expect(table).not.toBeNull();
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["Token", "Chance"]);
    expect([...table.querySelectorAll("tbody tr")].map((tr) => tr.textContent)).toEqual(["cat0.6", "dog0.3"]);
    expect(table.querySelector<HTMLElement>("tbody td:last-child")?.style.textAlign).toBe("right");
    const region = table.parentElement!;
    expect(region.getAttribute("role")).toBe("region");
    expect(region.getAttribute("aria-label")).toBe(en["playground.reply.table"]);
    expect(region.getAttribute("tabindex")).toBe("0");
  });

  it("bold, italic, inline code, strikethrough", () => {
    const out = dom("**bold** and *italic* and _also_ and `code` and ~~gone~~");
    expect(out.querySelector("strong")?.textContent).toBe("bold");
    expect([...out.querySelectorAll("em")].map((e) => e.textContent)).toEqual(["italic", "also"]);
    expect(out.querySelector("code")?.textContent).toBe("code");
    expect(out.querySelector("del")?.textContent).toBe("gone");
  });

  it("leaves snake_case and maths alone", () => {
    expect(dom("call my_function_name now").textContent).toContain("call my_function_name now");
    expect(dom("2 * 3 * 4 = 24").textContent).toContain("2 * 3 * 4 = 24");
  });

  it("code blocks keep their text exactly, no Markdown inside, reachable by keyboard", () => {
    const out = dom("```python\nprint('**hi**')\n  indented\n```");
    const code = out.querySelector("pre > code")!;
    expect(code.textContent).toBe("print('**hi**')\n  indented\n");
    expect(code.className).toBe("language-python");
    expect(out.querySelector("pre")?.getAttribute("tabindex")).toBe("0");
    expect(out.querySelector("strong")).toBeNull();
  });

  it("an unfinished code block (a reply cut off mid-stream) still renders", () => {
    expect(dom("Look:\n```\nlet x = 1").querySelector("pre code")?.textContent).toBe("let x = 1\n");
  });

  it("bulleted, numbered and task lists, with nesting and a starting number", () => {
    const out = dom("- one\n- two **bold**\n  - nested\n\n3. three\n4. four\n\n- [x] done\n- [ ] to do");
    expect(out.querySelector("ul ul > li")?.textContent).toBe("nested");
    expect(out.querySelector("ol")?.getAttribute("start")).toBe("3");
    expect(out.querySelectorAll("ol > li")).toHaveLength(2);
    expect(out.querySelector("li strong")?.textContent).toBe("bold");
    const boxes = [...out.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
    expect(boxes.map((b) => [b.checked, b.disabled, b.getAttribute("aria-label")])).toEqual([
      [true, true, "Done"],
      [false, true, "Not done"],
    ]);
  });

  it("headings sit below the page's own: # becomes h3", () => {
    const out = dom("# Title\n## Part\ntext");
    expect(out.querySelector("h3")?.textContent).toBe("Title");
    expect(out.querySelector("h4")?.textContent).toBe("Part");
    expect(out.querySelector("h1, h2")).toBeNull();
  });

  it("block quotes and rules", () => {
    const out = dom("> quoted **text**\n\n---\n\nafter");
    expect(out.querySelector("blockquote strong")?.textContent).toBe("text");
    expect(out.querySelector("hr")).not.toBeNull();
  });

  it("links with safe protocols open in a new tab, cut off from this one; others stay text", () => {
    const out = dom(
      "[site](https://example.org/a?b=1) [mail](mailto:a@b.org) [bad](javascript:alert(1)) [data](data:text/html,hi) [rel](/admin) www.example.com [vb](vbscript:x)",
    );
    const links = [...out.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.org/a?b=1", "mailto:a@b.org", "http://www.example.com"]);
    for (const a of links) {
      expect(a.getAttribute("rel")).toBe("noopener noreferrer nofollow");
      expect(a.getAttribute("target")).toBe("_blank");
    }
    for (const word of ["bad", "data", "rel", "vb"]) expect(out.textContent).toContain(word);
  });

  it("safeHref accepts only http, https and mailto", () => {
    expect(safeHref("https://a.org")).toBe("https://a.org");
    expect(safeHref(" JavaScript:alert(1)")).toBeNull();
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref("vbscript:x")).toBeNull();
    expect(safeHref("//evil.org")).toBeNull();
    expect(safeHref("https://a.org/\"onmouseover=x")).toBeNull();
  });

  it("an image is never loaded: it becomes a link to it, labelled with its description", () => {
    const out = dom("Look: ![a red fox](https://example.org/fox.png) and ![](javascript:alert(1)) and ![x](/local.png)");
    expect(out.querySelector("img")).toBeNull();
    const [fox, ...others] = [...out.querySelectorAll(".md-image")];
    expect(fox!.tagName).toBe("A");
    expect(fox!.getAttribute("href")).toBe("https://example.org/fox.png");
    expect(fox!.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(fox!.textContent).toBe("Picture, not shown: a red fox");
    // unsafe or relative addresses: the description only, no link
    expect(others.map((o) => o.tagName)).toEqual(["SPAN", "SPAN"]);
    expect(html("![fox](https://example.org/fox.png)")).not.toMatch(/<img\b/i);
  });
});

describe("ReplyMarkdown: raw HTML is text", () => {
  const PAYLOADS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<svg onload=alert(1)>",
    "<iframe src=//evil.org></iframe>",
    '**<b onmouseover="alert(1)">bold</b>**',
    "`<script>` in code and\n```\n<script>alert(1)</script>\n```",
    "[<img src=x onerror=alert(1)>](https://example.org)",
    "<details open><summary>hi</summary><input autofocus onfocus=alert(1)></details>",
    '<div style="position:fixed;inset:0">cover</div>',
  ];

  it.each(PAYLOADS)("%s", (payload) => {
    const out = dom(payload);
    expect(out.querySelector("script, img, svg, iframe, b, details, input, .md div, [style], [onerror], [onload], [onmouseover], [onfocus]")).toBeNull();
    for (const a of out.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https:/);
    // the HTML the model wrote is all there, shown as text
    const tag = /<([a-z]+)/.exec(payload)![0];
    expect(out.textContent).toContain(tag);
    expect(html(payload)).not.toMatch(/<(script|img|svg|iframe|details|input)\b/i);
  });

  it("a hostile nesting depth is shown as plain text instead of overflowing the parser's stack", () => {
    for (const hostile of [
      `${"> ".repeat(2_000)}deep`,
      `${"- ".repeat(2_000)}deep`,
      `${"  ".repeat(1_000)}- deep`,
      `${"*a ".repeat(2_000)}x${" b*".repeat(2_000)}`,
      `${"[".repeat(5_000)}x${"](a)".repeat(5_000)}`,
    ]) {
      const out = dom(hostile);
      expect(out.querySelector(".md-plain")?.textContent).toBe(hostile);
      expect(out.querySelector("blockquote, ul, em, a")).toBeNull();
    }
    expect(() => html(`${"**".repeat(5_000)}x`)).not.toThrow();
    // ordinary nesting is still Markdown, and so is a long list of bold terms
    expect(dom("> > - - **deep** [x](https://a.org)").querySelector("blockquote blockquote ul ul strong")).not.toBeNull();
    const glossary = Array.from({ length: 100 }, (_, i) => `- **term ${i}**: what it means`).join("\n");
    expect(dom(glossary).querySelectorAll("li strong")).toHaveLength(100);
  });

  it("the playground's components never set inner HTML", () => {
    const dir = path.resolve(import.meta.dirname, "../../app/components/playground");
    for (const file of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(dir, file), "utf8"), file).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
    }
  });
});

describe("ReplyMarkdown: shapes that broke pages", () => {
  it("an image inside a link is its description inside the one link (no link in a link)", () => {
    const out = dom("[![build passing](https://e.org/badge.png)](https://e.org/)");
    expect(out.querySelectorAll("a a")).toHaveLength(0);
    const links = [...out.querySelectorAll("a")];
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute("href")).toBe("https://e.org/");
    expect(links[0]!.textContent).toBe("build passing");
  });

  it("footnote links lead to their notes", () => {
    const out = dom("A claim.[^1]\n\n[^1]: The source.");
    const ref = out.querySelector('a[href^="#"]')!;
    const target = ref.getAttribute("href")!.slice(1);
    expect(out.querySelector(`[id="${target}"]`)).not.toBeNull();
  });

  it("a reply of thousands of lines is shown as plain text, not parsed", () => {
    const out = dom("a\n=\n".repeat(2000));
    expect(out.querySelector("h3")).toBeNull();
    expect(out.querySelector(".md-plain")).not.toBeNull();
  });
});
