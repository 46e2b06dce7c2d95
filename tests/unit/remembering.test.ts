import { describe, expect, it } from "vitest";
import { remembering } from "../../app/utils/remembering";

describe("remembering", () => {
  it("computes each key once, remembers falsy answers too, and starts over past its bound", () => {
    const asked: string[] = [];
    const lengthOf = remembering(2, (key: string) => (asked.push(key), key.length === 1 ? null : key.length));
    expect([lengthOf("ab"), lengthOf("a"), lengthOf("ab"), lengthOf("a")]).toEqual([2, null, 2, null]);
    expect(asked).toEqual(["ab", "a"]);
    lengthOf("abc"); // a third key: the memory starts over
    lengthOf("ab");
    expect(asked).toEqual(["ab", "a", "abc", "ab"]);
  });
});
