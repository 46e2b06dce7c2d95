/**
 * The number sequences a lesson or homework asks about: "what comes next: 1 2 6 24 120 720 5040",
 * "the Fibonacci numbers 0 1 1 2 3 5 8 … 987 1597", "2^n − 1". A list of them often holds three
 * numbers in a row with a phone's groups ("120 720 5040", "610 987 1597"), which are no one's
 * phone. The personal-data screen lets a phone-shaped match through only when the whole list it
 * stands in IS one of these (screen-personal-data.ts): how fast a list rises says nothing — a
 * phone padded with a few numbers before it ("10 50 212 555 1234") rises as gently as a sequence.
 *
 * Every family is checked exactly, in BigInt, and must be pinned down by at least two numbers more
 * than it has parameters, so that no list of five fits a family by having too few numbers to miss.
 * Pure: no I/O.
 */

type Family = (x: readonly bigint[]) => boolean;

const rising = (x: readonly bigint[]) => x.every((n, i) => i === 0 || n >= x[i - 1]!);

/** x[i] = a·x[i−1] + b with whole a and b: arithmetic (a = 1), doubling (b = 0), 2^n − 1. Three parameters. */
const linearRecurrence: Family = (x) => {
  const [x0, x1, x2] = x as [bigint, bigint, bigint];
  if (x1 === x0) return x.every((n) => n === x0);
  if ((x2 - x1) % (x1 - x0) !== 0n) return false;
  const a = (x2 - x1) / (x1 - x0);
  const b = x1 - a * x0;
  return x.every((n, i) => i === 0 || n === a * x[i - 1]! + b);
};

/** A ratio that is not whole: 64 96 144 216 324 (× 1.5). Two parameters. */
const geometric: Family = (x) => x[0] !== 0n && x.every((n, i) => i < 2 || n * x[i - 2]! === x[i - 1]! * x[i - 1]!);

/** x[i] = x[i−1] + x[i−2]: Fibonacci (its leading 0 too), Lucas (2 1 3 4 7 11). Two parameters. */
const fibonacciLike: Family = (x) => x.every((n, i) => i < 2 || n === x[i - 1]! + x[i - 2]!);

/** The kth differences of `x`. */
function differences(x: readonly bigint[], k: number): bigint[] {
  let d = [...x];
  for (let j = 0; j < k; j++) d = d.slice(1).map((n, i) => n - d[i]!);
  return d;
}

/**
 * Squares and triangular numbers (second differences constant, three parameters) and cubes (third
 * differences, four parameters, so six numbers at least). Rising, as a lesson's are.
 */
const polynomial: Family = (x) =>
  rising(x) && [2, 3].some((k) => x.length >= k + 3 && new Set(differences(x, k)).size === 1);

/** Factorials from anywhere: each number the one before times the next whole number (1 1 2 6 24, 2 6 24 120). */
const factorials: Family = (x) => {
  const [x0, x1] = x as [bigint, bigint];
  if (x0 <= 0n || x1 % x0 !== 0n || x1 / x0 < 1n) return false;
  const first = x1 / x0;
  return x.every((n, i) => i === 0 || n === x[i - 1]! * (first + BigInt(i - 1)));
};

const PRIME_LIMIT = 10_000_000;
/** No gap between primes below PRIME_LIMIT is longer than 154. */
const LONGEST_PRIME_GAP = 154;

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

/** Primes in a row, none left out: 2 3 5 7 11 13, 101 103 107 109 113. */
const consecutivePrimes: Family = (x) => {
  if (x.some((n) => n > BigInt(PRIME_LIMIT))) return false;
  const p = x.map(Number);
  return p.every(
    (n, i) =>
      isPrime(n) &&
      (i === 0 ||
        (n > p[i - 1]! && n - p[i - 1]! <= LONGEST_PRIME_GAP && Array.from({ length: n - p[i - 1]! - 1 }, (_, k) => p[i - 1]! + 1 + k).every((m) => !isPrime(m)))),
  );
};

const FAMILIES: readonly Family[] = [linearRecurrence, geometric, fibonacciLike, polynomial, factorials, consecutivePrimes];

/** Whether `numbers` (five or more) are, all of them, a sequence of a family a lesson asks about. */
export function isNumberSequence(numbers: readonly bigint[]): boolean {
  return numbers.length >= 5 && FAMILIES.some((family) => family(numbers));
}

/**
 * What no lesson's sequence writes, so a phone match written so is never waved through as one (a
 * known gap, 7 December: a mobile built into a real sequence by hand with no contact word passed —
 * "138 1234 5678 13470 24610" (squares' shape), "13812345678 13812345679 …", "07700 900123 …"):
 * - a number with a leading 0 ("07700"): a UK mobile or landline, an area code, never a term;
 * - a mainland mobile in a mobile's own groups — all eleven digits together, 3-4-4, 4-4-3, 3-8 or
 *   7-4 (with +86/0086/86 or not). A sequence's terms fall into such groups almost never (no
 *   lesson's does), while a mobile's digits in the groups the maths makes stay a sequence: powers
 *   of 4 hold "16 64 256 1024" (2-2-3-4), eleven digits from 166.
 * `listText` is the list as typed; `match` the phone match in it.
 */
export function writtenAsAPhone(listText: string, match: string): boolean {
  if (/(?<!\d)0\d/.test(listText)) return true;
  const groups = match.replace(/^\s*(?:\(?\+?\s*(?:00)?86\)?)[\s\-._/]*(?=1)/, "").split(/\D+/).filter(Boolean);
  if (!/^1[3-9]\d{9}$/.test(groups.join(""))) return false;
  return ["11", "3,4,4", "4,4,3", "3,8", "7,4"].includes(groups.map((g) => g.length).join(","));
}
