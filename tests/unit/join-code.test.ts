/** Class codes as students type them (app/models/join-code.ts), and what they are told when one cannot be a code. */
import { describe, expect, it } from "vitest";
import { loader as joinLoader } from "~/routes/join._index";
import { joinCodeProblem, normalizeJoinCode } from "~/models/join-code";

describe("a class code as a student types it", () => {
  it.each([
    ["k7m2qp", "K7M2QP"],
    [" K7M-2QP ", "K7M2QP"],
    // a Chinese keyboard in full-width mode (found in a 13-year-old's walk: refused as "not 6 letters")
    ["Ｋ７Ｍ２ＱＰ", "K7M2QP"],
    ["ｋ７ｍ－２ｑｐ", "K7M2QP"],
    ["K7M\u30002QP", "K7M2QP"],
    ["K7M—2QP", "K7M2QP"],
  ])("%j reads as %s", (typed, code) => {
    expect(normalizeJoinCode(typed)).toBe(code);
    expect(joinCodeProblem(normalizeJoinCode(typed))).toBeNull();
  });

  it("a look-alike the codes never use is named as such; a wrong length is told the length", () => {
    expect(joinCodeProblem("7NWNS0")).toBe("auth.code.lookalike");
    expect(joinCodeProblem(normalizeJoinCode("k7m2qi"))).toBe("auth.code.lookalike");
    expect(joinCodeProblem("K7M2Q")).toBe("auth.code.invalid");
    expect(joinCodeProblem("K7M2QPP")).toBe("auth.code.invalid");
  });

  it("the join form sends a good code on, and keeps a bad one in the box with the reason", async () => {
    const ask = (code: string) => joinLoader({ request: new Request(`http://localhost/join?code=${encodeURIComponent(code)}`), params: {}, context: { nonce: "n", clientAddress: "10.0.0.1" } });
    const sent = await ask("Ｋ７Ｍ２ＱＰ").catch((thrown: unknown) => thrown);
    expect(sent).toBeInstanceOf(Response);
    expect((sent as Response).headers.get("Location")).toBe("/join/K7M2QP");
    expect(await ask("7nwns0")).toEqual({ problem: "auth.code.lookalike", typed: "7nwns0" });
    expect(await ask("abc")).toEqual({ problem: "auth.code.invalid", typed: "abc" });
  });
});

describe("a username as a student types it", () => {
  it("full-width letters are the same username", async () => {
    const { normalizeUsername } = await import("~/models/credentials");
    expect(normalizeUsername(" ＬＩＬＥＩ ")).toBe("lilei");
    expect(normalizeUsername("ｄｅｍｏ－ｓｔｕｄｅｎｔ－１")).toBe("demo-student-1");
  });
});
