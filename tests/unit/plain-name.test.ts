/** Names without what changes how text is shown while unseen (app/utils/plain-name.ts). */
import { describe, expect, it } from "vitest";
import { plainName } from "~/utils/plain-name";
import { JoinSchema } from "~/forms/auth.server";
import { NewClassSchema } from "~/forms/teach.server";
import { readRoster } from "~/models/roster-input.server";

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

  it("a class name, an imported name and an imported class lose them too", () => {
    expect(NewClassSchema.parse({ name: "7\u202EC Computing" }).name).toBe("7C Computing");
    const plain = readRoster([{ name: "list.csv", bytes: new TextEncoder().encode("name,class\nAda\u202E Love,7\u2066C\n") }], "");
    expect(plain.students.map((s) => [s.displayName, s.classRefs])).toEqual([["Ada Love", ["7C"]]]);
    const users = "sourcedId,status,role,username,givenName,familyName\nu1,active,student,,Bo\u200E,Li\u202E\n";
    const oneRoster = readRoster(
      [
        { name: "users.csv", bytes: new TextEncoder().encode(users) },
        { name: "classes.csv", bytes: new TextEncoder().encode("sourcedId,title\nc1,Year\u202E 7\n") },
        { name: "enrollments.csv", bytes: new TextEncoder().encode("sourcedId,classSourcedId,userSourcedId,role\ne1,c1,u1,student\n") },
      ],
      "",
    );
    expect(oneRoster.students.map((s) => s.displayName)).toEqual(["Bo Li"]);
    expect(oneRoster.classes.map((c) => c.title)).toEqual(["Year 7"]);
  });

  it("a username typed in full-width letters joins as the same name sign-in reads", () => {
    expect(JoinSchema.parse({ displayName: "Li Lei", username: "ＬＩＬＥＩ", password: "green lamp seven" }).username).toBe("lilei");
  });
});
