/**
 * "How long ago" on the teacher's pages follows the spacing rule of the rest of the page: found in
 * a walk as a mainland teacher, 最近活动：3分钟前 sat beside 学习时长：12 分钟.
 */
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalogs.server";
import { formatAgo } from "~/teach/labels.server";

const now = new Date("2026-12-07T12:00:00Z");
const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("how long ago", () => {
  it("in 简体中文 and 繁體中文, a space between the number and the words, as in 12 分钟", () => {
    expect(formatAgo(before(180), now, "zh-Hans", translator("zh-Hans"))).toBe("3 分钟前");
    expect(formatAgo(before(5 * 3600), now, "zh-Hans", translator("zh-Hans"))).toBe("5 小时前");
    expect(formatAgo(before(3 * 86_400), now, "zh-Hans", translator("zh-Hans"))).toBe("3 天前");
    expect(formatAgo(before(180), now, "zh-Hant", translator("zh-Hant"))).toBe("3 分鐘前");
  });

  it("in English as Intl writes it", () => {
    expect(formatAgo(before(180), now, "en", translator("en"))).toBe("3 minutes ago");
    expect(formatAgo(before(86_400), now, "en", translator("en"))).toBe("yesterday");
  });
});
