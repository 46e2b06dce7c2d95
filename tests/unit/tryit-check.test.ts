import { describe, expect, it } from "vitest";
import { countLines, countWords, gradeExchange, gradeTryIt } from "../../app/course/tryit-check";

describe("countWords", () => {
  it("counts Latin-script words, not punctuation or emoji", () => {
    expect(countWords("Hello, world! It's a robot-club. 🤖")).toBe(5);
    expect(countWords("Pi is 3.14.")).toBe(3);
    expect(countWords("")).toBe(0);
  });

  it("counts each Chinese character as one word", () => {
    expect(countWords("我今天的数学作业还没写完。")).toBe(12);
    expect(countWords("我喜欢AI模型")).toBe(3 + 1 + 2);
    expect(countWords("溫度 temperature")).toBe(3);
  });

  it("counts kana per character and Hangul per spaced word", () => {
    expect(countWords("ありがとう")).toBe(5);
    expect(countWords("안녕 하세요")).toBe(2);
  });
});

describe("countLines", () => {
  it("ignores blank lines and counts CRLF lines", () => {
    expect(countLines("one\n\n  \ntwo\r\nthree\n")).toBe(3);
    expect(countLines("\n\n")).toBe(0);
  });
});

describe("gradeTryIt", () => {
  it("contains: case-insensitive by default, width-folded, case-sensitive when asked", () => {
    expect(gradeTryIt({ kind: "contains", value: "214" }, "The answer is ２１４.").passed).toBe(true);
    expect(gradeTryIt({ kind: "contains", value: "HOMEWORK" }, "homework done").passed).toBe(true);
    expect(gradeTryIt({ kind: "contains", value: "HOMEWORK", caseSensitive: true }, "homework done").passed).toBe(false);
    expect(gradeTryIt({ kind: "contains", value: "HOMEWORK", caseSensitive: true }, "HOMEWORK: done").passed).toBe(true);
  });

  it("regex: uses the author's flags; an invalid pattern fails instead of throwing", () => {
    expect(gradeTryIt({ kind: "regex", pattern: "don['’]t know", flags: "i", says: "matches" }, "I DON'T KNOW").passed).toBe(true);
    expect(gradeTryIt({ kind: "regex", pattern: "[?？]", says: "matches" }, "你觉得呢？").passed).toBe(true);
    expect(gradeTryIt({ kind: "regex", pattern: "(", says: "matches" }, "x").passed).toBe(false);
  });

  it("regex: grading twice gives the same answer", () => {
    const check = { kind: "regex" as const, pattern: "20[0-9][0-9]", says: "matches" };
    expect(gradeTryIt(check, "in 2023").passed).toBe(true);
    expect(gradeTryIt(check, "in 2023").passed).toBe(true);
  });

  it("words: min and max inclusive, with the count", () => {
    expect(gradeTryIt({ kind: "words", max: 60 }, "字".repeat(60))).toEqual({ passed: true, count: 60 });
    expect(gradeTryIt({ kind: "words", max: 60 }, "字".repeat(61))).toEqual({ passed: false, count: 61 });
    expect(gradeTryIt({ kind: "words", min: 10, max: 50 }, "too short")).toEqual({ passed: false, count: 2 });
  });

  it("lines: blank lines do not count", () => {
    expect(gradeTryIt({ kind: "lines", min: 3, max: 3 }, "- a\n\n- b\n- c\n")).toEqual({ passed: true, count: 3 });
    expect(gradeTryIt({ kind: "lines", max: 2 }, "Robo Club\nRobotics Rangers\nThird")).toEqual({ passed: false, count: 3 });
  });
});

describe("gradeExchange: the mini model's try-its check the prompt", () => {
  const tryit = { check: { kind: "regex" as const, pattern: "\\[[^\\]\\n]{1,40}\\]", says: "matches" }, miniCheck: { kind: "regex" as const, pattern: "\\[[^\\]\\n]{1,40}\\]", says: "matches" } };
  it("checks the prompt for the mini model and the reply for Claude", () => {
    const exchange = { prompt: "I'm [my name]. Write a greeting.", reply: "the cat sat on the" };
    expect(gradeExchange(tryit, { ...exchange, provider: "mini" })).toEqual({ passed: true, on: "prompt" });
    expect(gradeExchange(tryit, { ...exchange, provider: "claude" })).toEqual({ passed: false, on: "reply" });
    expect(gradeExchange(tryit, { prompt: "I'm Alex Lin, 139 0000 0000.", reply: "[name]", provider: "mini" })).toEqual({ passed: false, on: "prompt" });
  });
  it("grades the reply when a try-it has no prompt check", () => {
    expect(gradeExchange({ check: { kind: "lines", max: 2 } }, { prompt: "x", reply: "one line", provider: "mini" })).toMatchObject({ passed: true, on: "reply" });
  });
});
