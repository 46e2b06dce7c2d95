/** Roster files as Chinese and other spreadsheets save them: the encoding is found, never guessed from the locale. */
import { describe, expect, it } from "vitest";
import { decodeRosterBytes } from "../../app/models/roster-decode";
import { encodeLegacy } from "../fixtures/legacy-encodings";

const text = "姓名,班级\r\n王小明,初一（3）班\r\n吕小龙,初一（3）班\r\n";
const utf16 = (order: "le" | "be", bom: boolean) => {
  const le = Buffer.from((bom ? "\uFEFF" : "") + text, "utf16le");
  return order === "le" ? le : Buffer.from(le).swap16();
};
const gb18030 = (s: string) => encodeLegacy(s, "gb18030");
const big5 = (s: string) => encodeLegacy(s, "big5");

describe("decodeRosterBytes", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeRosterBytes(Buffer.from(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeRosterBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: "utf-8" });
  });

  it("reads UTF-16 LE and BE by their BOM, and without one", () => {
    expect(decodeRosterBytes(utf16("le", true))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeRosterBytes(utf16("be", true))).toEqual({ text, encoding: "utf-16be" });
    expect(decodeRosterBytes(utf16("le", false))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeRosterBytes(utf16("be", false))).toEqual({ text, encoding: "utf-16be" });
  });

  it("reads GB18030 (Chinese Excel's CSV) when the bytes are not UTF-8", () => {
    expect(decodeRosterBytes(gb18030(text))).toEqual({ text, encoding: "gb18030" });
  });

  it("keeps a UTF-8 file UTF-8 when one line is broken, marking only that line", () => {
    const bytes = Buffer.concat([Buffer.from("姓名\n王小明\n"), gb18030("吕小龙"), Buffer.from("\n陈静\n")]);
    const { text: read, encoding } = decodeRosterBytes(bytes);
    expect(encoding).toBe("utf-8");
    expect(read.split("\n").map((l) => l.includes("\uFFFD"))).toEqual([false, false, true, false, false]);
  });

  // found in an audit: 郑 is D6 A3 and 伟 CE B0 in GB18030, which are also valid UTF-8 (֣ and ΰ)
  it("reads GB18030 whose bytes happen to be valid UTF-8 as GB18030", () => {
    const names = "name\r\n郑伟\r\n谢强\r\n叶平\r\n";
    expect(Buffer.from(gb18030(names)).toString("utf8")).not.toContain("\uFFFD");
    expect(decodeRosterBytes(gb18030(names))).toEqual({ text: names, encoding: "gb18030" });
  });

  it("reads a GB18030 file with some lines valid UTF-8 by chance as GB18030, every line right", () => {
    const names = "name\r\n郑伟\r\n王小明\r\n李华\r\n";
    expect(decodeRosterBytes(gb18030(names))).toEqual({ text: names, encoding: "gb18030" });
  });

  it("keeps UTF-8 names in other scripts UTF-8 (their bytes are also GB18030, as rare characters)", () => {
    for (const names of [
      "name\nИван Петров\nМария Смирнова\n",
      "name\nΓιώργος Παπαδόπουλος\nΕλένη\n",
      "name\nZoé Dupont\nJürgen Groß\n",
      "name\nدانیال\nשרה כהן\n",
      // Latin-1's symbols in names and class names (a review found these read as GB18030)
      "name,class\nJosé García,1º ESO\nJoão,7ª série\nSeán O´Brien,3ème ©\n",
    ]) {
      expect(decodeRosterBytes(Buffer.from(names))).toEqual({ text: names, encoding: "utf-8" });
    }
  });

  // found walking the roster import as a Hong Kong teacher: Traditional-Chinese Excel's "CSV" is
  // Big5, and it was read as GB18030 — every name nonsense, and not one row named as unreadable
  it("reads Big5 (Traditional-Chinese Excel's CSV, Taiwan and Hong Kong) as Big5", () => {
    const names = "姓名,學號,班別\r\n陳大文,S001,中二甲\r\n李小美,S002,中二甲\r\n張志明,S003,中二甲\r\n黃嘉欣,S004,中二甲\r\n林怡君,S005,中二甲\r\n";
    expect(decodeRosterBytes(big5(names))).toEqual({ text: names, encoding: "big5" });
    // one name only, the header in English
    expect(decodeRosterBytes(big5("name\r\n陳志偉\r\n"))).toEqual({ text: "name\r\n陳志偉\r\n", encoding: "big5" });
  });

  it("still reads GB18030 as GB18030 beside the Big5 rule", () => {
    expect(decodeRosterBytes(gb18030(text))).toEqual({ text, encoding: "gb18030" });
    const names = "name\r\n郑伟\r\n谢强\r\n叶平\r\n张静\r\n";
    expect(decodeRosterBytes(gb18030(names))).toEqual({ text: names, encoding: "gb18030" });
  });
});
