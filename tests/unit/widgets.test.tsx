/**
 * The six lesson widgets in happy-dom: each renders, is operable from the keyboard alone, and
 * its no-JavaScript fallback says something that teaches. The widget APIs are answered by a fake
 * `fetch` with fixed, hand-written answers (the real routes have their own integration tests).
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { I18nProvider } from "~/i18n/use-t";
import type { Locale } from "~/course/types";
import { WIDGET_NAMES, type WidgetName } from "~/course/types";
import { WidgetFallback } from "~/components/widgets/fallbacks";
import { widgetLoaders, type WidgetProps } from "~/components/widgets/registry";
import { CONTEXT_WINDOWS } from "~/components/widgets/context-facts";
import { verdictOf } from "~/course/widgets/calibration-math";
import type { NeedleRun, NextTokenResponse, TokenizedSample, WidgetServerData } from "~/course/widgets/widget-data";
import type { NeedleChoice } from "~/course/widgets/needle-choice";
import { haystackFor, layoutOf, listedWindow } from "~/components/widgets/needle";
import { makeTranslate } from "~/i18n/translate";

// ---------------------------------------------------------------------------------------------
// A fake server for the widget APIs

interface Call {
  url: string;
  body: Record<string, unknown> | null;
}
let calls: Call[] = [];

function tokenized(text: string): TokenizedSample {
  // One piece per word (with its leading space), one token each: enough for the widgets.
  const pieces = (text.match(/\s*\S+|\s+$/g) ?? []).map((piece, i) => ({ text: piece, ids: [100 + i] }));
  return { text, pieces, count: pieces.length, characters: [...text].length };
}

function nextToken(body: Record<string, unknown>): NextTokenResponse {
  const context = String(body.context ?? "");
  const count = body.mode === "peek" ? 0 : Number(body.count ?? 1);
  const added = Array.from({ length: count }, () => ({ piece: body.mode === "top" ? " mat" : " sofa" }));
  const temperature = Number(body.temperature ?? 1);
  return {
    text: context + added.map((a) => a.piece).join(""),
    added,
    temperature,
    topK: 40,
    window: [" the", added.length ? added.at(-1)!.piece : " on"],
    candidates: [
      { piece: " mat", p: 0.38, chance: temperature === 0 ? 1 : 0.5 },
      { piece: " sofa", p: 0.22, chance: temperature === 0 ? 0 : 0.3 },
      { piece: "", end: true, p: 0.05, chance: temperature === 0 ? 0 : 0.2 },
    ],
    // as the real route answers for these texts (its own integration test reads them)
    ...(context === "i want to die" ? { support: "crisis" as const } : context === "nobody cares about me" ? { support: "low_mood" as const } : {}),
  };
}

const fakeFetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input);
  const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
  calls.push({ url, body });
  const reply = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { "Content-Type": "application/json" } });
  if (url.startsWith("/api/tokenize")) {
    const text = String(body?.text ?? "");
    if (text.length > 2000) return reply({ error: "The text is too long: at most 2,000 characters." }, 400);
    // as the real route answers for this text (its own integration test reads it)
    return reply({ ...tokenized(text), ...(text === "i want to die" ? { support: "crisis" } : {}) });
  }
  if (url.startsWith("/api/next-token")) return reply(nextToken(body ?? {}));
  if (url.startsWith("/api/preferences")) {
    if (!body) return reply({ student: true, saved: false, mine: {}, classCounts: {}, minClassmates: 3 });
    return reply({ student: true, saved: true, mine: { [String(body.pair)]: body.choice }, classCounts: { "pair-1": { a: 3, b: 1 } }, minClassmates: 3 });
  }
  return reply({ error: "not found" }, 404);
});

beforeEach(() => {
  calls = [];
  fakeFetch.mockClear();
  vi.stubGlobal("fetch", fakeFetch);
});
afterEach(() => vi.unstubAllGlobals());

// ---------------------------------------------------------------------------------------------
// Helpers

function withI18n(ui: ReactElement, locale: Locale = "en") {
  return render(
    <I18nProvider locale={locale} messages={locale === "en" ? en : zhHans}>
      {ui}
    </I18nProvider>,
  );
}

async function loadWidget(name: WidgetName) {
  return (await widgetLoaders[name]()).default;
}

/** Moves focus with Tab only until `element` has it; fails if it is not reachable. */
async function tabTo(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, max = 60) {
  for (let i = 0; i < max && document.activeElement !== element; i++) await user.tab();
  expect(document.activeElement, `${element.outerHTML.slice(0, 80)} is not reachable with Tab`).toBe(element);
}

