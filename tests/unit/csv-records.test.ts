/**
 * CSV read one record at a time (app/models/csv-records.ts): a broken line costs that line only,
 * a line break inside a quoted value is kept, and a quote never closed is named where it opens.
 */
import { describe, expect, it } from "vitest";
import { readCsvRecords } from "~/models/csv-records";

describe("reading CSV records", () => {
  it("reads good text as csv-parse does, each row at the line it starts on", () => {
    const reading = readCsvRecords('\uFEFFname,class\r\n"Lee, Ann",7C\r\n\r\n"Wu\nMei","8 ""B"""\r\n,\r\nBo,7C', ",", 1000);
    expect(reading).toEqual({
      readable: true,
      cutShort: false, records: 4,
      problems: [],
      rows: [
        { line: 1, cells: ["name", "class"] },
        { line: 2, cells: ["Lee, Ann", "7C"] },
        { line: 4, cells: ["Wu\nMei", '8 "B"'] },
        { line: 7, cells: ["Bo", "7C"] },
      ],
    });
  });

  it("names each bad line and reads every other one, whatever the line ending", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["Ann,ann", 'Bo "Bobby,bo', '"Cy" Dee,cy', "Dan,dan"].join(eol);
      const reading = readCsvRecords(text, ",", 1000);
      expect(reading, JSON.stringify(eol)).toEqual({
        readable: true,
        cutShort: false, records: 4,
        problems: [
          { line: 2, kind: "badQuote" },
          { line: 3, kind: "badQuote" },
        ],
        rows: [
          { line: 1, cells: ["Ann", "ann"] },
          { line: 4, cells: ["Dan", "dan"] },
        ],
      });
    }
  });

  it("names a quoted value that swallowed lines by its first and last line", () => {
    const reading = readCsvRecords('Ann\tann\n"Bo\tbo\nCy\tcy\nDan "D"\tdan\nEd\ted', "\t", 1000);
    expect(reading).toEqual({ readable: true, cutShort: false, records: 3, problems: [{ line: 2, kind: "quoteSpansLines", last: 4 }], rows: [{ line: 1, cells: ["Ann", "ann"] }, { line: 5, cells: ["Ed", "ed"] }] });
  });

  it("cannot read text whose quote never closes, and says the line it opens on", () => {
    expect(readCsvRecords('name\nAnn\n  "Bo\nCy\n"Dee"\n"Eve\nFay', ",", 1000)).toEqual({ readable: false, quoteOpensOnLine: 6 });
    expect(readCsvRecords('a;b\nAnn;"x\n', ";", 1000)).toEqual({ readable: false, quoteOpensOnLine: 2 });
  });

  it("passes over blank lines and rows of empty cells as it goes, their line numbers kept", () => {
    const reading = readCsvRecords(`name\r\n${",,\r\n".repeat(3)}\n \t\nAnn\n"",""\n`, ",", 1000);
    expect(reading).toEqual({ readable: true, cutShort: false, records: 3, problems: [], rows: [{ line: 1, cells: ["name"] }, { line: 7, cells: ["Ann"] }] });
  });

  it("stops at the most records it may read, rows and unreadable lines together, and says so", () => {
    expect(readCsvRecords(`name\n${"\n".repeat(10_000)}Ann\nBo\n`, ",", 3)).toMatchObject({ cutShort: false, rows: [{ line: 1 }, { line: 10_002 }, { line: 10_003 }] });
    expect(readCsvRecords("name\nAnn\nBo\nCy\n", ",", 3)).toMatchObject({ readable: true, cutShort: true, rows: [{ line: 1 }, { line: 2 }, { line: 3 }] });
    expect(readCsvRecords('name\na"b\nc"d\nAnn\n', ",", 3)).toMatchObject({ cutShort: true, rows: [{ line: 1 }], problems: [{ line: 2 }, { line: 3 }] });
  });

  // found in a review: a record of quoted empty cells makes no row and no problem, yet costs a parse
  it("counts every record it reads towards the bound, also one of quoted empty cells", () => {
    const reading = readCsvRecords(`name\n${'"",""\n'.repeat(10)}Ann\n`, ",", 5);
    expect(reading).toMatchObject({ readable: true, cutShort: true, records: 5, rows: [{ line: 1 }] });
  });
});
