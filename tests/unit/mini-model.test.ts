import fs from "node:fs";
import path from "node:path";
import { countTokens } from "~/course/tokenizer.server";
import {
  DEFAULT_MINI_MODEL_ORDER,
  MINI_MODEL_CONTEXT_TOKENS,
  createMiniModelProvider,
  nextTokenDistribution,
  parseMiniModel,
  sampleNext,
  seededRandom,
  trainMiniModel,
  type TrainingText,
} from "~/playground/mini-model-engine.server";
import type { ChatEvent, ChatRequest } from "~/playground/provider";
import { courseTrainingTexts } from "../../scripts/build-mini-model";
import { toHant } from "~/i18n/hant";

const ENGLISH = [
  "A language model reads text as tokens. A token is a small piece of text.",
  "A token can be a whole word, part of a word, or a single character.",
  "The model predicts the next token. Then it predicts the next token again.",
  "The model does not look words up in a dictionary. The model guesses the next token.",
  "When the temperature is low, the model picks the most likely token.",
  "When the temperature is high, the model picks a less likely token more often.",
  "A language model can be wrong. A language model can sound sure and still be wrong.",
  "The next token depends on the tokens before it. The model reads the tokens before it.",
  "Claude reads a long context. The mini model reads only two tokens of context.",
  "A token is not always a word. A token is sometimes a piece of a word.",
];
const CHINESE = [
  "语言模型把文字切成词元。一个词元是一小段文字。",
  "模型预测下一个词元，然后再预测下一个词元。",
  "温度低的时候，模型选择最可能的词元。温度高的时候，模型更常选择不太可能的词元。",
  "语言模型也会出错。语言模型听起来很确定，也可能是错的。",
  "一个汉字可能是一个词元，也可能是几个词元。",
];
const SAMPLE_CORPUS: TrainingText[] = [
  ...ENGLISH.map((text) => ({ locale: "en", text })),
  ...CHINESE.map((text) => ({ locale: "zh-Hans", text })),
];

const model = trainMiniModel(SAMPLE_CORPUS);
const CONTEXTS = ["", "The model", "A token is", "the next", "unknown zebra words", "语言模型", "下一个", "温度"];

function request(content: string, overrides: Partial<ChatRequest> = {}): ChatRequest {
  return {
    model: "mini",
    system: "You are a helpful tutor.",
    messages: [{ role: "user", content }],
    maxTokens: 30,
    temperature: 0,
    ...overrides,
  };
}

async function collect(events: AsyncIterable<ChatEvent>, onEvent?: (e: ChatEvent) => void) {
  const all: ChatEvent[] = [];
  for await (const event of events) {
    all.push(event);
    onEvent?.(event);
  }
  return all;
}

const textOf = (events: ChatEvent[]) =>
  events.map((e) => (e.type === "text" ? e.text : "")).join("");

describe("trainMiniModel", () => {
  it("produces plain JSON that round-trips through parseMiniModel", () => {
    const copy = parseMiniModel(JSON.stringify(model));
    expect(copy).toEqual(model);
    for (const context of CONTEXTS) {
      expect(nextTokenDistribution(copy, context, { topK: 10 })).toEqual(
        nextTokenDistribution(model, context, { topK: 10 }),
      );
    }
  });

  it("rejects files that are not a mini model", () => {
    expect(() => parseMiniModel("{}")).toThrow(/mini-model/);
    expect(() => parseMiniModel({ format: "other" })).toThrow();
  });

  it("uses display pieces, never half a character, as its vocabulary", () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(model.vocab.some((piece) => loneSurrogate.test(piece))).toBe(false);
    expect(model.vocab.every((piece) => !piece.includes("\uFFFD"))).toBe(true);
    expect(model.vocab).toContain(" token");
  });

  it("prunes n-grams seen fewer than minCount times", () => {
    for (const table of Object.values(model.locales)) {
      for (const [, ...pairs] of Object.values(table.contexts)) {
        for (let i = 1; i < pairs.length; i += 2) expect(pairs[i]).toBeGreaterThanOrEqual(2);
      }
    }
    const unpruned = trainMiniModel(SAMPLE_CORPUS, { minCount: 1 });
    expect(JSON.stringify(unpruned).length).toBeGreaterThan(JSON.stringify(model).length);
  });

  it("reads the previous order − 1 pieces: its context window", () => {
    expect(model.order).toBe(DEFAULT_MINI_MODEL_ORDER);
    expect(MINI_MODEL_CONTEXT_TOKENS).toBe(model.order - 1);
    // Only the last two pieces matter: a different start changes nothing.
    expect(nextTokenDistribution(model, "Anything at all. the next", { locale: "en" })).toEqual(
      nextTokenDistribution(model, "Something else entirely the next", { locale: "en" }),
    );
  });

  it.skipIf(!fs.existsSync(path.resolve("build", "course.json")))(
    "stays small when trained on the real course (build/course.json)",
    () => {
      const course = JSON.parse(fs.readFileSync(path.resolve("build", "course.json"), "utf8"));
      const texts = courseTrainingTexts(course);
      expect(texts.length).toBeGreaterThan(0);
      const bytes = Buffer.byteLength(JSON.stringify(trainMiniModel(texts)));
      expect(bytes).toBeLessThan(3 * 1024 * 1024);
    },
  );
});

