/**
 * A readable username from a student's name, in any script the school uses: Chinese characters
 * become pinyin without tones (陈静 → chenjing, 吕小龙 → lvxiaolong, ü written v as Chinese
 * keyboards type it), Latin letters are folded to ASCII (Zoë Martín → zoe.martin). pinyin-pro
 * is maintained and handles surnames with special readings (单, 曾); it stays on the server.
 *
 * pinyin-pro's dictionary takes 9 MB of heap once loaded, for a moment a teacher spends adding a
 * roster; the server's heap is 192 MB and its pages keep 87 MB (decision 005). So it is loaded the
 * first time a Chinese name needs it, never by a server (or helper process) that only serves
 * lessons.
 */
import { usernameBase } from "./credentials";

const HAN = /\p{Script=Han}/u;

let pinyinPro: Promise<typeof import("pinyin-pro")> | undefined;

export async function usernameBaseOf(displayName: string): Promise<string | null> {
  if (!HAN.test(displayName)) return usernameBase(displayName);
  const { pinyin } = await (pinyinPro ??= import("pinyin-pro"));
  // syllables of one name run together (chenjing); spaces the teacher typed stay separators
  const romanized = pinyin(displayName, { toneType: "none", type: "array", surname: "head", nonZh: "consecutive", v: true }).join("");
  return usernameBase(romanized);
}
