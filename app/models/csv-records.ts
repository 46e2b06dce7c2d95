/**
 * CSV text read one record at a time, so that one broken line costs that line only.
 *
 * csv-parse on the whole text stops at the first error, and its "skip records with error" mode
 * loses the rows after a bad closing quote without a word. So the text is first cut into records
 * the way RFC 4180 does (a line break ends a record unless it is inside a quoted value; a quotation
 * mark opens a quoted value only at the start of a value), and each record is parsed on its own.
 * A quoted value may run over several lines (Excel writes a cell with a line break so); when
 * such a record cannot be parsed, every line it took is named. A quotation mark still open at
 * the end of the text leaves no record boundary after it, so the text cannot be read at all:
 * the caller is told the line the quote opens on.
 */
import { parse } from "csv-parse/sync";

export interface CsvRow {
  /** The line the record starts on (1 is the first line of the text). */
  line: number;
  cells: string[];
}

export type CsvLineProblem =
  /** A quotation mark inside a value, or text after a closing one. */
  | { line: number; kind: "badQuote" }
  /** A quoted value opened on `line` and closed only on `last`, and the record is not valid CSV. */
  | { line: number; kind: "quoteSpansLines"; last: number }
  | { line: number; kind: "unreadable" };

export type CsvReading =
  | {
      readable: true;
      rows: CsvRow[];
      problems: CsvLineProblem[];
      /** Reading stopped at `maxRecords`: the text holds more than anyone imports at once. */
      cutShort: boolean;
      /** Records read, blank ones aside: those that made rows, problems, or only empty cells. */
      records: number;
    }
  | { readable: false; quoteOpensOnLine: number };

const QUOTE_ERRORS = new Set(["INVALID_OPENING_QUOTE", "CSV_INVALID_CLOSING_QUOTE", "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"]);

/**
 * Rows of the text (blank lines and rows of empty cells left out), and the lines that could not be
 * read — at most `maxRecords` records, whatever they made. The text is read record by record and blank
 * ones are passed over as they are met: a few megabytes of line breaks (Excel saves formatted
 * empty rows as ",,") held one object per line and ran a 128 MB heap out.
 */
export function readCsvRecords(text: string, delimiter: string, maxRecords: number): CsvReading {
  const rows: CsvRow[] = [];
  const problems: CsvLineProblem[] = [];
  let cutShort = false;
  // every record counts, also one of quoted empty cells ("","") that makes no row: each costs a parse
  let records = 0;
  const quoteOpensOnLine = eachRecord(text.replace(/^\uFEFF/, ""), delimiter, (record) => {
    if (records >= maxRecords) {
      cutShort = true;
      return false;
    }
    records++;
    try {
      const cells = recordCells(record.text, delimiter);
      if (cells.some((c) => c !== "")) rows.push({ line: record.first, cells });
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      if (record.last > record.first) problems.push({ line: record.first, kind: "quoteSpansLines", last: record.last });
      else problems.push({ line: record.first, kind: QUOTE_ERRORS.has(code) ? "badQuote" : "unreadable" });
    }
    return true;
  });
  if (quoteOpensOnLine !== null && !cutShort) return { readable: false, quoteOpensOnLine };
  return { readable: true, rows, problems, cutShort, records };
}

/** A record without quotation marks is its values between delimiters, trimmed; csv-parse (4× slower, called per row) reads the rest. */
function recordCells(text: string, delimiter: string): string[] {
  if (!text.includes('"')) return text.split(delimiter).map((cell) => cell.trim());
  const [cells = []] = parse(text, { delimiter, relax_column_count: true, trim: true }) as string[][];
  return cells;
}

interface RawRecord {
  first: number;
  last: number;
  text: string;
}

/**
 * Cuts the text at the line breaks outside quoted values (a lone \r, as old Mac files end lines,
 * breaks one too) and hands each record that holds more than delimiters and spaces to `take`,
 * until it answers false. Returns the line a quotation mark still open at the end opens on, or
 * null.
 */
function eachRecord(text: string, delimiter: string, take: (record: RawRecord) => boolean): number | null {
  let line = 1;
  let first = 1;
  let start = 0;
  let inQuotes = false;
  let quoteLine = 0;
  let atValueStart = true;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const lineBreak = ch === "\n" || (ch === "\r" && text[i + 1] !== "\n");
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') inQuotes = false;
      else if (lineBreak) line++;
    } else if (ch === '"' && atValueStart) {
      inQuotes = true;
      quoteLine = line;
      atValueStart = false;
      blank = false;
    } else if (ch === delimiter) {
      atValueStart = true;
    } else if (lineBreak) {
      if (!blank && !take({ first, last: line, text: text.slice(start, ch === "\n" && text[i - 1] === "\r" ? i - 1 : i) })) return null;
      line++;
      first = line;
      start = i + 1;
      atValueStart = true;
      blank = true;
    } else if (ch !== " " && ch !== "\t" && ch !== "\r") {
      // spaces before an opening quote are trimmed, as the parser does
      atValueStart = false;
      blank = false;
    }
  }
  if (inQuotes) return quoteLine;
  if (start < text.length && !blank) take({ first, last: line, text: text.slice(start) });
  return null;
}
