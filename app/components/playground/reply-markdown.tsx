/**
 * A model's reply, rendered from Markdown with GitHub's extensions (tables, task lists,
 * strikethrough, autolinks) by react-markdown, on the server and in the browser alike.
 *
 * What a model writes is untrusted, and the reader is a child:
 * - raw HTML is shown as the text it is (`rawHtmlAsText`), never parsed into elements;
 * - rehype-sanitize then keeps only the elements Markdown itself makes (GitHub's schema);
 * - links keep only http, https and mailto addresses (anything else — javascript:, data:,
 *   relative — stays text) and open in a new tab, so following one never loses the chat or a
 *   reply still streaming; `noopener` cuts the new tab off from this one, `noreferrer` keeps the
 *   conversation's address out of the other site's logs, `nofollow` marks it as not vouched for;
 * - images are never loaded (a browser would fetch any address the model wrote): an image
 *   becomes a labelled link to it, or only its description when its address is unsafe.
 * The libraries weigh ~40 KB gzipped: the browser loads this module as a chunk of its own, when a
 * reply needs it (reply-text.tsx).
 */
import { memo, type ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { useT } from "~/i18n/use-t";

type HastNode = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: HastNode[] };

/** react-markdown keeps HTML as `raw` nodes, which the sanitizer would drop: turn them into text. */
function rawHtmlAsText() {
  const visit = (node: HastNode) => {
    if (node.type === "raw") node.type = "text";
    node.children?.forEach(visit);
  };
  return visit;
}

/**
 * An image inside a link (`[![alt](img)](url)`, a common badge) would become a link inside a
 * link — invalid HTML the browser re-nests, so hydration fails and React re-renders the page:
 * there the image is just its description, inside the one link.
 */
function imagesInLinksAsText() {
  const visit = (node: HastNode, inLink: boolean) => {
    node.children = node.children?.map((child) =>
      inLink && child.type === "element" && child.tagName === "img"
        ? { type: "text", value: String(child.properties?.alt ?? "") }
        : child,
    );
    node.children?.forEach((child) => visit(child, inLink || (child.type === "element" && child.tagName === "a")));
  };
  return (tree: HastNode) => visit(tree, false);
}

const schema = {
  ...defaultSchema,
  // remark-gfm's footnotes are already named `user-content-…`; a second prefix broke their links
  clobberPrefix: "",
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
};

/** Only these protocols become links; a page-internal `#fragment` (GFM footnotes) stays a link too. */
export function safeHref(raw: string | undefined): string | null {
  const href = (raw ?? "").trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (!href || /[\s\u0000-\u001f<>"]/.test(href)) return null;
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" ? href : null;
  } catch {
    return null;
  }
}

function ReplyLink({ href, children }: ComponentProps<"a">) {
  if (href?.startsWith("#user-content-")) return <a href={href}>{children}</a>;
  const safe = safeHref(href);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe} rel="noopener noreferrer nofollow" target="_blank">
      {children}
    </a>
  );
}

function ReplyImage({ src, alt }: ComponentProps<"img">) {
  const t = useT();
  const label = t("playground.reply.image", { description: alt || "…" });
  const safe = typeof src === "string" ? safeHref(src) : null;
  return safe ? (
    <a className="md-image" href={safe} rel="noopener noreferrer nofollow" target="_blank">
      {label}
    </a>
  ) : (
    <span className="md-image">{label}</span>
  );
}

function ReplyTable(props: ComponentProps<"table">) {
  const t = useT();
  // a wide table scrolls inside the bubble (keyboard too), never the page
  return (
    <div className="table-scroll" role="region" aria-label={t("playground.reply.table")} tabIndex={0}>
      <table>{props.children}</table>
    </div>
  );
}

/** A task list's box (`- [x]`): read-only, and named, since no label of its own says what it is. */
function ReplyCheckbox({ type, checked }: ComponentProps<"input">) {
  const t = useT();
  if (type !== "checkbox") return null;
  return <input type="checkbox" checked={!!checked} disabled aria-label={t(checked ? "playground.reply.taskDone" : "playground.reply.taskOpen")} />;
}

const components: Components = {
  a: ReplyLink,
  img: ReplyImage,
  table: ReplyTable,
  input: ReplyCheckbox,
  // a long line of code scrolls; the keyboard can reach it
  pre: ({ children }) => <pre tabIndex={0}>{children}</pre>,
  // replies sit under the page's own headings: their h1 becomes an h3, and so on
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h4>{children}</h4>,
  h3: ({ children }) => <h5>{children}</h5>,
  h4: ({ children }) => <h6>{children}</h6>,
  h5: ({ children }) => <h6>{children}</h6>,
  h6: ({ children }) => <h6>{children}</h6>,
};

/**
 * The parser and the tree walkers recurse: a reply nested a few hundred levels deep overflows the
 * stack (the page could not be shown) and deep brackets take seconds of the server's time. Such a
 * reply — a model asked to repeat `> ` or `[` — is shown as plain text instead. The limits are far
 * beyond anything a real reply nests (a list of 100 bold terms uses 400 marks). Measured here:
 * 500 quote levels overflow; emphasis nested 500 deep (1,000 marks) takes ~0.15 s, 2,000 deep
 * overflows.
 */
const MAX_NESTING = 32;
const MAX_EMPHASIS_MARKS_PER_BLOCK = 1_000;
/**
 * Every page of a conversation renders its replies on the server: 2,000 setext headings in an
 * 8 KB reply took about a second each, and twenty of them stalled the server. No real reply has
 * this many lines (a long answer is a few hundred).
 */
const MAX_LINES = 400;
const CONTAINER_PREFIX = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*/;

function tooDeepForMarkdown(text: string): boolean {
  const lines = text.split("\n");
  if (lines.length > MAX_LINES) return true;
  for (const line of lines) {
    let depth = Math.floor((/^[ \t]*/.exec(line)![0].length) / 2);
    for (let rest = line, m = CONTAINER_PREFIX.exec(rest); m && m[0].length > 0; m = CONTAINER_PREFIX.exec(rest)) {
      if (++depth > MAX_NESTING) return true;
      rest = rest.slice(m[0].length);
    }
    if (depth > MAX_NESTING) return true;
  }
  let brackets = 0;
  for (const ch of text) {
    if (ch === "[") brackets++;
    else if (ch === "]") brackets = Math.max(0, brackets - 1);
    if (brackets > MAX_NESTING) return true;
  }
  return text.split(/\n\s*\n/).some((block) => (block.match(/[*_~]/g)?.length ?? 0) > MAX_EMPHASIS_MARKS_PER_BLOCK);
}

const remarkPlugins = [remarkGfm];
const rehypePlugins = [rawHtmlAsText, [rehypeSanitize, schema], imagesInLinksAsText] as NonNullable<ComponentProps<typeof Markdown>["rehypePlugins"]>;

/** Memoised: while one reply streams, the others are not parsed again. */
export const ReplyMarkdown = memo(function ReplyMarkdown({ text }: { text: string }) {
  if (tooDeepForMarkdown(text)) {
    return (
      <div className="md">
        <p className="md-plain">{text}</p>
      </div>
    );
  }
  return (
    <div className="md">
      <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {text}
      </Markdown>
    </div>
  );
});