const PREFERENCES = {
  pairs: [
    {
      id: "pair-1",
      prompt: { en: "What is the capital of Australia?", "zh-Hans": "澳大利亚的首都是哪里？" },
      a: { en: "Canberra.", "zh-Hans": "堪培拉。" },
      b: { en: "Sydney.", "zh-Hans": "悉尼。" },
      judge: "a",
      reason: { en: "Example label. A correct answer beats a confident wrong one.", "zh-Hans": "示例标签。正确胜过自信的错误。" },
    },
    {
      id: "pair-2",
      prompt: { en: "Write a poem about rain.", "zh-Hans": "写一首关于雨的诗。" },
      a: { en: "Pitter-patter on the pane.", "zh-Hans": "滴答滴答。" },
      b: { en: "Sorry, I can't help.", "zh-Hans": "抱歉，我帮不了。" },
      judge: "a",
      reason: { en: "Example label. Refusing a harmless request is unhelpful.", "zh-Hans": "示例标签。拒绝无害的请求没有帮助。" },
    },
  ],
};

const CONSTITUTION = {
  examples: [
    {
      id: "ex-1",
      principle: { en: "Be honest. Do not present guesses as facts.", "zh-Hans": "要诚实。" },
      prompt: { en: "How much homework do students do?", "zh-Hans": "学生写多少作业？" },
      answer: { en: "Exactly 13.8 hours.", "zh-Hans": "正好 13.8 小时。" },
      critique: { en: "The number has no source and is almost certainly made up.", "zh-Hans": "这个数字没有出处。" },
      revision: { en: "I don't know a reliable figure.", "zh-Hans": "我不知道可靠的数字。" },
    },
  ],
};

const props = (name: WidgetName, extra: Partial<WidgetProps> = {}): WidgetProps => ({
  name,
  props: {},
  lessonSlug: "test-lesson",
  data: {},
  ...extra,
});

// ---------------------------------------------------------------------------------------------

describe("registry", () => {
  it("has a loader for every widget, each giving a component", async () => {
    expect(Object.keys(widgetLoaders).sort()).toEqual([...WIDGET_NAMES].sort());
    for (const name of WIDGET_NAMES) expect(typeof (await loadWidget(name))).toBe("function");
  });
});

