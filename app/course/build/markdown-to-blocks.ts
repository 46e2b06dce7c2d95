/**
 * The Markdown body of one lesson file → steps of `Block`/`Inline` trees (see ../types.ts).
 * Markdown is parsed here, at build time, and never per request. Every problem is reported with
 * its real line: mdast positions count from the body, so the front matter's lines are added.
 */
import type {
  Definition,
  Heading,
  List,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import { directiveFromMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { directive } from "micromark-extension-directive";
import { gfm } from "micromark-extension-gfm";
import {
  CALLOUT_KINDS,
  WIDGET_NAMES,
  type AuthoredLocale,
  type Block,
  type CalloutKind,
  type Inline,
  type Source,
  type Step,
  type WidgetName,
} from "../types";
import type { ContentIssues } from "./errors";
import { lookUpDiagram, renderDiagram } from "./diagrams";
import { ID_PATTERN } from "./front-matter";
import { parseTryItAttributes } from "./tryit";

export interface MarkdownContext {
  /** Path relative to the repository root, as errors print it. */
  file: string;
  /** Lines before the Markdown body in its file (the front matter). */
  lineOffset: number;
  locale: AuthoredLocale;
  /** The lesson's sources in front-matter order (cite numbers); null: unknown, cites unchecked. */
  sources: readonly Source[] | null;
  /** Ids of quiz.yaml's `checks`; null: quiz.yaml unusable, check ids unchecked. */
  checkIds: ReadonlySet<string> | null;
  issues: ContentIssues;
}

/** A compiled step plus what the lesson-level checks need to know about it. */
export interface StepDraft {
  step: Step;
  /** The line of the step's `##` heading. */
  line: number;
  /** False when the heading's {#id} was missing or malformed (its id is then a placeholder). */
  idValid: boolean;
  checks: string[];
  tryits: string[];
  /** Diagram names in order of use (both languages must place the same ones). */
  diagrams: string[];
  /** `{#id words="320: reason"}`: this step may be longer than the usual limit, and why. */
  wordsOverride: WordsOverride | null;
}

export interface WordsOverride {
  limit: number;
  reason: string;
}

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [directive(), gfm()],
    mdastExtensions: [directiveFromMarkdown(), gfmFromMarkdown()],
  });
}

/** Compiles a lesson body into its steps, reporting every problem to `ctx.issues`. */
export function markdownToSteps(markdown: string, ctx: MarkdownContext): StepDraft[] {
  return new StepCompiler(markdown, ctx).compile();
}

