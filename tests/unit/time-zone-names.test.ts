/**
 * The school's time zone named in the page's language (the picker showed "Asia/Shanghai" on
 * 简体中文 and 繁體中文 pages): Intl's generic zone names plus the place, grouped by distance
 * from UTC, every label told apart, the value still the IANA id.
 */
import { describe, expect, it } from "vitest";
import { timeZoneGroups, timeZoneLabel } from "../../app/utils/time-zone-names.server";
import { timeZoneNames } from "../../app/utils/time-zone";

describe("time zones in the reader's language", () => {
  it("names zones in 简体中文, 繁體中文 and English, not by their IANA ids", () => {
    expect(timeZoneLabel("Asia/Shanghai", "zh-Hans")).toBe("中国标准时间");
    expect(timeZoneLabel("Asia/Shanghai", "zh-Hant")).toBe("中國標準時間");
    expect(timeZoneLabel("America/New_York", "zh-Hans")).toBe("北美东部时间（纽约）");
    expect(timeZoneLabel("America/New_York", "zh-Hant")).toBe("東部時間（紐約）");
    expect(timeZoneLabel("America/New_York", "en")).toBe("Eastern Time (New York)");
    expect(timeZoneLabel("Europe/Paris", "zh-Hans")).toBe("中欧时间（法国）");
    expect(timeZoneLabel("UTC", "zh-Hans")).toBe("协调世界时（UTC）");
  });

  it("lists every zone once, by id, grouped west to east, each label unique and (in Chinese) without Latin city names", () => {
    for (const locale of ["en", "zh-Hans", "zh-Hant"] as const) {
      const groups = timeZoneGroups(locale);
      const zones = groups.flatMap((g) => g.zones);
      expect(zones.map((z) => z.id).sort()).toEqual([...timeZoneNames()].sort());
      expect(new Set(zones.map((z) => z.label)).size).toBe(zones.length);
      const minutes = groups.map((g) => {
        const [, sign, h, m] = /^GMT([+-])(\d{2}):(\d{2})$/.exec(g.offset)!;
        return (sign === "-" ? -1 : 1) * (Number(h) * 60 + Number(m));
      });
      expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
      if (locale !== "en") expect(zones.filter((z) => z.id !== "UTC" && /[A-Za-z]/.test(z.label)).map((z) => z.label)).toEqual([]);
    }
    const east8 = timeZoneGroups("zh-Hans").find((g) => g.offset === "GMT+08:00")!.zones;
    expect(east8).toContainEqual({ id: "Asia/Shanghai", label: "中国标准时间" });
    // pinyin order within a group: 澳 (ào) before 中 (zhōng)
    expect(east8.findIndex((z) => z.label.startsWith("澳"))).toBeLessThan(east8.findIndex((z) => z.label.startsWith("中")));
  });

  it("is made once per language and day", () => {
    const day = new Date("2030-01-15T12:00:00Z");
    expect(timeZoneGroups("zh-Hans", day)).toBe(timeZoneGroups("zh-Hans", day));
  });
});