describe("tokenizer widget", () => {
  it("points the student to help when the server says the text reads as a crisis", async () => {
    const user = userEvent.setup();
    const Tokenizer = await loadWidget("tokenizer");
    withI18n(<Tokenizer {...props("tokenizer")} />);
    const box = screen.getByLabelText("Type or paste text");
    await user.clear(box);
    await user.type(box, "i want to die");
    const note = await screen.findByTestId("widget-support");
    expect(note.textContent).toBe(`${en["widget.support.talk"]} ${en["widget.support.danger"]}`);
  });

  it("tokenizes as you type, counts, and compares English with Chinese from the keyboard", async () => {
    const user = userEvent.setup();
    const Tokenizer = await loadWidget("tokenizer");
    withI18n(<Tokenizer {...props("tokenizer")} />);
    const box = screen.getByLabelText("Type or paste text");
    expect(await screen.findByText("Tokens: 7")).toBeTruthy(); // the starter sentence, 7 words
    await tabTo(user, box);
    await user.keyboard("{Control>}a{/Control}{Backspace}one two three");
    await waitFor(() => expect(screen.getByText("Tokens: 3")).toBeTruthy());
    const pieces = screen.getByRole("list", { name: "The text cut into tokens" });
    expect(within(pieces).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["one", "·two", "·three"]);
    expect(calls.at(-1)).toEqual({ url: "/api/tokenize", body: { text: "one two three" } });

    const compare = screen.getByRole("button", { name: /Compare English and Chinese/ });
    await tabTo(user, compare);
    await user.keyboard("{Enter}");
    expect(compare.getAttribute("aria-pressed")).toBe("true");
    expect((screen.getByLabelText("English") as HTMLTextAreaElement).value).toBe("I haven't finished my math homework today.");
    expect((screen.getByLabelText("Chinese") as HTMLTextAreaElement).value).toBe("我今天的数学作业还没写完。");
    expect(screen.getByText(/newer Claude models use a newer tokenizer/i)).toBeTruthy();
  });

  it("shows the server's message when the text is refused", async () => {
    const user = userEvent.setup();
    const Tokenizer = await loadWidget("tokenizer");
    withI18n(<Tokenizer {...props("tokenizer")} />);
    const box = screen.getByLabelText("Type or paste text") as HTMLTextAreaElement;
    // maxLength stops typing; a paste of a longer text is cut too, so exercise the API error directly
    expect(box.maxLength).toBe(2000);
    await user.click(box);
    fakeFetch.mockImplementationOnce(async () => new Response(JSON.stringify({ error: "The text is too long: at most 2,000 characters." }), { status: 400 }));
    await user.type(box, "!");
    expect((await screen.findByRole("alert")).textContent).toContain("at most 2,000 characters");
  });
});

describe("next-token widget", () => {
  it("shows the guesses as bars with numbers, says it is not Claude, and works from the keyboard", async () => {
    const user = userEvent.setup();
    const NextToken = await loadWidget("next-token");
    withI18n(<NextToken {...props("next-token", { props: { prompt: "The cat sat on the" } })} />);
    expect(screen.getByText("Mini model (offline) — not Claude")).toBeTruthy();
    const table = await screen.findByRole("table", { name: "The mini model's top guesses for the next token" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(["·mat38.0%50.0%", "·sofa22.0%30.0%", "(end of text)5.0%20.0%"]);
    expect(screen.getByText("The mini model reads only the last 2 tokens:")).toBeTruthy();

    const slider = screen.getByLabelText("Temperature: 1") as HTMLInputElement;
    // A native range input: reachable with Tab; its arrow keys are the browser's (user-event
    // does not implement them), so the change they make is fired directly.
    await tabTo(user, slider);
    fireEvent.change(slider, { target: { value: "0.9" } });
    expect(screen.getByLabelText("Temperature: 0.9")).toBe(slider);

    const step = screen.getByRole("button", { name: "Step: add the top token" });
    await tabTo(user, step);
    await user.keyboard("{Enter}");
    await waitFor(() => expect((screen.getByLabelText(/Text so far/) as HTMLTextAreaElement).value).toBe("The cat sat on the mat"));
    expect(calls.some((c) => c.body?.mode === "top" && c.body.context === "The cat sat on the")).toBe(true);

    const generate = screen.getByRole("button", { name: "Generate 10 tokens" });
    await tabTo(user, generate);
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getByText("Your samples (newest first)")).toBeTruthy());
    const again = screen.getByRole("button", { name: "Sample again" });
    await tabTo(user, again);
    await user.keyboard("{Enter}");
    // Sample again starts from the same text as the last sample, not from its result.
    await waitFor(() => expect(calls.filter((c) => c.body?.mode === "sample" && c.body.context === "The cat sat on the mat")).toHaveLength(2));

    await tabTo(user, screen.getByRole("button", { name: "Reset" }));
    await user.keyboard("{Enter}");
    expect((screen.getByLabelText(/Text so far/) as HTMLTextAreaElement).value).toBe("The cat sat on the");
  });

  it.each([
    ["nobody cares about me", false],
    ["i want to die", true],
  ])("points the student to help when the server says %j reads as low mood or a crisis", async (typed, danger) => {
    const user = userEvent.setup();
    const NextToken = await loadWidget("next-token");
    withI18n(<NextToken {...props("next-token", { props: { prompt: "The cat sat on the" } })} />);
    await screen.findByRole("table");
    expect(screen.queryByTestId("widget-support")).toBeNull();
    const box = screen.getByLabelText(/Text so far/);
    await user.clear(box);
    await user.type(box, typed);
    const note = await screen.findByTestId("widget-support");
    expect(note.getAttribute("role")).toBe("note");
    expect(note.textContent).toContain(en["widget.support.talk"]);
    expect(note.textContent!.includes(en["widget.support.danger"])).toBe(danger);
  });

  it("in Chinese, the note's two sentences follow each other without a space", async () => {
    const user = userEvent.setup();
    const NextToken = await loadWidget("next-token");
    withI18n(<NextToken {...props("next-token", { props: { prompt: "The cat sat on the" } })} />, "zh-Hans");
    await screen.findByRole("table");
    const box = screen.getByLabelText(/目前的文字/);
    await user.clear(box);
    await user.type(box, "i want to die");
    const note = await screen.findByTestId("widget-support");
    expect(note.textContent).toBe(`${zhHans["widget.support.talk"]}${zhHans["widget.support.danger"]}`);
  });

  it("starts from the locale's default text when the lesson gives none", async () => {
    const NextToken = await loadWidget("next-token");
    withI18n(<NextToken {...props("next-token")} />, "zh-Hans");
    expect((screen.getByLabelText(/目前的文字/) as HTMLTextAreaElement).value).toBe("语言模型会预测下一个");
    expect(screen.getByText("迷你模型（离线）——不是 Claude")).toBeTruthy();
  });
});

