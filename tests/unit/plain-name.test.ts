/** Names without what changes how text is shown while unseen (app/utils/plain-name.ts). */
import { describe, expect, it } from "vitest";
import { plainName } from "~/utils/plain-name";
import { JoinSchema } from "~/forms/auth.server";

describe("a name as typed", () => {
  // found in an audit: a display name with U+202E showed reversed on staff pages and in exports
  it.each([
    ["Ada\u202Egnp.exe", "Adagnp.exe"],
    ["\u2066Bo\u2069 Li", "Bo Li"],
    ["Zoe\u200B\u200E", "Zoe"],
    ["  王\u00AD小明 ", "王小明"],
    ["Sam\u0007 \t Lee", "Sam Lee"],
  ])("%j reads as %j", (typed, plain) => {
    expect(plainName(typed)).toBe(plain);
  });

  it("keeps what names need: accents, scripts, emoji with their joiners", () => {
    for (const name of ["Zoë Dupont", "王小明", "مریم\u200Cسادات", "Ana 👩\u200D💻"]) expect(plainName(name)).toBe(name);
  });

  it("a name of nothing but unseen characters is no name", () => {
    const parsed = JoinSchema.safeParse({ displayName: "\u202E\u200B", username: "kid1", password: "green lamp seven" });
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["displayName", "form.required"]]);
    expect(JoinSchema.parse({ displayName: "Ada\u202Ereversed", username: "kid1", password: "green lamp seven" }).displayName).toBe("Adareversed");
  });
});
