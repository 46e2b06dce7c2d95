/**
 * A readable username from a student's name, in any script the school uses: Chinese characters
 * become pinyin without tones (陈静 → chenjing, 吕小龙 → lvxiaolong, ü written v as Chinese
 * keyboards type it), Latin letters are folded to ASCII (Zoë Martín → zoe.martin). pinyin-pro
 * is maintained and handles surnames with special readings (单, 曾); it stays on the server.
 */
import { pinyin } from "pinyin-pro";
import { usernameBase } from "./credentials";

const HAN = /\p{Script=Han}/u;

export function usernameBaseOf(displayName: string): string | null {
  if (!HAN.test(displayName)) return usernameBase(displayName);
  // syllables of one name run together (chenjing); spaces the teacher typed stay separators
  const romanized = pinyin(displayName, { toneType: "none", type: "array", surname: "head", nonZh: "consecutive", v: true }).join("");
  return usernameBase(romanized);
}
