/**
 * What the server's log may say about a request and a failure. The log is read by whoever runs
 * the server (and often kept by a host's journal for months): it must not hold what lets someone
 * into a class or what a student wrote.
 */
import { reasonOf } from "./db.server";

/** Lantern's longest real address is well under this. */
const LOGGED_PATH_MAX = 200;

/** A join page however the address is spelt: any case, %-encoded letters, `.`/`..` segments, `\` for `/`. */
const JOIN_PAGE = /^\/+join\/+[^/]/i;

function spellings(path: string): string[] {
  const out = [path];
  // most paths have nothing to decode or resolve: no work for them on every request
  if (!/[%.\\]/.test(path)) return out;
  try {
    out.push(decodeURIComponent(path));
  } catch {
    // a malformed %-sequence: Remix never routes it, and the raw spelling is still checked
  }
  for (const p of [...out]) {
    try {
      out.push(new URL(p, "http://x").pathname);
    } catch {
      // not a path a URL can hold: the other spellings are checked
    }
  }
  return out;
}

/**
 * A request's path for the log: a join page's code replaced by "…" (the code is what lets
 * anyone join the class), and a hostile 14 KB path cut to one short line.
 */
export function loggedPath(path: string): string {
  if (spellings(path).some((p) => JOIN_PAGE.test(p))) return "/join/…";
  return path.length > LOGGED_PATH_MAX ? `${path.slice(0, LOGGED_PATH_MAX)}… (${path.length} characters)` : path;
}

/**
 * An error for the log: its reason and where it was raised, without a failed query's text,
 * parameters or the row PostgreSQL quotes back ("Failing row contains (…)") — a prompt, a name,
 * a password hash. Drizzle puts the parameters into the message itself, so the message of such an
 * error is never printed; the database's own reason is.
 */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${reasonOf(error)}${typeof code === "string" ? ` (${code})` : ""}`, ...frames].join("\n");
}
