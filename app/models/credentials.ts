/**
 * Usernames and first passwords for students added by a teacher. Passwords are two simple
 * words and a number — easy to read off a printed card, hard enough with sign-in throttling.
 */
import crypto from "node:crypto";
import { MAX_CHARS } from "~/utils/form-limits";

/**
 * Words every pupil can read and type: short (3–5 letters) and from the first English a child
 * learns, so a 12-year-old in Shanghai or Taipei, who meets English from primary school, types
 * "panda-kite-42" as easily as one in Leeds (the first list had "quartz", "glacier" and
 * "jasmine"). Things and animals only — no word a classmate could use to tease, no people.
 * 120 words: two different ones and 90 numbers give 1.3 million passwords (20 bits).
 */
export const PASSWORD_WORDS = [
  "apple", "bear", "bird", "boat", "book", "bread", "cake", "cat", "chair", "cloud",
  "desk", "dog", "door", "duck", "egg", "fish", "flag", "frog", "fruit", "goat",
  "grape", "green", "hat", "horse", "house", "juice", "kite", "lemon", "lion", "mango",
  "milk", "moon", "mouse", "panda", "peach", "pear", "pen", "pink", "rain", "red",
  "rice", "river", "robot", "rose", "ruler", "sheep", "ship", "shoe", "snow", "soup",
  "star", "sun", "table", "tea", "tiger", "toy", "train", "tree", "water", "whale",
  "zebra", "bus", "car", "ball", "bag", "box", "cup", "key", "map", "bee",
  "ant", "owl", "fox", "bike", "blue", "gold", "lamp", "leaf", "lake", "hill",
  "sea", "sky", "ice", "jam", "nut", "pie", "toast", "bean", "corn", "pizza",
  "salad", "smile", "happy", "sunny", "windy", "music", "piano", "drum", "song", "clock",
  "watch", "chalk", "paper", "park", "farm", "zoo", "shop", "road", "seed", "plum",
  "melon", "koala", "camel", "tent", "snake", "swan", "crab", "shell", "wave", "sand",
] as const;

function pick<T>(list: readonly T[]): T {
  return list[crypto.randomInt(list.length)] as T;
}

function twoWords(): [string, string] {
  const first = pick(PASSWORD_WORDS);
  let second = pick(PASSWORD_WORDS);
  while (second === first) second = pick(PASSWORD_WORDS);
  return [first, second];
}

export function generateStudentPassword(): string {
  const [a, b] = twoWords();
  return `${a}-${b}-${crypto.randomInt(10, 100)}`;
}

/**
 * A temporary password for a teacher, given by the school's admin in person: three words and a
 * number (1.5 billion passwords, 30 bits: ten more than a student's), to be changed under Account.
 */
export function generateStaffPassword(): string {
  const [a, b] = twoWords();
  return `${a}-${b}-${pick(PASSWORD_WORDS)}-${crypto.randomInt(100, 1000)}`;
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