describe("nextTokenDistribution", () => {
  it.each(CONTEXTS)("after %j: sorted, at most k entries, summing to at most 1", (context) => {
    for (const topK of [1, 5, 40]) {
      const distribution = nextTokenDistribution(model, context, { topK });
      expect(distribution.length).toBeGreaterThan(0);
      expect(distribution.length).toBeLessThanOrEqual(topK);
      const ps = distribution.map((d) => d.p);
      expect(ps).toEqual([...ps].sort((a, b) => b - a));
      expect(ps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
      expect(ps.every((p) => p > 0)).toBe(true);
    }
  });

  it("is a true probability distribution over the whole vocabulary", () => {
    for (const context of CONTEXTS) {
      const all = nextTokenDistribution(model, context, { topK: model.vocab.length });
      expect(all.reduce((sum, d) => sum + d.p, 0)).toBeCloseTo(1, 9);
    }
  });

  it("predicts what the course says", () => {
    expect(nextTokenDistribution(model, "The model predicts the next", { topK: 1 })[0]?.piece).toBe(" token");
    expect(nextTokenDistribution(model, "", { topK: 3, locale: "en" }).map((d) => d.piece)).toContain("A");
  });

  it("answers in the language of the context", () => {
    const top = nextTokenDistribution(model, "模型预测下一个", { topK: 3 });
    expect(top.every((d) => d.end || /\p{Script=Han}|[，。]/u.test(d.piece))).toBe(true);
  });

  it("marks the end of a text", () => {
    const after = nextTokenDistribution(model, "A token is a small piece of text.", { topK: 5 });
    expect(after.find((d) => d.end)).toEqual({ piece: "", p: expect.any(Number), end: true });
  });
});

describe("sampleNext", () => {
  it("temperature 0 is greedy and ignores the random source", () => {
    const greedy = nextTokenDistribution(model, "The model", { topK: 1 })[0];
    for (let seed = 0; seed < 20; seed++) {
      expect(sampleNext(model, "The model", { temperature: 0, random: seededRandom(seed) })).toEqual(greedy);
    }
  });

  it("is reproducible with a seeded random source", () => {
    const run = () => {
      const random = seededRandom(99);
      return Array.from({ length: 20 }, () => sampleNext(model, "A token", { temperature: 1, random }).piece);
    };
    expect(run()).toEqual(run());
  });

  it("respects topK", () => {
    const topThree = nextTokenDistribution(model, "The model", { topK: 3 }).map((d) => d.piece);
    const greedy = topThree[0];
    for (let seed = 0; seed < 200; seed++) {
      expect(sampleNext(model, "The model", { temperature: 1, topK: 3, random: seededRandom(seed) }).piece).toBeOneOf(topThree);
      expect(sampleNext(model, "The model", { temperature: 1, topK: 1, random: seededRandom(seed) }).piece).toBe(greedy);
    }
  });

  it("a higher temperature gives more distinct continuations", async () => {
    const distinct = async (temperature: number) => {
      const replies = new Set<string>();
      for (let seed = 0; seed < 60; seed++) {
        const provider = createMiniModelProvider(model, { random: seededRandom(seed) });
        const events = await collect(provider.stream(request("Tell me about the model", { temperature, maxTokens: 8 }), new AbortController().signal));
        replies.add(textOf(events));
      }
      return replies.size;
    };
    const [cold, cool, warm] = [await distinct(0), await distinct(0.3), await distinct(1)];
    expect(cold).toBe(1);
    expect(warm).toBeGreaterThan(cool);
    expect(cool).toBeGreaterThanOrEqual(cold);
  });
});

describe("createMiniModelProvider", () => {
  it("streams text, then usage, then done", async () => {
    const provider = createMiniModelProvider(model);
    expect(provider.id).toBe("mini");
    const prompt = "What does the model predict?";
    const events = await collect(provider.stream(request(prompt), new AbortController().signal));
    const kinds = events.map((e) => e.type);
    expect(kinds.at(-1)).toBe("done");
    expect(kinds.at(-2)).toBe("usage");
    expect(kinds.slice(0, -2).every((k) => k === "text")).toBe(true);
    expect(kinds.filter((k) => k === "done")).toHaveLength(1);
    const usage = events.at(-2) as Extract<ChatEvent, { type: "usage" }>;
    expect(usage.inputTokens).toBe(countTokens(prompt));
    expect(usage.outputTokens).toBeGreaterThanOrEqual(kinds.length - 2);
    expect(usage.outputTokens).toBeLessThanOrEqual(30);
    expect(textOf(events).length).toBeGreaterThan(0);
    expect(textOf(events)).not.toMatch(/^\s/);
  });

  it("opens with the prompt's topic and continues from it", async () => {
    const events = await collect(createMiniModelProvider(model).stream(request("What is a token?"), new AbortController().signal));
    expect(textOf(events)).toMatch(/^(a )?token/);
    const zh = await collect(createMiniModelProvider(model).stream(request("什么是词元？"), new AbortController().signal));
    expect(textOf(zh)).toMatch(/^词?元/);
  });

  it("stops at maxTokens with stopReason max_tokens", async () => {
    const events = await collect(
      createMiniModelProvider(model).stream(request("the model", { maxTokens: 3 }), new AbortController().signal),
    );
    expect(events.at(-2)).toEqual({ type: "usage", inputTokens: 2, outputTokens: 3 });
    expect(events.at(-1)).toEqual({ type: "done", stopReason: "max_tokens" });
  });

  it("can end its text by itself", async () => {
    let ended = false;
    for (let seed = 0; seed < 30 && !ended; seed++) {
      const provider = createMiniModelProvider(model, { random: seededRandom(seed) });
      const events = await collect(provider.stream(request("A token", { temperature: 1, maxTokens: 200 }), new AbortController().signal));
      ended = events.at(-1)?.type === "done" && (events.at(-1) as { stopReason: string }).stopReason === "end_turn";
    }
    expect(ended).toBe(true);
  });

  it("replies from the start of a text when the prompt shares nothing with the course", async () => {
    const events = await collect(createMiniModelProvider(model).stream(request("xyzzy plugh"), new AbortController().signal));
    expect(events.at(-1)?.type).toBe("done");
    expect(textOf(events).length).toBeGreaterThan(0);
  });

  it("honours an AbortSignal that is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const events = await collect(createMiniModelProvider(model).stream(request("the model"), controller.signal));
    expect(events).toEqual([{ type: "error", code: "aborted" }]);
  });

  it("stops mid-stream when aborted, reporting usage then the error", async () => {
    const controller = new AbortController();
    const provider = createMiniModelProvider(model, { tokenDelayMs: 20 });
    const started = Date.now();
    const events = await collect(provider.stream(request("the model", { maxTokens: 200 }), controller.signal), (e) => {
      if (e.type === "text") controller.abort();
    });
    expect(events.filter((e) => e.type === "text")).toHaveLength(1);
    expect(events.at(-2)).toMatchObject({ type: "usage", outputTokens: 1 });
    expect(events.at(-1)).toEqual({ type: "error", code: "aborted" });
    expect(Date.now() - started).toBeLessThan(1000); // the pause between pieces ends on abort
  });

  it("answers a conversation without a user message with bad_request", async () => {
    const events = await collect(
      createMiniModelProvider(model).stream(
        { ...request(""), messages: [{ role: "assistant", content: "Hello" }] },
        new AbortController().signal,
      ),
    );
    expect(events).toEqual([{ type: "error", code: "bad_request" }]);
  });

  it("reads only the last user message", async () => {
    const provider = createMiniModelProvider(model);
    const withHistory = await collect(
      provider.stream(
        {
          ...request(""),
          messages: [
            { role: "user", content: "语言模型" },
            { role: "assistant", content: "词元" },
            { role: "user", content: "the model" },
          ],
        },
        new AbortController().signal,
      ),
    );
    const alone = await collect(provider.stream(request("the model"), new AbortController().signal));
    expect(withHistory).toEqual(alone);
  });
});

