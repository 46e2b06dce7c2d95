/**
 * Class join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a
 * code read aloud or copied from a projector is typed right the first time.
 */
import crypto from "node:crypto";

export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[crypto.randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * Accepts what students type: lower case, spaces and dashes, and full-width letters and digits
 * (ＡＢＣ１２３: what a Chinese keyboard types in full-width mode), which NFKC makes plain.
 */
export function normalizeJoinCode(input: string): string {
  return input.normalize("NFKC").toUpperCase().replace(/[\s\-‐‑‒–—―_.·]/g, "");
}

export function isWellFormedJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** Why a typed code cannot be one (normalised first): a look-alike the codes never use, or its length. */
export function joinCodeProblem(code: string): "auth.code.lookalike" | "auth.code.invalid" | null {
  if (isWellFormedJoinCode(code)) return null;
  return /[01OIL]/.test(code) ? "auth.code.lookalike" : "auth.code.invalid";
}