describe("context-window widget", () => {
  it("draws the timeline to scale and switches to a log scale from the keyboard", async () => {
    const user = userEvent.setup();
    const ContextWindow = await loadWidget("context-window");
    withI18n(<ContextWindow {...props("context-window", { props: { focus: "timeline" } })} />);
    const rows = screen.getAllByRole("listitem");
    expect(rows).toHaveLength(CONTEXT_WINDOWS.length);
    expect(rows[0]!.textContent).toContain("GPT-2");
    expect(rows[0]!.textContent).toContain("1,024 tokens ≈ 2.6 pages");
    expect(rows[0]!.textContent).toContain("too small to see");
    const gemini = rows.find((r) => r.textContent?.includes("Gemini 1.5 Pro"))!;
    expect(gemini.textContent).toContain("128K tokens");
    expect(gemini.textContent).toContain("up to 1M");
    const log = screen.getByRole("button", { name: "Logarithmic scale" });
    await tabTo(user, log);
    await user.keyboard("{Enter}");
    expect(log.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getAllByRole("listitem")[0]!.textContent).not.toContain("too small to see");
  });

  it("runs the needle experiment: a 2-token window forgets the needle", async () => {
    const user = userEvent.setup();
    const ContextWindow = await loadWidget("context-window");
    withI18n(<ContextWindow {...props("context-window", { props: { focus: "needle" } })} />);
    expect(await screen.findByText("The needle is outside the window: the model cannot see it.")).toBeTruthy();
    const region = screen.getByRole("region", { name: "The haystack and the question" });
    expect(region.textContent).toContain("The secret password for the school garden is “blue lantern”.");
    const depth = screen.getByLabelText(/Where to hide the needle/) as HTMLInputElement;
    await tabTo(user, depth);
    fireEvent.change(depth, { target: { value: "100" } }); // the browser's End key on a range input
    await waitFor(() => expect(screen.getByLabelText("Where to hide the needle: 100% of the way in")).toBe(depth));
    const big = screen.getByRole("button", { name: "256 tokens (imagined)" });
    await tabTo(user, big);
    await user.keyboard("{Enter}");
    expect(await screen.findByText("The needle is inside the window.")).toBeTruthy();
    const ask = screen.getByRole("button", { name: "Ask the mini model" });
    await tabTo(user, ask);
    await user.keyboard("{Enter}");
    expect(await screen.findByText("The mini model answered:")).toBeTruthy();
    const link = screen.getByRole("link", { name: /Try the same haystack with Claude/ }) as HTMLAnchorElement;
    expect(decodeURIComponent(link.href)).toContain("What is the secret password for the school garden?");
  });
});

