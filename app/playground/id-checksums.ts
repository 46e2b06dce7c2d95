/**
 * Check digits of the ID numbers the screen looks for (screen-personal-data.ts): a random number
 * with the right length almost never passes them, so years, prices and counts are not read as IDs.
 */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = "10X98765432";
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** Check character of a mainland resident ID (ISO 7064 MOD 11-2) for its first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECK[sum % 11]!;
}

export function isValidResidentId(id: string, today = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return false;
  const [year, month, day] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const birth = new Date(Date.UTC(year!, month! - 1, day!));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month! - 1 && birth.getUTCDate() === day;
  if (!realDate || year! < 1900 || birth > today) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
}

const TAIWAN_LETTER_CODES = "ABCDEFGHJKLMNPQRSTUVXYWZIO"; // A=10 … in the official order

export function isValidTaiwanId(id: string): boolean {
  const code = TAIWAN_LETTER_CODES.indexOf(id[0]!) + 10;
  const digits = [Math.floor(code / 10), code % 10, ...id.slice(1).split("").map(Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  const sum = digits.reduce((total, d, i) => total + d * weights[i]!, 0);
  return sum % 10 === 0;
}

export function isValidHongKongId(id: string): boolean {
  const compact = id.replace(/[()]/g, "");
  const body = compact.slice(0, -1).padStart(8, " ");
  const value = (ch: string) => (ch === " " ? 36 : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += value(body[i]!) * (9 - i);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? "A" : String(check)) === compact.at(-1);
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

