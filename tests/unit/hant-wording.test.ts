/**
 * The 繁體中文 a reader actually gets: the course and teacher's guides compiled from lessons/, and
 * the committed zh-Hant catalog, must contain none of the sequences that give away a machine
 * conversion from mainland Chinese (found in review, issue 14 item 10).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { zhHant } from "../../app/i18n/catalog/zh-Hant";
import { compileCourse } from "~/course/build/compile-course";
import { compileGuides } from "~/course/build/guides";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** Each: a sequence no Taiwanese text should contain, and what was meant. */
const BAD_SEQUENCES: ReadonlyArray<readonly [bad: RegExp, meant: string]> = [
  // Conversion errors seen in the built course.
  [/程式程式碼/, "程序代码 converted twice: 程式碼"],
  [/被髮/, "被发 (be sent) is 被發; 髮 is hair"],
  [/一直線上/, "一直在线 (always on) read as 'on a straight line': 一直在線"],
  [/線上性|線上下方/, "在线性 / 在线下方 (on the line) are 在線性 / 在線下方"],
  [/證據支援/, "evidence supports: 證據支持 (支援 is aid or tech support)"],
  [/水迴圈/, "the water cycle is 水循環 (迴圈 is a program loop)"],
  [/例項/, "an example is 實例 (例項 is an object instance)"],
  [/檢檢視/, "检查看的是 (the check looks at): 檢查看的是"],
  // Mainland-only words that opencc leaves as they are.
  [/運營/, "operating a service is 營運"],
  [/渠道/, "a channel (to verify through) is 管道"],
  [/(?<!際)網上/, "online is 網路上"],
  [/群聊/, "a group chat is 群組"],
  [/食堂/, "the school canteen is 餐廳"],
  [/視頻/, "a video is 影片"],
  [/信息/, "information is 資訊, a message 訊息"],
  [/軟件/, "software is 軟體"],
  [/默認/, "default is 預設"],
  [/手機號(?!碼)/, "a phone number is 手機號碼"],
  [/身份證/, "Taiwan writes 身分證"],
  [/校醫/, "the school nurse is 校護"],
  [/小測/, "a quiz is 小考"],
  [/公佈/, "Taiwan's standard form is 公布"],
  [/質量/, "quality is 品質 (質量 is physical mass)"],
  [/打印/, "printing is 列印"],
  [/初中/, "junior high is 國中"],
  [/私信/, "a private message is 私訊"],
  [/投屏/, "showing on the projector is 投影"],
  [/聯網/, "being connected is 連網"],
  [/回復/, "a reply is 回覆 (回復 is recovering)"],
];

function hantStrings(value: unknown, inHant = false): string[] {
  if (typeof value === "string") return inHant ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => hantStrings(item, inHant));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => hantStrings(inner, inHant || key === "zh-Hant"));
}

function compiledHantText(): string {
  const lessonsDir = path.join(repoRoot, "lessons");
  const compiled = compileCourse(lessonsDir, { root: repoRoot });
  if ("errors" in compiled) throw new Error(`course does not compile: ${compiled.errors.map((e) => e.message).join("; ")}`);
  const guides = compileGuides(lessonsDir, compiled.course, { root: repoRoot });
  if ("errors" in guides) throw new Error(`guides do not compile: ${guides.errors.map((e) => e.message).join("; ")}`);
  return [...hantStrings(compiled.course), ...hantStrings(guides.guides)].join("\n");
}

/** Every bad sequence found, with 12 characters either side so a failure says where. */
function findBadSequences(text: string): string[] {
  const found: string[] = [];
  for (const [bad, meant] of BAD_SEQUENCES) {
    for (const match of text.matchAll(new RegExp(bad.source, "g"))) {
      const start = Math.max(0, match.index - 12);
      const around = text.slice(start, match.index + match[0].length + 12).replace(/\n/g, " ");
      found.push(`${match[0]} in “${around}”: ${meant}`);
    }
  }
  return found;
}

describe("繁體中文 reads natively", () => {
  it("the compiled zh-Hant course and teacher's guides contain no mainland-conversion sequences", () => {
    expect(findBadSequences(compiledHantText())).toEqual([]);
  });

  it("the zh-Hant catalog contains no mainland-conversion sequences", () => {
    expect(findBadSequences(Object.values(zhHant).join("\n"))).toEqual([]);
  });

  it("finds each bad sequence it lists (the check can fail)", () => {
    expect(findBadSequences("請給模型編寫程式程式碼，換個渠道核實。")).toHaveLength(2);
    expect(findBadSequences("網際網路上的公開資訊，手機號碼")).toEqual([]);
  });
});