describe("preference-lab widget", () => {
  it("lets a student choose from the keyboard, then reveals the judge and the class", async () => {
    const user = userEvent.setup();
    const Lab = await loadWidget("preference-lab");
    withI18n(<Lab {...props("preference-lab", { data: { preferences: PREFERENCES } })} />);
    await waitFor(() => expect(screen.getByText(/Your choices are saved with your account/)).toBeTruthy());
    expect(screen.getByText("What is the capital of Australia?")).toBeTruthy();
    const chooseA = screen.getByRole("button", { name: "A is better" });
    await tabTo(user, chooseA);
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/picked answer A\./)).toBeTruthy();
    expect(screen.getByText(/A correct answer beats a confident wrong one/)).toBeTruthy();
    expect(await screen.findByText(/3 of 4 classmates \(75%\) chose the same as you\./)).toBeTruthy();
    expect(calls.at(-1)).toEqual({ url: "/api/preferences", body: { lesson: "test-lesson", pair: "pair-1", choice: "a" } });

    await tabTo(user, screen.getByRole("button", { name: "Next" }));
    await user.keyboard("{Enter}");
    const chooseB = screen.getByRole("button", { name: "B is better" });
    await tabTo(user, chooseB);
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/You chose differently from the AI judge\./)).toBeTruthy();
    expect(await screen.findByText("You agreed with the AI judge on 1 of 2 pairs (50%).")).toBeTruthy();
  });
});

describe("constitution-lab widget", () => {
  it("steps through a worked example and builds a playground prompt from the learner's principles", async () => {
    const user = userEvent.setup();
    const Lab = await loadWidget("constitution-lab");
    withI18n(<Lab {...props("constitution-lab", { data: { constitution: CONSTITUTION } })} />);
    expect(screen.getByText("Be honest. Do not present guesses as facts.")).toBeTruthy();
    expect(screen.queryByText(/almost certainly made up/)).toBeNull();
    for (const label of ["Show the first answer", "Show the critique", "Show the revision"]) {
      const next = screen.getByRole("button", { name: label });
      await tabTo(user, next);
      await user.keyboard("{Enter}");
    }
    expect(screen.getByText("Exactly 13.8 hours.")).toBeTruthy();
    expect(screen.getByText(/almost certainly made up/)).toBeTruthy();
    expect(screen.getByText("I don't know a reliable figure.")).toBeTruthy();
    expect(screen.getByText("Step 4 of 4")).toBeTruthy();

    expect(screen.queryByRole("link", { name: /in the playground/ })).toBeNull();
    const first = screen.getByLabelText("Principle 1");
    await tabTo(user, first);
    await user.keyboard("Show your working.");
    const link = screen.getByRole("link", { name: /in the playground/ }) as HTMLAnchorElement;
    const prompt = decodeURIComponent(new URL(link.href, "http://x").searchParams.get("prefill") ?? "");
    expect(prompt).toContain("1. Show your working.");
    expect(prompt).toContain("Exactly 13.8 hours.");
    expect(prompt).toContain('"Revision:"');
  });
});

