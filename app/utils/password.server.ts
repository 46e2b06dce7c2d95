/**
 * argon2id password hashing (OWASP: 19 MiB, 2 passes, 1 lane; ~40 ms a hash here). At most two
 * hashes run at once in a process, so a class of 40 signing in together queues instead of
 * exhausting memory. Bulk work (the first passwords of a roster import: thousands of hashes, a
 * minute and more) waits behind every sign-in, so a school importing its roster can still sign in.
 */
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { inTransaction } from "./db.server";
import { COMMON_PASSWORDS } from "./common-passwords";

// Algorithm is a const enum (unusable with isolatedModules): 2 is Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const MAX_CONCURRENT = 2;

/** "now": someone is waiting at a form (a sign-in, a password change); "bulk": an import's accounts. */
export type HashPriority = "now" | "bulk";

let running = 0;
const waiting: Record<HashPriority, (() => void)[]> = { now: [], bulk: [] };

/** Runs `work` in one of the hashing slots, once one is free: "now" work before any "bulk" waiting. */
export async function withSlot<T>(work: () => Promise<T>, priority: HashPriority): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting[priority].push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    (waiting.now.shift() ?? waiting.bulk.shift())?.();
  }
}

export function hashPassword(password: string, priority: HashPriority = "now"): Promise<string> {
  // The database drops a transaction left idle for 10 s (idle_in_transaction_session_timeout):
  // hashing inside one lost a 600-student import. Hash first, then open the transaction.
  if (inTransaction()) return Promise.reject(new Error("a password is hashed inside a transaction: hash it before the transaction opens"));
  return withSlot(() => hash(password, OPTIONS), priority);
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return withSlot(() => verify(stored, password).catch(() => false), "now");
}

/** A real hash to verify against when the account does not exist, so timing reveals nothing. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$ChD/oiQhCzif6anL8Oj02w$UltFiJTYdxR6s/TEc+exofk1rV2spgB3Q43E396BDtw";
export async function verifyNothing(password: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, password);
  return false;
}

export type PasswordProblem = "too_short" | "too_long" | "too_common" | "too_simple";

/**
 * Teachers ≥ 8 characters, students ≥ 6; the most common passwords and trivially patterned ones
 * (zzzzzz, 121212, abcabc, abcdef, 654321, asdfgh) are refused.
 */
export function passwordProblem(password: string, role: "student" | "teacher" | "admin"): PasswordProblem | null {
  const min = role === "student" ? 6 : 8;
  if ([...password].length < min) return "too_short";
  if (password.length > 200) return "too_long";
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "too_common";
  if (isTriviallyPatterned(password)) return "too_simple";
  return null;
}

const KEYBOARD_ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** One short chunk repeated, a run of neighbouring letters or digits, or a stretch of a keyboard row. */
export function isTriviallyPatterned(password: string): boolean {
  const chars = [...password.toLowerCase()];
  const text = chars.join("");
  for (let unit = 1; unit <= 4 && unit * 2 <= chars.length; unit++) {
    const chunk = chars.slice(0, unit).join("");
    if (chunk.repeat(Math.ceil(chars.length / unit)).startsWith(text)) return true;
  }
  const steps = chars.slice(1).map((c, i) => c.codePointAt(0)! - chars[i]!.codePointAt(0)!);
  if (steps.every((d) => d === 1) || steps.every((d) => d === -1)) return true;
  const reversed = [...chars].reverse().join("");
  return KEYBOARD_ROWS.some((row) => row.includes(text) || row.includes(reversed));
}

/**
 * The hash of a password about to be set. Every path that sets a password goes through here, so
 * none can store a refused one even if its form forgot to check (the forms check first, to answer
 * in the user's language).
 */
export function hashNewPassword(password: string, role: "student" | "teacher" | "admin", priority: HashPriority = "now"): Promise<string> {
  const problem = passwordProblem(password, role);
  if (problem) throw new Error(`refused password: ${problem}`);
  return hashPassword(password, priority);
}
