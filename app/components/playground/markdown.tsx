/**
 * A tiny Markdown renderer for model replies, straight to React elements: paragraphs, bold,
 * italic, inline code, code blocks, lists, headings, block quotes and links.
 *
 * Safe by construction: it never produces HTML strings nor uses React's raw-HTML escape hatch, so
 * raw HTML in a reply — `<script>`, `<img onerror=…>` — is shown as the text it is. Links keep
 * only http, https and mailto addresses; anything else (javascript:, data:, relative) stays text.
 * Small on purpose: it ships in the browser bundle.
 */
import { Fragment, type ReactNode } from "react";

type Block =
  | { t: "p"; text: string }
  | { t: "h"; level: number; text: string }
  | { t: "code"; lang: string; text: string }
  | { t: "list"; ordered: boolean; start: number; items: Block[][] }
  | { t: "quote"; blocks: Block[] }
  | { t: "hr" };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
/** Nesting deeper than this renders as plain text: a hostile reply cannot blow the stack. */
const MAX_DEPTH = 8;

export function parseBlocks(source: string, depth = 0): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  const startsBlock = (line: string) =>
    FENCE.test(line) || HEADING.test(line) || RULE.test(line) || ITEM.test(line) || QUOTE.test(line);

  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(marker)) body.push(lines[i++]!);
      i++; // the closing fence (or the end of an unfinished reply)
      blocks.push({ t: "code", lang: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ t: "h", level: heading[1]!.length, text: heading[2]! });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ t: "hr" });
      i++;
      continue;
    }
    if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ t: "quote", blocks: parseBlocks(body.join("\n"), depth + 1) });
      continue;
    }
    const item = ITEM.exec(line);
    if (depth < MAX_DEPTH && item) {
      const ordered = /\d/.test(item[2]!);
      const start = ordered ? parseInt(item[2]!, 10) : 1;
      const items: string[][] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const next = ITEM.exec(current);
        if (next && next[1]!.length <= item[1]!.length + 1 && /\d/.test(next[2]!) === ordered) {
          items.push([next[3]!]);
          i++;
          continue;
        }
        if (next && next[1]!.length <= item[1]!.length + 1) break; // the other kind of list
        const last = items.at(-1)!;
        if (current.trim() === "") {
          // A blank line continues the item only if indented content follows.
          if (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]!)) {
            last.push("");
            i++;
            continue;
          }
          break;
        }
        if (/^\s{2,}/.test(current)) {
          last.push(current.replace(/^\s{2,4}/, ""));
          i++;
          continue;
        }
        if (startsBlock(current)) break;
        last.push(current); // a lazy continuation line
        i++;
      }
      blocks.push({ t: "list", ordered, start, items: items.map((lines) => parseBlocks(lines.join("\n"), depth + 1)) });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && (para.length === 0 || !startsBlock(lines[i]!))) {
      para.push(lines[i++]!.trim());
    }
    blocks.push({ t: "p", text: para.join("\n") });
  }
  return blocks;
}

/** Only these protocols become links. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\s\u0000-\u001f<>"]/.test(href)) return null;
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" ? href : null;
  } catch {
    return null;
  }
}

/** Inline Markdown → React nodes. */
export function renderInline(text: string, depth = 0): ReactNode[] {
  const out: ReactNode[] = [];
  let plain = "";
  let key = 0;
  const flush = () => {
    if (!plain) return;
    // Line breaks inside a paragraph are kept: replies use them for poems, steps, addresses.
    const parts = plain.split("\n");
    parts.forEach((part, n) => {
      if (n > 0) out.push(<br key={`b${key++}`} />);
      if (part) out.push(<Fragment key={`t${key++}`}>{part}</Fragment>);
    });
    plain = "";
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length && /[\\`*_[\]()#+\-.!<>~|]/.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "`") {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      if (close !== -1) {
        flush();
        out.push(<code key={`c${key++}`}>{text.slice(i + run.length, close).trim() || text.slice(i + run.length, close)}</code>);
        i = close + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    if (depth < MAX_DEPTH && (text.startsWith("**", i) || text.startsWith("__", i))) {
      const marker = text.slice(i, i + 2);
      const close = findClose(text, marker, i + 2);
      if (close !== -1 && (marker === "**" || wordBoundaryAround(text, i, close + 2))) {
        flush();
        out.push(<strong key={`s${key++}`}>{renderInline(text.slice(i + 2, close), depth + 1)}</strong>);
        i = close + 2;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (ch === "*" || ch === "_") && text[i + 1] !== ch) {
      const close = findClose(text, ch, i + 1);
      if (close !== -1 && (ch === "*" || wordBoundaryAround(text, i, close + 1))) {
        flush();
        out.push(<em key={`e${key++}`}>{renderInline(text.slice(i + 1, close), depth + 1)}</em>);
        i = close + 1;
        continue;
      }
    }
    if (ch === "[") {
      const link = /^\[([^\]\n]{1,500})\]\(([^()\s]{1,2000})\)/.exec(text.slice(i));
      if (link) {
        const href = safeHref(link[2]!);
        flush();
        const label = renderInline(link[1]!, depth + 1);
        out.push(
          href ? (
            <a key={`a${key++}`} href={href} rel="noopener noreferrer nofollow" target="_blank">
              {label}
            </a>
          ) : (
            <Fragment key={`a${key++}`}>{label}</Fragment>
          ),
        );
        i += link[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/** The closing marker: not right after the opening one, and not preceded by white space. */
function findClose(text: string, marker: string, from: number): number {
  if (/\s/.test(text[from] ?? " ")) return -1;
  for (let at = text.indexOf(marker, from + 1); at !== -1; at = text.indexOf(marker, at + 1)) {
    if (!/\s/.test(text[at - 1]!) && text.slice(from, at).trim()) return at;
  }
  return -1;
}

/** `_` emphasis only between words' edges, so snake_case_names stay as they are. */
function wordBoundaryAround(text: string, start: number, end: number): boolean {
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  return !isWord(text[start - 1]) && !isWord(text[end]);
}

function renderBlocks(blocks: Block[], tight = false): ReactNode[] {
  return blocks.map((block, n) => {
    switch (block.t) {
      case "p":
        return tight ? <Fragment key={n}>{renderInline(block.text)}</Fragment> : <p key={n}>{renderInline(block.text)}</p>;
      case "h": {
        // Replies sit under the page's own headings: their h1 becomes an h3, and so on.
        const Tag = (["h3", "h4", "h5", "h6", "h6", "h6"] as const)[block.level - 1]!;
        return <Tag key={n}>{renderInline(block.text)}</Tag>;
      }
      case "code":
        return (
          <pre key={n} tabIndex={0}>
            <code data-lang={block.lang || undefined}>{block.text}</code>
          </pre>
        );
      case "list": {
        const items = block.items.map((item, k) => (
          <li key={k}>{renderBlocks(item, item.length === 1 && item[0]!.t === "p")}</li>
        ));
        return block.ordered ? (
          <ol key={n} start={block.start !== 1 ? block.start : undefined}>
            {items}
          </ol>
        ) : (
          <ul key={n}>{items}</ul>
        );
      }
      case "quote":
        return <blockquote key={n}>{renderBlocks(block.blocks)}</blockquote>;
      case "hr":
        return <hr key={n} />;
    }
  });
}

export function Markdown({ text }: { text: string }) {
  return <div className="md">{renderBlocks(parseBlocks(text))}</div>;
}
