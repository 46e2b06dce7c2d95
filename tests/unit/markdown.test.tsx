/**
 * The playground's Markdown renderer: the subset replies use, and never raw HTML.
 */
import fs from "node:fs";
import path from "node:path";
import { render } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, safeHref } from "~/components/playground/markdown";

function html(text: string): string {
  return renderToStaticMarkup(<Markdown text={text} />);
}

function dom(text: string): HTMLElement {
  return render(<Markdown text={text} />).container;
}

describe("Markdown: what replies use", () => {
  it("paragraphs, with line breaks kept inside them", () => {
    expect(html("One\ntwo\n\nThree")).toBe('<div class="md"><p>One<br/>two</p><p>Three</p></div>');
  });

  it("bold, italic, inline code, and their combinations", () => {
    expect(html("**bold** and *italic* and _also_ and `code`")).toBe(
      '<div class="md"><p><strong>bold</strong> and <em>italic</em> and <em>also</em> and <code>code</code></p></div>',
    );
    expect(html("**bold with *italic* inside**")).toContain("<strong>bold with <em>italic</em> inside</strong>");
  });

  it("leaves snake_case, lone stars and maths alone", () => {
    expect(html("call my_function_name now")).toContain("call my_function_name now");
    expect(html("2 * 3 * 4 = 24")).toContain("2 * 3 * 4 = 24");
    expect(html("**not closed")).toContain("**not closed");
  });

  it("code blocks keep their text exactly, language noted, no Markdown inside", () => {
    const out = dom("```python\nprint('**hi**')\n  indented\n```");
    const code = out.querySelector("pre > code")!;
    expect(code.textContent).toBe("print('**hi**')\n  indented");
    expect(code.getAttribute("data-lang")).toBe("python");
    expect(out.querySelector("strong")).toBeNull();
  });

  it("an unfinished code block (a reply cut off mid-stream) still renders", () => {
    expect(dom("Look:\n```\nlet x = 1").querySelector("pre code")?.textContent).toBe("let x = 1");
  });

  it("bulleted and numbered lists, with nesting and a starting number", () => {
    const out = dom("- one\n- two **bold**\n  - nested\n\n3. three\n4. four");
    expect(out.querySelectorAll("ul > li")).toHaveLength(3);
    expect(out.querySelector("ul ul > li")?.textContent).toBe("nested");
    expect(out.querySelector("ol")?.getAttribute("start")).toBe("3");
    expect(out.querySelectorAll("ol > li")).toHaveLength(2);
    expect(out.querySelector("li strong")?.textContent).toBe("bold");
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

  it("links with safe protocols open safely; others stay text", () => {
    const out = dom("[site](https://example.org/a?b=1) [mail](mailto:a@b.org) [bad](javascript:alert(1)) [data](data:text/html,hi) [rel](/admin)");
    const links = [...out.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.org/a?b=1", "mailto:a@b.org"]);
    for (const a of links) expect(a.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(out.textContent).toContain("bad");
    expect(out.textContent).toContain("data");
  });

  it("safeHref accepts only http, https and mailto", () => {
    expect(safeHref("https://a.org")).toBe("https://a.org");
    expect(safeHref(" JavaScript:alert(1)")).toBeNull();
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref("vbscript:x")).toBeNull();
    expect(safeHref("//evil.org")).toBeNull();
    expect(safeHref("https://a.org/\"onmouseover=x")).toBeNull();
  });
});

describe("Markdown: raw HTML is text", () => {
  const PAYLOADS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<svg onload=alert(1)>",
    "<iframe src=//evil.org></iframe>",
    '**<b onmouseover="alert(1)">bold</b>**',
    "`<script>` in code and\n```\n<script>alert(1)</script>\n```",
    "[<img src=x onerror=alert(1)>](https://example.org)",
  ];

  it.each(PAYLOADS)("%s", (payload) => {
    const out = dom(payload);
    expect(out.querySelector("script, img, svg, iframe, b, [onerror], [onload], [onmouseover]")).toBeNull();
    for (const a of out.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https:/);
    // The text the model wrote is all there, as text.
    expect(out.textContent?.replace(/\s+/g, "")).toContain(
      payload.replace(/\*\*|`|```|\[|\]\(https:\/\/example\.org\)/g, "").replace(/\s+/g, "").slice(0, 12),
    );
    expect(html(payload)).not.toMatch(/<(script|img|svg|iframe)\b/i);
  });

  it("a hostile nesting depth cannot blow the stack", () => {
    expect(() => html(`${"> ".repeat(5_000)}deep`)).not.toThrow();
    expect(() => html(`${"- ".repeat(5_000)}deep`)).not.toThrow();
    expect(() => html(`${"**".repeat(5_000)}x`)).not.toThrow();
  });

  it("the playground's components never set inner HTML", () => {
    const dir = path.resolve(import.meta.dirname, "../../app/components/playground");
    for (const file of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(dir, file), "utf8"), file).not.toMatch(/dangerouslySetInnerHTML|innerHTML/);
    }
  });
});