const KNOWN_DIRECTIVES = "::widget, ::check, ::diagram, :::tryit, :::callout, :::predict, :::discuss, :cite[…]";
/** Inside the braces of a step heading: `#id`, then optional `key="value"` attributes. */
const HEADING_ATTRIBUTE = /^\s*([a-z]+)="([^"]*)"/;
const WORDS_OVERRIDE = /^(\d+)\s*:\s*(\S.*)$/;
const STEP_HEADING_ID = /\s*\{#([^}]*)\}\s*$/;
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const SAFE_HREF = /^(https?:\/\/|mailto:|\/|#)/i;

class StepCompiler {
  private readonly definitions = new Map<string, Definition>();
  private readonly steps: StepDraft[] = [];
  private current: StepDraft | null = null;
  private readonly seenChecks = new Map<string, number>();
  private readonly seenTryIts = new Map<string, number>();
  private readonly seenDiagrams = new Map<string, number>();
  private readonly seenSteps = new Map<string, number>();

  constructor(
    private readonly markdown: string,
    private readonly ctx: MarkdownContext,
  ) {}

  compile(): StepDraft[] {
    const root = parseMarkdown(this.markdown);
    collectDefinitions(root, this.definitions);
    let reportedOrphans = false;
    for (const node of root.children) {
      if (node.type === "heading" && node.depth === 2) {
        this.startStep(node);
        continue;
      }
      if (this.current === null) {
        if (isInvisible(node)) continue;
        if (!reportedOrphans) {
          this.error(node, "text before the first step: start each step with `## Title {#step-id}`");
          reportedOrphans = true;
        }
        continue;
      }
      const block = this.block(node);
      if (block) this.current.step.blocks.push(block);
    }
    return this.steps;
  }

  private startStep(heading: Heading): void {
    const line = this.lineOf(heading);
    const full = plainText(heading.children);
    const match = STEP_HEADING_ID.exec(full);
    const title = (match ? full.slice(0, match.index) : full).trim();
    const inBraces = match?.[1]?.trim() ?? "";
    const idEnd = inBraces.search(/\s/);
    let id = idEnd < 0 ? inBraces : inBraces.slice(0, idEnd);
    const wordsOverride = this.headingAttributes(heading, idEnd < 0 ? "" : inBraces.slice(idEnd));
    const idValid = match !== null && ID_PATTERN.test(id);
    if (!match) {
      this.error(heading, `step heading needs an id: ## ${title || "Title"} {#step-id}`);
    } else if (!ID_PATTERN.test(id)) {
      this.error(heading, `step id "${id}" must use only lowercase letters, digits and dashes`);
    }
    if (title === "") this.error(heading, "step heading needs a title before its {#id}");
    if (idValid) {
      const first = this.seenSteps.get(id);
      if (first !== undefined) this.error(heading, `duplicate step id "${id}" (first used on line ${first})`);
      else this.seenSteps.set(id, line);
    } else {
      // Keep compiling so later problems are reported too; the lesson is rejected anyway.
      id = `step-${this.steps.length + 1}`;
    }
    this.current = { step: { id, title, blocks: [], widgets: [] }, line, idValid, checks: [], tryits: [], diagrams: [], wordsOverride };
    this.steps.push(this.current);
  }

  /** `words="320: the worked example needs the whole table"`: a longer step, with its reason. */
  private headingAttributes(heading: Heading, rest: string): WordsOverride | null {
    let override: WordsOverride | null = null;
    let left = rest.trim();
    while (left !== "") {
      const attr = HEADING_ATTRIBUTE.exec(left);
      if (!attr) {
        this.error(heading, `cannot read "${left}" in the step heading's braces: write {#step-id} or {#step-id words="320: why this step is longer"}`);
        break;
      }
      left = left.slice(attr[0].length).trim();
      const [, key, value = ""] = attr;
      if (key !== "words") {
        this.error(heading, `unknown step heading attribute "${key}" (known: words)`);
        continue;
      }
      const words = WORDS_OVERRIDE.exec(value.trim());
      if (!words) {
        this.error(heading, `words="${value}" needs a limit and a reason: words="320: the worked example needs the whole table"`);
        continue;
      }
      override = { limit: Number(words[1]), reason: (words[2] ?? "").trim() };
    }
    return override;
  }

  private blocks(nodes: readonly RootContent[]): Block[] {
    const out: Block[] = [];
    for (const node of nodes) {
      const block = this.block(node);
      if (block) out.push(block);
    }
    return out;
  }

  private block(node: RootContent): Block | null {
    switch (node.type) {
      case "paragraph": {
        const c = this.inlines(node.children);
        return c.length > 0 ? { t: "p", c } : null;
      }
      case "heading":
        if (node.depth === 3 || node.depth === 4) {
          // Only steps have ids; on a smaller heading `{#id}` would be shown to readers as text.
          if (STEP_HEADING_ID.test(plainText(node.children))) {
            this.error(node, "only ## step headings take an {#id}; remove it from this heading");
          }
          return { t: "h", level: node.depth, c: this.inlines(node.children) };
        }
        if (node.depth === 2) {
          this.error(node, "a step heading (##) must be at the top level, not inside a list, quote or directive");
        } else if (node.depth === 1) {
          this.error(node, "# headings are not used: the title comes from the front matter; steps start with ##");
        } else {
          this.error(node, `heading level ${node.depth} is not supported: use ### or #### inside a step`);
        }
        return null;
      case "list":
        return this.list(node);
      case "blockquote":
        return { t: "quote", c: this.blocks(node.children) };
      case "code":
        return { t: "pre", ...(node.lang ? { lang: node.lang } : {}), v: node.value };
      case "table":
        return this.table(node);
      case "thematicBreak":
        return { t: "hr" };
      case "html":
        if (!isComment(node.value)) this.error(node, "raw HTML is not allowed; use Markdown or a directive");
        return null;
      case "definition":
        return null; // used through link references
      case "leafDirective":
        return this.leafDirective(node);
      case "containerDirective":
        return this.containerDirective(node);
      case "footnoteDefinition":
        this.error(node, "footnotes are not supported: cite a source with :cite[source-id]");
        return null;
      default:
        this.error(node, `unsupported Markdown (${node.type})`);
        return null;
    }
  }

  private list(node: List): Block {
    const items = node.children.map((item) => this.blocks(item.children));
    if (!node.ordered) return { t: "ul", items };
    const start = node.start ?? 1;
    return start === 1 ? { t: "ol", items } : { t: "ol", items, start };
  }

  private table(node: Table): Block {
    const [head, ...rows] = node.children.map((row) => row.children.map((cell) => this.inlines(cell.children)));
    return { t: "table", head: head ?? [], rows };
  }

  private leafDirective(node: LeafDirective): Block | null {
    const attrs = attributes(node);
    switch (node.name) {
      case "widget":
        return this.widget(node, attrs);
      case "check":
        return this.check(node, attrs);
      case "diagram":
        return this.diagram(node, attrs);
      case "reveal":
        this.error(node, "::reveal belongs inside :::predict, between the question and what it reveals");
        return null;
      case "tryit":
      case "callout":
      case "predict":
      case "discuss":
        this.error(node, `"${node.name}" has a body: write :::${node.name}{…}, the text, then ::: on its own line`);
        return null;
      default:
        this.error(node, `unknown directive "::${node.name}" (known: ${KNOWN_DIRECTIVES})`);
        return null;
    }
  }

  private containerDirective(node: ContainerDirective): Block | null {
    const attrs = attributes(node);
    switch (node.name) {
      case "tryit":
        return this.tryit(node, attrs);
      case "callout":
        return this.callout(node, attrs);
      case "predict":
        return this.predict(node, attrs);
      case "discuss":
        return this.discuss(node, attrs);
      case "widget":
      case "check":
      case "diagram":
        this.error(node, `"${node.name}" is a one-line directive: write ::${node.name}{…}`);
        return null;
      default:
        this.error(node, `unknown directive ":::${node.name}" (known: ${KNOWN_DIRECTIVES})`);
        return null;
    }
  }

  private widget(node: LeafDirective, attrs: Record<string, string>): Block | null {
    const { name, ...props } = attrs;
    if (!name) {
      this.error(node, `widget needs a name: ::widget{name="…"} (one of ${WIDGET_NAMES.join(", ")})`);
      return null;
    }
    if (!isWidgetName(name)) {
      this.error(node, `unknown widget "${name}" (known: ${WIDGET_NAMES.join(", ")})`);
      return null;
    }
    const widgets = this.current?.step.widgets;
    if (widgets && !widgets.includes(name)) widgets.push(name);
    return { t: "widget", name, props };
  }

  private check(node: LeafDirective, attrs: Record<string, string>): Block | null {
    const { id, ...rest } = attrs;
    for (const key of Object.keys(rest)) this.error(node, `check: unknown attribute "${key}"`);
    if (!id) {
      this.error(node, 'check needs an id: ::check{id="…"}');
      return null;
    }
    if (this.ctx.checkIds && !this.ctx.checkIds.has(id)) {
      this.error(node, `unknown check "${id}": add it to the checks list of quiz.yaml`);
      return null;
    }
    if (!this.firstUse(this.seenChecks, id, node, "check")) return null;
    this.current?.checks.push(id);
    return { t: "check", id };
  }

  private diagram(node: LeafDirective, attrs: Record<string, string>): Block | null {
    const { name, ...rest } = attrs;
    for (const key of Object.keys(rest)) this.error(node, `diagram: unknown attribute "${key}"`);
    if (!name) {
      this.error(node, 'diagram needs a name: ::diagram{name="…"}');
      return null;
    }
    const found = lookUpDiagram(name);
    if (!found.ok) {
      this.error(node, found.message);
      return null;
    }
    // One diagram per lesson file: its SVG ids (title, desc, arrows) must be unique on the page.
    if (!this.firstUse(this.seenDiagrams, name, node, "diagram")) return null;
    this.current?.diagrams.push(name);
    return { t: "diagram", name, svg: renderDiagram(name, found.module, this.ctx.locale) };
  }

  /** `:::predict` question `::reveal` answer `:::`: the guess comes before the reveal. */
  private predict(node: ContainerDirective, attrs: Record<string, string>): Block | null {
    for (const key of Object.keys(attrs)) this.error(node, `predict: unknown attribute "${key}"`);
    const split = node.children.findIndex((child) => child.type === "leafDirective" && child.name === "reveal");
    if (split < 0) {
      this.error(node, "predict needs ::reveal on its own line between the question and what it reveals");
      return null;
    }
    const extra = node.children.slice(split + 1).find((child) => child.type === "leafDirective" && child.name === "reveal");
    if (extra) this.error(extra, "predict has one ::reveal");
    const c = this.blocks(node.children.slice(0, split));
    const reveal = this.blocks(node.children.slice(split + 1).filter((child) => child !== extra));
    if (c.length === 0) this.error(node, "predict needs a question before ::reveal");
    if (reveal.length === 0) this.error(node, "predict needs something to reveal after ::reveal");
    if (c.length === 0 || reveal.length === 0) return null;
    return { t: "predict", c, reveal };
  }

  private discuss(node: ContainerDirective, attrs: Record<string, string>): Block | null {
    for (const key of Object.keys(attrs)) this.error(node, `discuss: unknown attribute "${key}"`);
    const c = this.blocks(node.children);
    if (c.length === 0) {
      this.error(node, "discuss needs a body: the question to talk about");
      return null;
    }
    return { t: "discuss", c };
  }

  private tryit(node: ContainerDirective, attrs: Record<string, string>): Block | null {
    const parsed = parseTryItAttributes(attrs);
    const prompt = this.sourceOf(node.children).trim();
    if (prompt === "") this.error(node, "tryit needs a body: the prompt that opens the playground");
    if (!parsed.ok) {
      for (const message of parsed.errors) this.error(node, message);
      return null;
    }
    const { id, system, check, miniCheck } = parsed.value;
    if (prompt === "" || !this.firstUse(this.seenTryIts, id, node, "tryit")) return null;
    this.current?.tryits.push(id);
    return { t: "tryit", id, prompt, ...(system !== undefined ? { system } : {}), check, ...(miniCheck ? { miniCheck } : {}) };
  }

  private callout(node: ContainerDirective, attrs: Record<string, string>): Block | null {
    const { kind, title, ...rest } = attrs;
    for (const key of Object.keys(rest)) this.error(node, `callout: unknown attribute "${key}"`);
    if (!kind || !isCalloutKind(kind)) {
      const given = kind ? `unknown callout kind "${kind}"` : 'callout needs a kind: :::callout{kind="…"}';
      this.error(node, `${given} (kinds: ${CALLOUT_KINDS.join(", ")})`);
      return null;
    }
    // `:::callout[Title]` is the directive's label: accept it as the title too.
    const [first, ...body] = node.children;
    const labelled = first?.type === "paragraph" && first.data?.directiveLabel === true;
    const label = labelled ? plainText(first.children).trim() : "";
    const heading = title ?? (label || undefined);
    const c = this.blocks(labelled ? body : node.children);
    return { t: "callout", kind, ...(heading ? { title: heading } : {}), c };
  }

  private inlines(nodes: readonly PhrasingContent[]): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      const inline = this.inline(node);
      if (inline === null) continue;
      const last = out[out.length - 1];
      if (inline.t === "text" && last?.t === "text") last.v += inline.v;
      else out.push(inline);
    }
    for (const inline of out) {
      if (inline.t === "text") inline.v = joinSoftBreaks(inline.v, this.ctx.locale);
    }
    return out.filter((inline) => inline.t !== "text" || inline.v !== "");
  }

  private inline(node: PhrasingContent): Inline | null {
    switch (node.type) {
      case "text":
        return { t: "text", v: node.value };
      case "strong":
        return { t: "strong", c: this.inlines(node.children) };
      case "emphasis":
        return { t: "em", c: this.inlines(node.children) };
      case "inlineCode":
        return { t: "code", v: node.value };
      case "break":
        return { t: "br" };
      case "link":
        return this.link(node, node.url, node.children);
      case "linkReference": {
        const definition = this.definitions.get(node.identifier);
        if (!definition) return { t: "text", v: this.sourceOf([node]) };
        return this.link(node, definition.url, node.children);
      }
      case "textDirective":
        return this.textDirective(node);
      case "html":
        if (!isComment(node.value)) this.error(node, "raw HTML is not allowed; use Markdown or a directive");
        return null;
      case "image":
      case "imageReference":
        this.error(node, "images are not supported in lessons");
        return null;
      case "delete":
        this.error(node, "strikethrough (~~…~~) is not supported");
        return null;
      case "footnoteReference":
        this.error(node, "footnotes are not supported: cite a source with :cite[source-id]");
        return null;
      default: {
        // Unreachable with today's parser extensions; kept so a new extension fails loudly.
        const unknown = node as Nodes;
        this.error(unknown, `unsupported Markdown (${unknown.type})`);
        return null;
      }
    }
  }

  private link(node: Nodes, href: string, children: readonly PhrasingContent[]): Inline | null {
    if (!SAFE_HREF.test(href)) {
      this.error(node, `link "${href}" must be an http(s) address, mailto: or a site path starting with /`);
      return null;
    }
    return { t: "link", href, c: this.inlines(children) };
  }

  private textDirective(node: TextDirective): Inline | null {
    if (node.name === "cite") return this.cite(node);
    // A bare `:word` (no [label], no {attributes}) is ordinary text such as "a:b", not a directive.
    const raw = this.sourceOf([node]);
    if (raw === `:${node.name}`) return { t: "text", v: raw };
    this.error(node, `unknown directive ":${node.name}" (known: ${KNOWN_DIRECTIVES}; write \\: for a literal colon)`);
    return null;
  }

  private cite(node: TextDirective): Inline | null {
    const source = plainText(node.children).trim();
    if (source === "") {
      this.error(node, "cite needs a source id: :cite[source-id]");
      return null;
    }
    const sources = this.ctx.sources;
    if (sources === null) return { t: "cite", source, n: 0 };
    const index = sources.findIndex((s) => s.id === source);
    if (index === -1) {
      const known = sources.length > 0 ? sources.map((s) => s.id).join(", ") : "none";
      this.error(node, `unknown source "${source}" in :cite (sources in the front matter: ${known})`);
      return null;
    }
    return { t: "cite", source, n: index + 1 };
  }

  /** Records the first use of an id; reports and returns false on a second one. */
  private firstUse(seen: Map<string, number>, id: string, node: Nodes, what: string): boolean {
    const first = seen.get(id);
    if (first !== undefined) {
      this.error(node, `${what} "${id}" is already placed on line ${first}`);
      return false;
    }
    seen.set(id, this.lineOf(node));
    return true;
  }

  /** The author's own text for a run of nodes, e.g. a tryit prompt kept exactly as written. */
  private sourceOf(nodes: readonly Nodes[]): string {
    const start = nodes[0]?.position?.start.offset;
    const end = nodes[nodes.length - 1]?.position?.end.offset;
    if (start === undefined || end === undefined) return "";
    return this.markdown.slice(start, end);
  }

  private lineOf(node: Nodes): number {
    return (node.position?.start.line ?? 1) + this.ctx.lineOffset;
  }

  private error(node: Nodes, message: string): void {
    this.ctx.issues.error(this.ctx.file, this.lineOf(node), message);
  }
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === "definition") {
    if (!into.has(node.identifier)) into.set(node.identifier, node);
    return;
  }
  if ("children" in node) for (const child of node.children) collectDefinitions(child, into);
}

