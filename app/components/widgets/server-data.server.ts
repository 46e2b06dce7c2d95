/**
 * Numbers the widgets' no-JavaScript fallbacks show, computed on the server for one lesson in one
 * locale (or for one step of it): the tokenizer's cut of an English and a Chinese sentence, the
 * mini model's top guesses for each next-token widget's starting text, and the needle
 * experiment's first run. The lesson loader merges the result into the `data` it gives widgets:
 *   Object.assign(widgetData, widgetServerData(lesson, locale, step))
 * Deterministic, so cached per lesson, locale and step (the course and the mini model are fixed).
 */
import { tokenize } from "~/course/tokenizer.server";
import { lessonIndex, type WidgetBlock } from "~/course/course-index";
import type { Lesson, Locale, Step } from "~/course/types";
import { translator } from "~/i18n/catalogs.server";
import { FIRST_CHOICE, type NeedleChoice } from "../../course/widgets/needle-choice";
import { haystackFor, layoutOf, listedWindow } from "./needle";
import { nextTokenStep, viewAfter } from "./next-token.server";
import { SENTENCE_PAIRS, chineseOf } from "./samples";
import type { NeedleRun, TokenizedSample, WidgetServerData, WidgetTry } from "../../course/widgets/widget-data";
import { feelingsIn } from "~/playground/low-mood";
import { WIDGET_ERROR_PARAMS } from "~/forms/widget-api.server";
import { MAX_CHARS } from "~/utils/form-limits";

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
      out.needle = needleRun(FIRST_CHOICE, locale);
    }
  }
  return out;
}

/**
 * What the needle widget shows for a choice: its layout from the same tokenizer, and what the mini
 * model answers with the same request as the widget's "Ask" button (greedy, eight pieces).
 */
export function needleRun(choice: NeedleChoice, locale: Locale): NeedleRun {
  const haystack = haystackFor(translator(locale), choice, locale);
  const sample = tokenize(haystack.text);
  const answer = nextTokenStep({ context: haystack.text, temperature: 0, topK: 40, mode: "top", count: 8, minPieces: 8, locale });
  return {
    ...choice,
    ...layoutOf(sample, haystack, choice.window),
    listed: listedWindow(sample.pieces, choice.window),
    answer: answer.added.map((a) => a.piece).join(""),
    answerWindow: viewAfter(haystack.text, 0, 1, locale).window,
  };
}

/** What a fallback's form asks for: a text to cut or continue, or the needle experiment's choice. */
export type TryInput = { widget: "tokenizer" | "next-token"; text: string } | ({ widget: "needle" } & NeedleChoice);

/** The text a try works on, which its budget is counted by (as the widgets' APIs count theirs). */
export function triedText(input: TryInput, locale: Locale): string {
  return input.widget === "needle" ? haystackFor(translator(locale), input, locale).text : input.text;
}

/** What a widget tried without JavaScript shows for the typed text or choice (the lesson's "try" action). */
export function tryWidget(input: TryInput, locale: Locale): WidgetTry {
  if (input.widget === "needle") return { widget: "needle", run: needleRun(choiceOf(input), locale) };
  const { widget, text } = input;
  // as the widgets' APIs do: a pointer to help when the text reads as a crisis, nothing stored
  const support = feelingsIn(text) ?? undefined;
  return widget === "tokenizer"
    ? { widget, text, sample: sampleOf(text), ...(support ? { support } : {}) }
    : { widget, text, view: viewAfter(text, 1, 40, locale), ...(support ? { support } : {}) };
}

/**
 * A text longer than the widget's box (pasted past it, or a forged post): refused with the limit and
 * the part that fits, but read as the widgets read a text — a crisis gets the pointer to help.
 */
export function tooLongTry(input: Extract<TryInput, { text: string }>, locale: Locale): WidgetTry {
  const support = feelingsIn(input.text) ?? undefined;
  const refused = translator(locale)("widget.api.textTooLong", WIDGET_ERROR_PARAMS["widget.api.textTooLong"]);
  return { widget: input.widget, text: input.text.slice(0, MAX_CHARS.widgetText), refused, ...(support ? { support } : {}) };
}

/** A try refused (over the budget), with what was asked so the form keeps it. */
export function refusedTry(input: TryInput, refused: string): WidgetTry {
  return input.widget === "needle" ? { widget: "needle", choice: choiceOf(input), refused } : { widget: input.widget, text: input.text, refused };
}

function choiceOf({ sentences, depth, window }: NeedleChoice): NeedleChoice {
  return { sentences, depth, window };
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