describe("the reader's script", () => {
  // Both Chinese scripts, as the real model is trained (zh-Hant converted from zh-Hans).
  const both = trainMiniModel([
    ...CHINESE.map((text) => ({ locale: "zh-Hans", text })),
    ...CHINESE.map((text) => ({ locale: "zh-Hant", text: toHant(text) })),
  ]);
  const reply = async (prompt: string, locale: string) =>
    textOf(await collect(createMiniModelProvider(both).stream(request(prompt, { locale, maxTokens: 12 }), new AbortController().signal)));
  /** Written in 繁體 throughout (toHant leaves it alone), and not in characters both scripts share only. */
  const traditional = (text: string) => toHant(text) === text;

  it("text both scripts share is answered in the reader's: 繁體 on a 繁體 page, 简体 on a 简体 page", async () => {
    // "模型" is written the same in both: found in a 13-year-old's walk, a 繁體 page got 简体
    const hant = await reply("模型", "zh-Hant");
    const hans = await reply("模型", "zh-Hans");
    expect(traditional(hant)).toBe(true);
    expect(traditional(hans)).toBe(false);
  });

  it("text in one script is answered in that script, whatever the page", async () => {
    expect(traditional(await reply("下一个词元", "zh-Hant"))).toBe(false);
    expect(traditional(await reply("下一個詞元", "zh-Hans"))).toBe(true);
  });
});

describe("size", () => {
  it("a sample corpus gives a small model", () => {
    const bytes = Buffer.byteLength(JSON.stringify(model));
    expect(bytes).toBeLessThan(20_000);
  });
});
