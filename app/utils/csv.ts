/**
 * CSV as spreadsheet programs read it: UTF-8 with a byte-order mark (so Chinese names show
 * correctly), CRLF rows, RFC 4180 quoting, and text cells a spreadsheet would run as a formula
 * made inert. A number is written as a plain numeral and never touched: -0.5 must stay a number
 * a spreadsheet can add up (a number cannot carry a formula). Pure: used by the server's exports
 * and by the sign-in cards page in the browser.
 */
export const BOM = "\uFEFF";

/**
 * A cell a spreadsheet would evaluate, made inert. Leading spaces do not hide a formula either,
 * nor full-width signs (＝, which an East Asian keyboard types and some spreadsheets take as =).
 */
export function neutralizeCell(value: string): string {
  return /^[\t\r]/.test(value) || /^\s*[=+\-@＝＋－＠]/.test(value) ? `'${value}` : value;
}

/** Text (neutralised), a number (as is), or nothing (an empty cell). */
export type CsvCell = string | number | null;

function quoteCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = neutralizeCell(value);
  // A semicolon or a tab is quoted too: a spreadsheet set to split on them (Excel in most of
  // Europe uses ";") would otherwise start a new cell there, and "x;=cmd|…" would run its second.
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: CsvCell[][]): string {
  return BOM + rows.map((row) => row.map(quoteCell).join(",")).join("\r\n") + "\r\n";
}

/** Reads our own CSV back (tests; a teacher re-importing is out of scope). Keeps the apostrophes. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
