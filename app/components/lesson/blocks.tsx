/**
 * Renders a step's compiled Block/Inline tree (built from Markdown at build time) to React.
 * No HTML strings from lesson text: every node maps to an element, so lesson text can never
 * inject markup. The one exception is a diagram's SVG, which React itself rendered at build time
 * from our own component (app/course/diagrams), escaping every string.
 */
import { useId, type ReactNode } from "react";
import type { Block, Inline } from "~/course/types";
import { Prerendered } from "~/components/ui/prerendered";
import { TableRegion } from "~/components/ui/table-region";
import { inlineText } from "~/course/block-tree";
import { listOf } from "~/i18n/list";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-t";
import { MarkedText } from "~/components/ui/marked-text";
import { TryIt } from "./tryit";
import { WidgetSlot } from "./widget-slot";

export interface BlockContext {
  lessonSlug: string;
  /** Renders an inline check question (its form and feedback live in the route). */
  renderCheck: (id: string) => ReactNode;
  /** WidgetProps.data for this step's widgets. */
  widgetData: Record<string, unknown>;
  /** False when the learner has no real model now (the try-its say so and offer a recorded reply). */
  realModel: boolean;
  /**
   * The title of the section the blocks sit in, when a page has several: it joins the columns in a
   * table's name, as two plans on one page can have the same columns.
   */
  section?: string;
}

export function Blocks({ blocks, ctx }: { blocks: readonly Block[]; ctx: BlockContext }) {
  return (
    <>
      {blocks.map((block, i) => (
        <BlockNode key={i} block={block} ctx={ctx} />
      ))}
    </>
  );
}

/**
 * A step's blocks: each run of blocks that is the same for every reader is rendered once per
 * server (Prerendered); checks, widgets, try-its and guesses, which are the learner's own or hold
 * state, are rendered for each page. A run's wrapper takes no room (`.step-run`).
 */
export function StepBlocks({ blocks, ctx }: { blocks: readonly Block[]; ctx: BlockContext }) {
  return (
    <>
      {partsOf(blocks).map((part, i) =>
        "run" in part ? (
          <Prerendered key={i} of={part.run} className="step-run">
            <Blocks blocks={part.run} ctx={ctx} />
          </Prerendered>
        ) : (
          <BlockNode key={i} block={part.block} ctx={ctx} />
        ),
      )}
    </>
  );
}

type Part = { run: Block[] } | { block: Block };

// made once per step's blocks: a run is the cache key of its HTML, so it must be the same object
const parts = new WeakMap<readonly Block[], Part[]>();

function partsOf(blocks: readonly Block[]): Part[] {
  let made = parts.get(blocks);
  if (!made) {
    made = [];
    for (const block of blocks) {
      const last = made[made.length - 1];
      if (!isTheSameForEveryone(block)) made.push({ block });
      else if (last && "run" in last) last.run.push(block);
      else made.push({ run: [block] });
    }
    parts.set(blocks, made);
  }
  return made;
}

/**
 * Text only, all the way down: no check, widget, try-it or guess (a guess's ids come from useId).
 * Every kind is named, so a new kind of block must be placed on one side or the other.
 */
function isTheSameForEveryone(block: Block): boolean {
  switch (block.t) {
    case "check":
    case "widget":
    case "tryit":
    case "predict":
      return false;
    case "ul":
    case "ol":
      return block.items.every((item) => item.every(isTheSameForEveryone));
    case "quote":
    case "callout":
    case "discuss":
      return block.c.every(isTheSameForEveryone);
    case "p":
    case "h":
    case "pre":
    case "table":
    case "hr":
    case "diagram":
      return true;
    default:
      return unknownBlock(block);
  }
}

function unknownBlock(block: never): never {
  throw new Error(`a block of an unknown kind: ${JSON.stringify(block)}`);
}

