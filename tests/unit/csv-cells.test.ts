/**
 * Cells of every export (app/utils/csv.ts) as spreadsheets read them: a student's name cannot
 * become a formula, whatever the spreadsheet splits cells on.
 */
import { describe, expect, it } from "vitest";
import { BOM, neutralizeCell, parseCsv, toCsv } from "~/utils/csv";

describe("a cell a student controls", () => {
  it.each(["=HYPERLINK(\"http://x\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "  =1+1", "\t=1", "＝HYPERLINK(\"http://x\")", "＋1"])(
    "%j is made inert",
    (name) => {
      expect(neutralizeCell(name)).toBe(`'${name}`);
    },
  );

  // found in an audit: Excel set to split on ";" (most of Europe) ran the part after it
  it("a semicolon or a tab is quoted, so no spreadsheet starts a new cell inside it", () => {
    const csv = toCsv([["name", "score"], ["x;=cmd|'/C calc'!A0", 3], ["a\tb", 1]]);
    expect(csv).toBe(`${BOM}name,score\r\n"x;=cmd|'/C calc'!A0",3\r\n"a\tb",1\r\n`);
    expect(parseCsv(csv)).toEqual([["name", "score"], ["x;=cmd|'/C calc'!A0", "3"], ["a\tb", "1"]]);
  });

  it("ordinary names and numbers are left as they are", () => {
    expect(toCsv([["王小明", -0.5, "O'Brien"]])).toBe(`${BOM}王小明,-0.5,O'Brien\r\n`);
  });
});
