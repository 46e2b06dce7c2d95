import { describe, expect, it } from "vitest";
import { matchesOf } from "../../app/playground/normalize-text";

const spans = (found: Iterable<RegExpExecArray>) => [...found].map((m) => [m.index, m[0], ...m.slice(1)]);

describe("matchesOf: every match of a shared expression, as matchAll gives them", () => {
  const cases: [RegExp, string][] = [
    [/\b(?:kill|hurt)\s+(\w+)/giu, "I want to hurt him, then kill them all"],
    [/\d+/g, "room 12, floor 3, no 4567"],
    [/(?<![\p{L}])王\p{L}{1,2}/gu, "我叫王小明，他是王芳"],
    // empty matches: matchAll steps one code point past each (a surrogate pair is one)
    [/x*/gu, "a😀x"],
    [/\d+/g, "no digits here"],
  ];
  it.each(cases)("%s", (rule, text) => {
    const expected = spans(text.matchAll(new RegExp(rule.source, rule.flags)));
    expect(spans(matchesOf(text, rule))).toEqual(expected);
  });

  it("starts from the beginning whatever a previous use left in lastIndex, and leaves it at 0", () => {
    const rule = /cat/g;
    rule.lastIndex = 5;
    expect(spans(matchesOf("cat and cat", rule))).toEqual([
      [0, "cat"],
      [8, "cat"],
    ]);
    expect(rule.lastIndex).toBe(0);
    // the same shared rule straight away on another text (the screens reuse one per message)
    expect(spans(matchesOf("a cat", rule))).toEqual([[2, "cat"]]);
    expect(spans(matchesOf("a dog", rule))).toEqual([]);
    expect(rule.lastIndex).toBe(0);
  });
});
