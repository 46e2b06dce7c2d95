import { getTokenizer, countTokens as libraryCountTokens } from "@anthropic-ai/tokenizer";
import fc from "fast-check";
import { MAX_TOKENIZE_CHARS, countTokens, tokenize } from "~/course/tokenizer.server";

const SAMPLES: { name: string; text: string }[] = [
  { name: "English sentence", text: "Language models predict the next token, one at a time." },
  { name: "Simplified Chinese", text: "大语言模型一次预测一个词元，然后再预测下一个。" },
  { name: "Traditional Chinese", text: "大型語言模型一次預測一個詞元，然後再預測下一個。" },
  { name: "mixed scripts and numbers", text: "Claude 3.5 读了 200K tokens（约 15 万字）。" },
  { name: "emoji and ZWJ family", text: "Hi 🙂 family: 👨‍👩‍👧 flag: 🇹🇼 done" },
  { name: "full-width punctuation changed by NFKC", text: "你好，世界！（１２３）" },
  { name: "compatibility characters", text: "ｶﾞ ﬁ ① ㍿ x²" },
  { name: "whitespace and newlines", text: "  line one\n\n\tline two  \r\n" },
  { name: "a special-token lookalike", text: "text with <EOT> inside" },
  { name: "empty string", text: "" },
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("tokenize", () => {
  it.each(SAMPLES)("$name: pieces join back to the input exactly", ({ text }) => {
    const { pieces } = tokenize(text);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
  });

  it.each(SAMPLES)("$name: count equals the library's count", ({ text }) => {
    const result = tokenize(text);
    expect(result.count).toBe(libraryCountTokens(text));
    expect(result.pieces.reduce((sum, p) => sum + p.ids.length, 0)).toBe(result.count);
    expect(countTokens(text)).toBe(result.count);
  });

  it("never shows half a character: every piece is well-formed text", () => {
    for (const { text } of SAMPLES) {
      for (const piece of tokenize(text).pieces) {
        expect(piece.text).not.toMatch(LONE_SURROGATE);
        expect(piece.text).not.toContain("\uFFFD");
      }
    }
  });

  it("keeps the true token count when one Chinese character needs several tokens", () => {
    // "世" is split across two byte-level tokens by Claude's tokenizer.
    const { pieces } = tokenize("世界");
    const shi = pieces.find((p) => p.text.startsWith("世"));
    expect(shi).toBeDefined();
    expect(shi!.ids.length).toBeGreaterThan(1);
  });

  it("says what the tokenizer saw when normalisation changed the text", () => {
    const comma = tokenize("你好，").pieces.find((p) => p.text.includes("，"));
    expect(comma?.normalized).toContain(",");
    const plain = tokenize("hello").pieces[0];
    expect(plain).toEqual({ ids: expect.any(Array), text: "hello" });
  });

  it("English words are mostly one token each, with their leading space", () => {
    const { pieces } = tokenize("the cat sat");
    expect(pieces.map((p) => p.text)).toEqual(["the", " cat", " sat"]);
    expect(pieces.every((p) => p.ids.length === 1)).toBe(true);
  });

  it("reuses one tokenizer: many calls work and agree", () => {
    const first = tokenize(SAMPLES[1]!.text);
    for (let i = 0; i < 500; i++) {
      expect(countTokens(SAMPLES[i % SAMPLES.length]!.text)).toBeGreaterThanOrEqual(0);
    }
    expect(tokenize(SAMPLES[1]!.text)).toEqual(first);
  });

  it("truncates input beyond the bound and says so, without splitting a surrogate pair", () => {
    const long = "a".repeat(MAX_TOKENIZE_CHARS - 1) + "🙂🙂";
    const result = tokenize(long);
    expect(result.truncated).toBe(true);
    const joined = result.pieces.map((p) => p.text).join("");
    expect(joined).toBe("a".repeat(MAX_TOKENIZE_CHARS - 1));
    expect(tokenize("short").truncated).toBe(false);
  });

  it("countTokens refuses input beyond the bound instead of undercounting", () => {
    expect(() => countTokens("x".repeat(MAX_TOKENIZE_CHARS + 1))).toThrow(RangeError);
  });

  it("property: pieces always rebuild the input and the count matches the library", () => {
    // The library's countTokens() rebuilds its tokenizer per call (~40 ms); do what it does
    // with one instance instead.
    const reference = getTokenizer();
    const libraryCount = (text: string) => reference.encode(text.normalize("NFKC"), "all").length;
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const result = tokenize(text);
        expect(result.pieces.map((p) => p.text).join("")).toBe(text);
        expect(result.count).toBe(libraryCount(text));
      }),
      { numRuns: 300 },
    );
  });
});
