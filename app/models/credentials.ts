/**
 * Usernames and first passwords for students added by a teacher. Passwords are two simple
 * words and a number — easy to read off a printed card, hard enough with sign-in throttling.
 */
import crypto from "node:crypto";
import { MAX_CHARS } from "~/utils/form-limits";

const WORDS = [
  "apple", "river", "tiger", "cloud", "maple", "pearl", "comet", "otter", "piano", "mango",
  "lemon", "panda", "eagle", "coral", "amber", "cedar", "delta", "ember", "fable", "grape",
  "harbor", "iris", "jade", "koala", "lotus", "meadow", "nova", "olive", "pebble", "quartz",
  "robin", "salmon", "tulip", "violet", "willow", "zebra", "acorn", "bamboo", "canyon", "dolphin",
  "falcon", "glacier", "hazel", "island", "jasmine", "kiwi", "lagoon", "marble", "nectar", "orchid",
  "penguin", "rocket", "sunny", "teapot", "walnut", "yellow", "breeze", "cactus", "daisy", "forest",
] as const;

function pick<T>(list: readonly T[]): T {
  return list[crypto.randomInt(list.length)] as T;
}

export function generateStudentPassword(): string {
  return `${pick(WORDS)}-${pick(WORDS)}-${crypto.randomInt(10, 100)}`;
}

/**
 * A temporary password for a teacher, given by the school's admin in person: three words and a
 * number (about 24 bits more than a student's), to be changed under Account.
 */
export function generateStaffPassword(): string {
  return `${pick(WORDS)}-${pick(WORDS)}-${pick(WORDS)}-${crypto.randomInt(100, 1000)}`;
}

/**
 * A username base from a display name: Latin letters and digits folded to ASCII
 * ("Zoë Martín" → "zoe.martin"). Chinese names are turned into pinyin before this
 * (username-base.server.ts); a name with nothing left gives null, and the caller uses a
 * class-based name instead.
 */
export function usernameBase(displayName: string): string | null {
  const ascii = displayName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "")
    .slice(0, 24)
    .replace(/\.+$/g, "");
  return ascii.length >= 2 ? ascii : null;
}

/** Usernames: 2–40 of a–z, 0–9, dot, dash, underscore; compared case-insensitively. */
export const USERNAME_PATTERN = new RegExp(`^[a-z0-9][a-z0-9._-]{1,${MAX_CHARS.username - 1}}$`);

export function normalizeUsername(input: string): string {
  // NFKC: a username typed in full-width letters (ＬＩＬＥＩ, a Chinese keyboard's full-width mode) is the same name
  return input.normalize("NFKC").trim().toLowerCase();
}
