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
 *
 * …and must start where its family starts, as a lesson's does (a known gap, 7 December). Two
 * numbers fit every family from somewhere: a Hong Kong or North American number built into a list
 * by hand with no contact word passed — "5123 6789 8455 10121 11787" (+1666), "9123 4567 13690
 * 18257 31947" (Fibonacci-like from the phone), "3459 5123 6789 8457 10127" (second differences of
 * 2, as squares have), "415 555 2368 5854 11013". Traced back, a lesson's sequence reaches its
 * family's small beginning (Fibonacci 0 1, Lucas 2 1, squares and cubes 0, 2^n − 1 with b = −1) or
 * takes small or round steps (+7, +50, the 123 times table); a phone's does not, as its digits are
 * no one's choice. Pure: no I/O.
 */

type Family = (x: readonly bigint[]) => boolean;

const rising = (x: readonly bigint[]) => x.every((n, i) => i === 0 || n >= x[i - 1]!);

const abs = (n: bigint) => (n < 0n ? -n : n);

/** A step a lesson counts in: up to 20, or 1, 2, 2.5 or 5 times a power of ten (25, 50, 100, 250…). */
const roundStep = (d: bigint) => d <= 20n || /^(?:1|2|25|5)0+$/.test(String(d));

/**
 * x[i] = a·x[i−1] + b with whole a and b: arithmetic (a = 1), doubling (b = 0), 2^n − 1. Three
 * parameters. As a lesson writes it: rising by a round step or counting in multiples (111 222 333),
 * or multiplying with a small b (2^n − 1, 2n + 1) — not ×0 or ×−1 ("9123 4567 4567 4567 4567",
 * "9123 4567 9123 4567 9123"), and not the same number over and over.
 */
const linearRecurrence: Family = (x) => {
  const [x0, x1, x2] = x as [bigint, bigint, bigint];
  if (x1 === x0 || (x2 - x1) % (x1 - x0) !== 0n) return false;
  const a = (x2 - x1) / (x1 - x0);
  const b = x1 - a * x0;
  if (!x.every((n, i) => i === 0 || n === a * x[i - 1]! + b)) return false;
  if (a === 1n) return roundStep(abs(b)) || x0 % b === 0n;
  return a >= 2n && abs(b) <= 20n;
};

/** A ratio that is not whole: 64 96 144 216 324 (× 1.5). Two parameters. */
const geometric: Family = (x) => x[0] !== 0n && x.every((n, i) => i < 2 || n * x[i - 2]! === x[i - 1]! * x[i - 1]!);

/**
 * x[i] = x[i−1] + x[i−2]: Fibonacci (its leading 0 too), Lucas (2 1 3 4 7 11). Two parameters.
 * Traced back to its first two numbers, they are small (0 1, 2 1, 3 4): a phone's two groups
 * followed by their sums ("9123 4567 13690 18257 31947") go back nowhere.
 */
const fibonacciLike: Family = (x) => {
  if (!x.every((n, i) => i < 2 || n === x[i - 1]! + x[i - 2]!)) return false;
  let [a, b] = x as [bigint, bigint];
  // one step back while the list still rises into (a, b): the number before a is b − a
  while (b - a >= 0n && b - a <= a && b > 0n) [a, b] = [b - a, a];
  return a <= 20n && b <= 20n;
};

/** The kth differences of `x`. */
function differences(x: readonly bigint[], k: number): bigint[] {
  let d = [...x];
  for (let j = 0; j < k; j++) d = d.slice(1).map((n, i) => n - d[i]!);
  return d;
}

/**
 * Where a rising list of constant kth differences starts, traced back one number at a time until the
 * number before would be below 0 or no smaller: its first number and the step after it — 0 and 1
 * for squares, triangular numbers and cubes, 1 and 4 for centred squares. Null when that is more
 * than 5,000 numbers back (squares to 25,000,000 are read).
 */
function polynomialStart(x: readonly bigint[], k: number): [bigint, bigint] | null {
  let lead = Array.from({ length: k + 1 }, (_, j) => differences(x, j)[0]!);
  for (let step = 0; step < 5_000; step++) {
    const before = [...lead];
    for (let j = k - 1; j >= 0; j--) before[j] = lead[j]! - before[j + 1]!;
    if (before[0]! < 0n || before[1]! < 0n) return [lead[0]!, lead[1]!];
    lead = before;
  }
  return null;
}

/**
 * Squares and triangular numbers (second differences constant, three parameters) and cubes (third
 * differences, four parameters, so six numbers at least). Rising, as a lesson's are, with small
 * differences (2 for squares, 6 for cubes; at most 20 and 60) and starting near 0 with a small step:
 * any two numbers and one before them have constant second differences ("3459 5123 6789 8457
 * 10127"), but traced back they run below 0 while their steps are still large.
 */
const polynomial: Family = (x) =>
  rising(x) &&
  [2, 3].some((k) => {
    if (x.length < k + 3) return false;
    const last = new Set(differences(x, k));
    if (last.size !== 1 || abs([...last][0]!) > (k === 2 ? 20n : 60n)) return false;
    const start = polynomialStart(x, k);
    return start !== null && start[0] <= 10n && start[1] <= 10n;
  });

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
