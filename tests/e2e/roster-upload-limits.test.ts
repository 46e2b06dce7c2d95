/**
 * Roster uploads that are small on the wire and huge once read, sent to the real server (running
 * with the 192 MB heap `npm start` gives it): a teacher's file of empty lines, Excel's empty rows
 * (",,"), a zip of 18 KB that unpacks to 19 MB of line breaks, a file of bad quotation marks on
 * every line, and more rows than any import. Each gets the import page with a message in the
 * teacher's language, nothing is written, and the server keeps answering. Before the reader
 * skipped empty lines as it went and stopped at a bound, the first one alone ran the heap out.
 */
import { zipSync, strToU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { baseUrl, closeTestSql, cookieHeaderFor, demoClassId, DEMO_TEACHER, rowCounts } from "./setup/context";

afterAll(closeTestSql);

const en = translator("en");
const zhHans = translator("zh-Hans");

async function preview(name: string, bytes: Uint8Array, locale = "en"): Promise<{ status: number; body: string }> {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("files", new Blob([Buffer.from(bytes)]), name);
  const response = await fetch(`${baseUrl()}/teach/classes/${await demoClassId()}/import`, {
    method: "POST",
    headers: { Cookie: await cookieHeaderFor(DEMO_TEACHER), Origin: baseUrl(), "Accept-Language": locale },
    body: form,
  });
  return { status: response.status, body: await response.text() };
}

async function stillAnswering(): Promise<void> {
  const health = await fetch(`${baseUrl()}/healthz`);
  expect(health.status).toBe(200);
}

/** The page's text, markup and escapes aside (the message is compared as the teacher reads it). */
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");

describe("roster uploads that are huge once read", () => {
  it("2.5 million empty lines: the file holds no students, and the server stays up", async () => {
    const before = await rowCounts(["sessions"]);
    const answer = await preview("blank.csv", strToU8(`name\n${"\n".repeat(2_500_000)}`));
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toContain(en("teach.import.previewTitle"));
    await stillAnswering();
    expect(await rowCounts(["sessions"])).toEqual(before);
  });

  it("Excel's empty rows (,,) by the million, in Chinese", async () => {
    const answer = await preview("empty-rows.csv", strToU8(`name,username,class\r\n${",,\r\n".repeat(1_200_000)}`), "zh-Hans");
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toContain(zhHans("teach.import.previewTitle"));
    await stillAnswering();
  });

  it("an 18 KB zip of 19 MB of line breaks", async () => {
    const zip = zipSync({ "users.csv": strToU8(`name\n${"\n".repeat(19_000_000)}`) }, { level: 9 });
    expect(zip.length).toBeLessThan(100_000);
    const answer = await preview("bomb.zip", zip);
    expect(answer.status).toBe(200);
    await stillAnswering();
  });

  it("more rows than any import, zipped: named, none read", async () => {
    const zip = zipSync({ "students.csv": strToU8(`name\n${"Ada\n".repeat(4_000_000)}`) }, { level: 9 });
    const answer = await preview("many.zip", zip);
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toContain(en("teach.import.problem.tooMany", { max: 5000 }));
    await stillAnswering();
  });

  it("a bad quotation mark on every line: each line named up to the import's size, past it the file is refused whole", async () => {
    const some = await preview("quotes.csv", strToU8(`name\n${'a"b\n'.repeat(4_000)}`));
    expect(text(some.body)).toContain(`${en("teach.import.fileLine", { file: "quotes.csv", line: 4_001 })}${en("teach.import.colon")}${en("teach.import.problem.badQuote")}`);
    const million = await preview("quotes.csv", strToU8(`name\n${'a"b\n'.repeat(1_000_000)}`));
    expect(million.status).toBe(200);
    expect(text(million.body)).toContain(en("teach.import.problem.tooMany", { max: 5000 }));
    await stillAnswering();
  });

  // found in a review: the bound was each file's, so many tables together were read whole first
  it("many tables in one zip, 5,000 rows each: the bound is the upload's, not each table's", async () => {
    const tables = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`class-${i}.csv`, strToU8(`name\n${"Ada Lovelace\n".repeat(5_000)}`)]));
    const answer = await preview("tables.zip", zipSync(tables, { level: 9 }));
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toContain(en("teach.import.problem.tooMany", { max: 5000 }));
    await stillAnswering();
  });

  it("more tables in one zip than any export holds is refused as too large", async () => {
    const tables = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`t-${i}.csv`, strToU8("name\nAda\n")]));
    const answer = await preview("tables.zip", zipSync(tables));
    expect(text(answer.body)).toContain(en("teach.import.problem.badZip"));
  });

  it("a million records of quoted empty cells cost no more than the bound", async () => {
    const answer = await preview("empties.csv", strToU8(`name,class\n${'"",""\n'.repeat(800_000)}`));
    expect(answer.status).toBe(200);
    expect(text(answer.body)).toContain(en("teach.import.problem.tooMany", { max: 5000 }));
    // (before, they counted for nothing: every one was parsed, about 25 s of the server's time)
    await stillAnswering();
  });
});