function attributes(node: LeafDirective | ContainerDirective): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attributes ?? {})) out[key] = value ?? "";
  return out;
}

/** Nodes that render nothing and may sit before the first step. */
function isInvisible(node: RootContent): boolean {
  return node.type === "definition" || (node.type === "html" && isComment(node.value));
}

/** HTML comments are authors' notes: dropped, not rendered, so they are allowed. */
function isComment(html: string): boolean {
  return /^<!--[\s\S]*-->$/.test(html.trim());
}

function isWidgetName(name: string): name is WidgetName {
  return (WIDGET_NAMES as readonly string[]).includes(name);
}

function isCalloutKind(kind: string): kind is CalloutKind {
  return (CALLOUT_KINDS as readonly string[]).includes(kind);
}

/** The text of inline content without its formatting: step titles, cite ids, labels. */
export function plainText(nodes: readonly Nodes[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text" || node.type === "inlineCode") out += node.value;
    else if ("children" in node) out += plainText(node.children);
  }
  return out;
}

/**
 * A line break inside a paragraph is a space in English, but nothing between two Chinese
 * characters: a browser would otherwise show a stray space where the author wrapped a line.
 * At the edge of a text run the neighbour is unknown; in Chinese we assume a Chinese one.
 */
export function joinSoftBreaks(text: string, locale: AuthoredLocale): string {
  if (!text.includes("\n")) return text;
  return text.replace(/[ \t]*\n[ \t]*/g, (match, offset: number) => {
    if (locale === "en") return " ";
    const before = text[offset - 1];
    const after = text[offset + match.length];
    const cjkBefore = before === undefined || CJK.test(before);
    const cjkAfter = after === undefined || CJK.test(after);
    return cjkBefore && cjkAfter ? "" : " ";
  });
}