describe("calibration widget", () => {
  const data = {
    calibrationPoints: [
      { level: "guessing", answered: 0, correct: 0 },
      { level: "fairly_sure", answered: 4, correct: 3 },
      { level: "sure", answered: 10, correct: 6 },
    ],
  };

  it("plots the learner's points against the diagonal and says what they mean", async () => {
    const user = userEvent.setup();
    const Calibration = await loadWidget("calibration");
    withI18n(<Calibration {...props("calibration", { data })} />);
    const chart = screen.getByRole("img", { name: /How sure you said you were, against how often you were right/ });
    expect(chart.textContent).toContain("Sure: right 6 of 10 times (60%).");
    expect(screen.getByText(/When you said “Sure”, you were right 6 of 10 times \(60%\), less often than/)).toBeTruthy();
    const table = screen.getByRole("table", { name: "Your quiz answers by confidence level" });
    expect(within(table).getAllByRole("row")).toHaveLength(3); // header + two levels with answers
    const example = screen.getByRole("button", { name: "Show a well-calibrated example" });
    await tabTo(user, example);
    await user.keyboard("{Enter}");
    expect(example.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText(/right about 9 times in 10 when sure/)).toBeTruthy();
  });

  it("handles a learner with no answers yet", async () => {
    const Calibration = await loadWidget("calibration");
    withI18n(<Calibration {...props("calibration", { data: { calibrationPoints: [] } })} />);
    expect(screen.getAllByText(/No quiz answers with a confidence level yet/).length).toBeGreaterThan(0);
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("judges a level only with enough answers, and never calls guessing wrong overconfident", () => {
    expect(verdictOf({ level: "sure", answered: 2, correct: 0 })).toBe("too-few");
    expect(verdictOf({ level: "sure", answered: 10, correct: 6 })).toBe("overconfident");
    expect(verdictOf({ level: "sure", answered: 10, correct: 9 })).toBe("calibrated");
    expect(verdictOf({ level: "guessing", answered: 10, correct: 1 })).toBe("calibrated");
    expect(verdictOf({ level: "guessing", answered: 10, correct: 9 })).toBe("underconfident");
  });
});

/** A needle run shaped as the server makes it, over the fake tokenizer (one token a word). */
function needleRun(choice: NeedleChoice): NeedleRun {
  const haystack = haystackFor(makeTranslate(en, "en"), choice, "en");
  const sample = tokenized(haystack.text);
  return {
    ...choice,
    ...layoutOf(sample, haystack, choice.window),
    listed: listedWindow(sample.pieces, choice.window),
    answer: " the model",
    answerWindow: sample.pieces.slice(-2).map((p) => p.text),
  };
}

describe("fallbacks (no JavaScript)", () => {
  const server: WidgetServerData = {
    tokenizer: {
      samples: [
        { text: "I haven't finished.", pieces: [{ text: "I", ids: [45] }, { text: " haven", ids: [1] }, { text: "'t", ids: [2] }, { text: " finished", ids: [3] }, { text: ".", ids: [4] }], count: 5, characters: 19 },
        { text: "我还没写完。", pieces: [{ text: "我", ids: [5] }, { text: "还", ids: [6, 7] }, { text: "没写完。", ids: [8, 9, 10, 11] }], count: 7, characters: 6 },
      ],
    },
    nextToken: { "The cat sat on the": { window: [" on", " the"], candidates: [{ piece: " tokenizer", p: 0.19, chance: 0.19 }] } },
    needle: needleRun({ sentences: 12, depth: 50, window: 2 }),
  };

  const cases: [WidgetProps, RegExp[]][] = [
    [props("tokenizer", { data: { widgetServer: server } }), [/Tokens: 5/, /Tokens: 7/, /Claude 2-era/, /\(2 tokens\)/]],
    [props("next-token", { props: { prompt: "The cat sat on the" }, data: { widgetServer: server } }), [/not Claude/, /·tokenizer/, /19.0%/, /reads only the last 2 tokens/]],
    [props("context-window", { props: { focus: "timeline" } }), [/GPT-2/, /1,024 tokens/, /Claude 2\.1/, /200K tokens ≈ 500 pages/, /logarithmic scale/]],
    [props("context-window", { props: { focus: "needle" }, data: { widgetServer: server } }), [/blue lantern/, /outside the window/, /The whole text is \d+ tokens/, /answered: the model/]],
    [props("preference-lab", { data: { preferences: PREFERENCES } }), [/capital of Australia/, /Show the AI judge's example label/, /picked answer A/, /RLHF/]],
    [props("constitution-lab", { data: { constitution: CONSTITUTION } }), [/Be honest/, /Exactly 13\.8 hours/, /almost certainly made up/, /I don't know a reliable figure/]],
    [props("calibration", { data: { calibrationPoints: [{ level: "sure", answered: 10, correct: 6 }] } }), [/less often than/, /Overconfident/, /well calibrated on multiple-choice/]],
    [props("calibration", { data: {} }), [/No quiz answers with a confidence level yet/]],
  ];

  for (const [p, expected] of cases) {
    it(`${p.name}${p.props.focus ? ` (${p.props.focus})` : ""} teaches in text`, () => {
      const { container } = withI18n(<WidgetFallback {...p} />);
      const text = container.textContent ?? "";
      for (const pattern of expected) expect(text).toMatch(pattern);
      // no control that does nothing without JavaScript: only forms that post to the lesson
      const controls = [...container.querySelectorAll("button, input, textarea, select")];
      expect(controls.filter((el) => !el.closest("form[method=post]"))).toEqual([]);
    });
  }

  it("needle: the form holds the student's choice, and the tried run is shown as the widget shows it", () => {
    const choice = { sentences: 24, depth: 100, window: 256 };
    const run = { ...needleRun(choice), total: 400, needleReach: 30, listed: null };
    const { container } = withI18n(<WidgetFallback {...props("context-window", { props: { focus: "needle" }, data: { widgetServer: server, widgetTry: { widget: "needle", run } } })} />);
    const form = container.querySelector("form.widget-try")!;
    expect((form.querySelector("select[name=depth]") as HTMLSelectElement).value).toBe("100");
    expect((form.querySelector("input[name=sentences]:checked") as HTMLInputElement).value).toBe("24");
    expect((form.querySelector("input[name=window]:checked") as HTMLInputElement).value).toBe("256");
    const tried = screen.getByTestId("widget-tried");
    expect(tried.textContent).toContain("The needle is inside the window.");
    expect(tried.textContent).toContain("The whole text is 400 tokens. From the start of the needle to the end is 30 tokens; the window holds 256.");
    expect(tried.querySelector(".in-window mark.needle-mark")?.textContent).toContain("blue lantern");
    expect(tried.textContent).toContain("The mini model answered: the model");
  });

  it("needle: a refused try keeps the choice and says why", () => {
    const choice = { sentences: 6, depth: 0, window: 16 };
    const { container } = withI18n(
      <WidgetFallback {...props("context-window", { props: { focus: "needle" }, data: { widgetServer: server, widgetTry: { widget: "needle", choice, refused: "Wait 9 seconds, then try again." } } })} />,
    );
    expect(screen.getByRole("alert").textContent).toBe("Wait 9 seconds, then try again.");
    expect((container.querySelector("input[name=sentences]:checked") as HTMLInputElement).value).toBe("6");
    expect(screen.queryByTestId("widget-tried")).toBeNull();
    // the chosen haystack, its needle at the very start: nothing measured, nothing answered
    expect(container.querySelector(".haystack")!.firstElementChild!.querySelector("mark")?.textContent).toContain("blue lantern");
    expect(container.querySelector(".needle-result")).toBeNull();
  });

  it("keeps the judge's label behind a <details> until opened", () => {
    const { container } = withI18n(<WidgetFallback {...props("preference-lab", { data: { preferences: PREFERENCES } })} />);
    const details = container.querySelectorAll("details");
    expect(details).toHaveLength(2);
    expect(details[0]!.open).toBe(false);
  });

  it("renders in 简体中文", () => {
    const { container } = withI18n(<WidgetFallback {...props("context-window", { props: { focus: "timeline" } })} />, "zh-Hans");
    expect(container.textContent).toContain("1,024 个词元 ≈ 2.6 页");
    expect(container.textContent).toContain("2023 年 11 月");
  });
});

// Act warnings from the debounced effects are noise here; make sure no timer outlives a test.
afterEach(async () => {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
});
