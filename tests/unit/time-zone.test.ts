import { describe, expect, it } from "vitest";
import { instantAt, isTimeZone, wallClock, wallDay, wallTime } from "../../app/utils/time-zone";

describe("wall-clock time in a named zone", () => {
  it("turns 23:00 in Shanghai into 15:00 UTC and back", () => {
    const at = instantAt("2025-03-14", "23:00", "Asia/Shanghai")!;
    expect(at.toISOString()).toBe("2025-03-14T15:00:00.000Z");
    expect([wallDay(at, "Asia/Shanghai"), wallTime(at, "Asia/Shanghai")]).toEqual(["2025-03-14", "23:00"]);
    expect(wallClock(at, "UTC")).toMatchObject({ day: 14, hour: 15, weekday: 5 });
  });

  it("handles daylight saving on both sides of the change (New York, 9 March 2025)", () => {
    expect(instantAt("2025-03-08", "23:00", "America/New_York")!.toISOString()).toBe("2025-03-09T04:00:00.000Z"); // EST
    expect(instantAt("2025-03-09", "23:00", "America/New_York")!.toISOString()).toBe("2025-03-10T03:00:00.000Z"); // EDT
    // 02:30 does not exist that night: the moment just after the jump
    expect(wallTime(instantAt("2025-03-09", "02:30", "America/New_York")!, "America/New_York")).toBe("03:30");
  });

  it("refuses days and times that do not exist, and zones Intl does not know", () => {
    expect(instantAt("2025-02-30", "10:00", "UTC")).toBeNull();
    expect(instantAt("2025-13-01", "10:00", "UTC")).toBeNull();
    expect(instantAt("2025-03-01", "24:00", "UTC")).toBeNull();
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
