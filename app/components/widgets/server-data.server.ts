/**
 * Numbers the widgets' no-JavaScript fallbacks show, computed on the server for one lesson in one
 * locale (or for one step of it): the tokenizer's cut of an English and a Chinese sentence, the
 * mini model's top guesses for each next-token widget's starting text, and the needle
 * experiment's result. The lesson loader merges the result into the `data` it gives widgets:
 *   Object.assign(widgetData, widgetServerData(lesson, locale, step))
 * Deterministic, so cached per lesson, locale and step (the course and the mini model are fixed).
 */
import { tokenize } from "~/course/tokenizer.server";
import { lessonIndex, type WidgetBlock } from "~/course/course-index";
import type { Lesson, Locale, Step } from "~/course/types";
import { translator } from "~/i18n/catalogs.server";
import { buildHaystack, spacerFor } from "./needle";
import { nextTokenStep, viewAfter } from "./next-token.server";
import { SENTENCE_PAIRS, chineseOf } from "./samples";
import type { TokenizedSample, WidgetServerData, WidgetTry } from "../../course/widgets/widget-data";
import { feelingsIn } from "~/playground/low-mood";

const cache = new WeakMap<Lesson, Map<string, { widgetServer: WidgetServerData }>>();

/** For the widgets of `step` (a step of this lesson in this locale), or of the whole lesson. */
export function widgetServerData(lesson: Lesson, locale: Locale, step?: Step): { widgetServer: WidgetServerData } {
  let byKey = cache.get(lesson);
  if (!byKey) cache.set(lesson, (byKey = new Map()));
  const key = `${locale}#${step?.id ?? ""}`;
  let result = byKey.get(key);
  if (!result) {
    const { byLocale } = lessonIndex(lesson);
    const entries = step ? [byLocale[locale].stepById.get(step.id)] : byLocale[locale].steps;
    byKey.set(key, (result = { widgetServer: compute(entries.flatMap((entry) => entry?.widgets ?? []), locale) }));
  }
  return result;
}

function compute(widgets: readonly WidgetBlock[], locale: Locale): WidgetServerData {
  const t = translator(locale);
  const out: WidgetServerData = {};
  for (const widget of widgets) {
    if (widget.name === "tokenizer" && !out.tokenizer) {
      const pair = SENTENCE_PAIRS[0]!;
      out.tokenizer = { samples: [sampleOf(pair.en), sampleOf(chineseOf(pair, locale))] };
    } else if (widget.name === "next-token") {
      const prompt = widget.props.prompt ?? t("widget.nextToken.defaultPrompt");
      out.nextToken ??= {};
      out.nextToken[prompt] ??= viewAfter(prompt, 1, 40, locale);
    } else if (widget.name === "context-window" && widget.props.focus === "needle" && !out.needle) {
      // The same text the fallback shows: 12 sentences, the needle in the middle.
      const haystack = buildHaystack(t, 12, 0.5, spacerFor(locale));
      const pieces = tokenize(haystack.text).pieces;
      let before = 0;
      let offset = 0;
      for (const piece of pieces) {
        if (offset + piece.text.length > haystack.needleStart) break;
        offset += piece.text.length;
        before += piece.ids.length;
      }
      const total = pieces.reduce((n, p) => n + p.ids.length, 0);
      const answer = nextTokenStep({ context: haystack.text, temperature: 0, topK: 40, mode: "top", count: 8, minPieces: 8, locale });
      out.needle = {
        haystackTokens: total,
        needleReach: total - before,
        window: viewAfter(haystack.text, 0, 1, locale).window,
        answer: answer.added.map((a) => a.piece).join(""),
      };
    }
  }
  return out;
}

/** What a widget tried without JavaScript shows for the typed text (the lesson's "try" action). */
export function tryWidget(widget: "tokenizer" | "next-token", text: string, locale: Locale): WidgetTry {
  // as the widgets' APIs do: a pointer to help when the text reads as a crisis, nothing stored
  const support = feelingsIn(text) ?? undefined;
  return widget === "tokenizer"
    ? { widget, text, sample: sampleOf(text), ...(support ? { support } : {}) }
    : { widget, text, view: viewAfter(text, 1, 40, locale), ...(support ? { support } : {}) };
}

function sampleOf(text: string): TokenizedSample {
  const { pieces, count } = tokenize(text);
  return { text, pieces, count, characters: characterCount(text) };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** User-perceived characters (an emoji or a Chinese character counts once), spaces included. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}