function BlockNode({ block, ctx }: { block: Block; ctx: BlockContext }) {
  const t = useT();
  const locale = useLocale();
  switch (block.t) {
    case "p":
      return (
        <p>
          <Inlines nodes={block.c} />
        </p>
      );
    case "h":
      return block.level === 3 ? (
        <h3>
          <Inlines nodes={block.c} />
        </h3>
      ) : (
        <h4>
          <Inlines nodes={block.c} />
        </h4>
      );
    case "ul":
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              <ListItem blocks={item} ctx={ctx} />
            </li>
          ))}
        </ul>
      );
    case "ol":
      return (
        <ol start={block.start}>
          {block.items.map((item, i) => (
            <li key={i}>
              <ListItem blocks={item} ctx={ctx} />
            </li>
          ))}
        </ol>
      );
    case "quote":
      return (
        <blockquote>
          <Blocks blocks={block.c} ctx={ctx} />
        </blockquote>
      );
    case "pre":
      return (
        <pre className="code-block" tabIndex={0}>
          <code data-lang={block.lang}>{block.v}</code>
        </pre>
      );
    case "table":
      return (
        // named by its columns (and section): two tables on one page are two regions with different names
        <TableRegion className="table-wrap" name={tableName(block, ctx, locale, t)}>
          <table>
            <thead>
              <tr>
                {block.head.map((cell, i) => (
                  <th key={i} scope="col">
                    {i === 0 && !inlineText(cell) ? (
                      // the column of row numbers, left blank in Markdown: a header read aloud still says what it holds
                      <span className="visually-hidden">{t("learn.tableRowNumber")}</span>
                    ) : (
                      <Inlines nodes={cell} />
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>
                      <Inlines nodes={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      );
    case "hr":
      return <hr />;
    case "callout":
      return (
        <aside className={`callout callout-${block.kind}`} aria-label={t(`learn.callout.${block.kind}`)}>
          <p className="callout-title">
            <span className="callout-kind">{t(`learn.callout.${block.kind}`)}</span>
            {block.title ? <strong>{block.title}</strong> : null}
          </p>
          <Blocks blocks={block.c} ctx={ctx} />
        </aside>
      );
    case "widget":
      return <WidgetSlot name={block.name} props={block.props} lessonSlug={ctx.lessonSlug} data={ctx.widgetData} />;
    case "check":
      return <>{ctx.renderCheck(block.id)}</>;
    case "tryit":
      return <TryIt block={block} lessonSlug={ctx.lessonSlug} realModel={ctx.realModel} />;
    case "diagram":
      // The same string on the server and in the browser, so hydration leaves it untouched.
      return <figure className="diagram" data-diagram={block.name} dangerouslySetInnerHTML={{ __html: block.svg }} />;
    case "predict":
      return <Predict block={block} ctx={ctx} />;
    case "discuss":
      return (
        <aside className="discuss" aria-label={t("learn.discuss.title")}>
          <p className="discuss-title">
            <span className="discuss-kind">{t("learn.discuss.title")}</span>
            {t("learn.discuss.lead")}
          </p>
          <Blocks blocks={block.c} ctx={ctx} />
        </aside>
      );
  }
}

/**
 * A guess before the reveal. <details> opens without JavaScript; the guess box is not in a form,
 * so nothing the student writes is sent or stored.
 */
function Predict({ block, ctx }: { block: Extract<Block, { t: "predict" }>; ctx: BlockContext }) {
  const t = useT();
  const guessId = useId();
  return (
    <section className="predict" aria-label={t("learn.predict.title")}>
      <p className="predict-kind">{t("learn.predict.title")}</p>
      <Blocks blocks={block.c} ctx={ctx} />
      <label htmlFor={guessId} className="predict-label">
        {t("learn.predict.guess")}
      </label>
      <textarea id={guessId} className="predict-guess" rows={2} aria-describedby={`${guessId}-note`} />
      <p id={`${guessId}-note`} className="small muted">
        {t("learn.predict.note")}
      </p>
      <details className="predict-reveal">
        <summary>{t("learn.predict.reveal")}</summary>
        <Blocks blocks={block.reveal} ctx={ctx} />
      </details>
    </section>
  );
}

function tableName(table: Extract<Block, { t: "table" }>, ctx: BlockContext, locale: Locale, t: Translate): string {
  const columns = listOf(table.head.map(inlineText).filter(Boolean), locale);
  return ctx.section && columns ? t("learn.tableIn", { section: ctx.section, columns }) : columns;
}

/** A tight list item (a single paragraph) renders without a <p>, as Markdown does. */
function ListItem({ blocks, ctx }: { blocks: readonly Block[]; ctx: BlockContext }) {
  const [first] = blocks;
  if (blocks.length === 1 && first?.t === "p") return <Inlines nodes={first.c} />;
  return <Blocks blocks={blocks} ctx={ctx} />;
}

export function Inlines({ nodes }: { nodes: readonly Inline[] }) {
  return (
    <>
      {nodes.map((node, i) => (
        <InlineNode key={i} node={node} />
      ))}
    </>
  );
}

const EXTERNAL = /^https?:\/\//i;

function InlineNode({ node }: { node: Inline }) {
  const t = useT();
  switch (node.t) {
    case "text":
      return <TextWithBlanks text={node.v} />;
    case "strong":
      return (
        <strong>
          <Inlines nodes={node.c} />
        </strong>
      );
    case "em":
      return (
        <em>
          <Inlines nodes={node.c} />
        </em>
      );
    case "code":
      return (
        <code>
          <MarkedText text={node.v} />
        </code>
      );
    case "br":
      return <br />;
    case "link":
      // Same tab on purpose: young readers lose track of new tabs; the back button brings them back.
      return (
        <a href={node.href} rel="noopener" className={EXTERNAL.test(node.href) ? "external" : undefined}>
          <Inlines nodes={node.c} />
        </a>
      );
    case "cite":
      return (
        <sup className="cite">
          <a href={`#source-${node.source}`} aria-label={t("learn.cite", { n: node.n })}>
            [{node.n}]
          </a>
        </sup>
      );
  }
}

/** Three or more underscores in a sentence: a blank to write in on a worksheet. */
const BLANK = /_{3,}/g;

/**
 * A worksheet's blanks drawn as lines (a border) about as long as the underscores were, but never
 * wider than the page: a run of underscores is one unbreakable word, which made the handouts
 * scroll sideways on a phone (608 px at 360). A screen reader hears "blank".
 */
function TextWithBlanks({ text }: { text: string }) {
  const t = useT();
  if (!text.includes("___")) return <MarkedText text={text} />;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(BLANK)) {
    if (match.index > at) parts.push(<MarkedText key={parts.length} text={text.slice(at, match.index)} />);
    parts.push(
      <span key={parts.length} className="write-line" style={{ width: `${match[0].length / 2}em` }}>
        <span className="visually-hidden">{t("learn.blank")}</span>
      </span>,
    );
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(<MarkedText key={parts.length} text={text.slice(at)} />);
  return <>{parts}</>;
}
