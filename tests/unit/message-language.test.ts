/**
 * The language of a student's message, which the support card speaks: Chinese or English by what
 * most of the message is written in, and Chinese in the script it leans to.
 */
import { describe, expect, it } from "vitest";
import { languageOfMessage } from "~/playground/message-language";

describe("the language a message is written in", () => {
  it.each([
    // Chinese on an English page, in the script written
    ["我不想活了", "en", "zh-Hans"],
    ["我想自杀，真的", "en", "zh-Hans"],
    ["我想自殺", "en", "zh-Hant"],
    ["我覺得冇人理我", "en", "zh-Hant"],
    // Cantonese with no Traditional-only character: Hong Kong's script
    ["我唔想再活落去", "en", "zh-Hant"],
    // characters Simplified and Traditional writing share (台, 里): the others decide
    ["我住在台灣", "en", "zh-Hant"],
    ["我住在台湾", "en", "zh-Hans"],
    // no leaning either way: the page's Chinese, else Simplified
    ["我想死", "zh-Hant", "zh-Hant"],
    ["我想死", "zh-Hans", "zh-Hans"],
    ["我想死", "en", "zh-Hans"],
    // English on a Chinese page
    ["i want to kill myself", "zh-Hans", "en"],
    ["nobody cares about me", "zh-Hant", "en"],
    // mixed: whichever has more (Han characters against Latin words)
    ["我想die", "en", "zh-Hans"],
    ["i want to 自杀", "zh-Hans", "en"],
    ["我真的好累 so tired", "en", "zh-Hans"],
    // nothing to go on: the page's
    ["😭😭😭", "zh-Hant", "zh-Hant"],
    ["...", "en", "en"],
    ["", "zh-Hans", "zh-Hans"],
  ] as const)("%s on a page in %s: %s", (text, page, expected) => {
    expect(languageOfMessage(text, page)).toBe(expected);
  });
});
