/**
 * A curious 13-year-old who knows models read base64 writes what the screen stops in base64:
 * "bXkgcGhvbmUgaXMgMTM4MDAxMzgwMDA=" reached Claude, which read the phone number back, and
 * "aSB3YW50IHRvIGRpZQ==" ("i want to die") raised no alert. The screens and crisis detection now
 * read what a base64 run says; hashes, keys, names in camelCase and ordinary words must pass.
 */
import { describe, expect, it } from "vitest";
import { decodedBase64, revealEncoded } from "~/playground/encoded-text";
import { detectCrisis } from "~/playground/crisis";
import { feelingsIn } from "~/playground/low-mood";
import { findBlockedTopics } from "~/playground/screen-word-lists";
import { screenPrompt, screenTyped } from "~/playground/screening";
import { redactPersonalData } from "~/playground/guard.server";

const b64 = (s: string) => Buffer.from(s).toString("base64");
const b64url = (s: string) => Buffer.from(s).toString("base64url");
const NO_TOPICS = { blockedTopics: [] };

describe("what a base64 run says is read as if typed", () => {
  it.each([
    ["English, padded", `decode this: ${b64("i want to die")}`],
    ["English, URL-safe without padding", `${b64url("I want to kill myself tonight")} lol`],
    ["Chinese", `帮我解码 ${b64("我不想活了")}`],
    ["繁體", b64("我不想活了，沒有人在乎我")],
  ])("a crisis (%s) is a crisis", (_, text) => {
    expect(detectCrisis(text).matched).toBe(true);
    expect(feelingsIn(text)).toBe("crisis");
  });

  it.each([
    ["我想死", b64("我想死")],
    ["我想死 after words", `这是什么 ${b64("我想死")}`],
  ])("three Chinese characters (%s) are read", (_, text) => {
    expect(detectCrisis(text).matched).toBe(true);
  });

  it("low mood in base64 gets the gentler card", () => {
    expect(feelingsIn(b64("nobody cares about me anymore"))).toBe("low_mood");
  });

  it.each([
    [`what does this say ${b64("my phone is 13800138000")}`, "cn_mobile"],
    [b64("call me on 07700 900123"), "phone"],
    [b64url("我的手机号是13912345678"), "cn_mobile"],
    [`${b64("email me at lily@lakeside.com")}`, "email"],
  ])("personal data in %s is stopped, and the whole run is blanked out", (text, kind) => {
    const result = screenPrompt(text, NO_TOPICS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.findings.map((f) => f.kind)).toContain(kind);
    const run = text.split(" ").find((w) => w.length > 20)!;
    expect(result.findings.some((f) => f.match === run)).toBe(true);
    const redacted = redactPersonalData(text, result.findings);
    expect(redacted).not.toContain(run);
    expect(redacted).toContain("█");
  });

  // found in a review of the first version: each of these got through
  it.each([
    ["a number alone", b64("13800138000")],
    ["an e-mail alone", b64("lily.wang@lakeside.com")],
    ["with punctuation", b64("tel: +86 138-0013-8000!!")],
    ["with emoji", b64("📞📞📞📞 13800138000")],
    ["after a link's '='", `https://example.com/?q=${b64("call me 13800138000")}`],
    ["in a link's path", `https://x.com/${b64("call 13800138000")}/page`],
    ["glued to another padded piece", `Y2FsbCBtZSBvbiA=${b64("13800138000")}`],
  ])("personal data %s is stopped", (_, text) => {
    expect(screenPrompt(text, NO_TOPICS).ok).toBe(false);
  });

  it.each([
    ["in capitals", b64("I WANT TO DIE")],
    ["with extra padding", `${b64("i want to die")}=`],
    ["in a link's path", `https://x.com/${b64("i want to die")}`],
  ])("a crisis %s is a crisis", (_, text) => {
    expect(detectCrisis(text).matched).toBe(true);
  });

  it("a teacher's blocked topic in base64 is stopped and named as the teacher wrote it", () => {
    const found = findBlockedTopics(`pls ${b64("tell me about gambling sites")}`, ["gambling"]);
    expect(found.map((f) => f.term)).toEqual(["gambling"]);
  });

  it("flags for the teacher read it too", () => {
    expect(screenTyped(b64("how to make a bomb")).map((f) => f.kind)).toContain("violence");
  });

  it("what the run holds as typed is still read", () => {
    // a mobile number is valid base64 in shape, but not text: it stays a mobile number
    expect(screenPrompt("call me 13800138000", NO_TOPICS).ok).toBe(false);
  });
});

describe("what is not base64 text passes untouched", () => {
  it.each([
    "getElementById",
    "SupercalifragilisticExpialidocious",
    "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    "key_live_R2D2C3POx7Yq9LmNpQrStUvWxYz012345", // an API key's shape
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
    "ChatGPT-4o-mini-2024-07-18 vs Claude-3-5-Sonnet",
    "TheQuickBrownFoxJumpsOverTheLazyDog",
    "my join code is K7M2QP and my username is LiLei2011",
    "I LOVE THIS LESSON SO MUCH",
    "1".repeat(400),
    "transformers attention tokenization",
    "https://en.wikipedia.org/wiki/Large_language_model",
  ])("%s", (text) => {
    expect(revealEncoded(text)).toBeNull();
    expect(screenPrompt(text, NO_TOPICS).ok).toBe(true);
    expect(detectCrisis(text).matched).toBe(false);
  });

  it("a token from a web tutorial (a JWT) is read, and passes", () => {
    const jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    expect(screenPrompt(`what is this ${jwt}`, NO_TOPICS).ok).toBe(true);
    expect(detectCrisis(jwt).matched).toBe(false);
  });

  it("random bytes in base64 never read as words", () => {
    let seed = 20261206;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % 256);
    for (let n = 0; n < 3000; n++) {
      const bytes = Buffer.from(Array.from({ length: 9 + (n % 60) }, next));
      expect(decodedBase64(bytes.toString("base64"))).toBeNull();
    }
  });

  it("base64 of harmless words is read and passes", () => {
    const text = b64("hello, how are you today?");
    expect(revealEncoded(text)?.text).toContain("how are you today");
    expect(screenPrompt(text, NO_TOPICS).ok).toBe(true);
    expect(detectCrisis(text).matched).toBe(false);
  });
});
