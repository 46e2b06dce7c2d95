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
    // answers are remembered: asked again, the same answers
    expect(["Asia/Shanghai", "Mars/Olympus", "Asia/Shanghai", "Mars/Olympus"].map(isTimeZone)).toEqual([true, false, true, false]);
  });
});

describe("the remembered offset agrees with Intl everywhere", () => {
  /** What Intl itself says, read independently of the app's code. */
  const formats = new Map<string, Intl.DateTimeFormat>();
  function intl(instant: Date, zone: string) {
    let f = formats.get(zone);
    if (!f) {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", weekday: "short", hourCycle: "h23",
      });
      formats.set(zone, f);
    }
    const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
    const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(p.weekday!);
    return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: +p.second!, weekday };
  }

  // Half-hour and 45-minute offsets, a 30-minute daylight-saving change (Lord Howe), southern
  // summers, a zone whose change is at midnight (Santiago), and zones without any change.
  const ZONES = [
    "UTC", "Asia/Shanghai", "Asia/Kolkata", "Asia/Kathmandu", "America/New_York", "America/St_Johns",
    "America/Santiago", "Europe/London", "Europe/Berlin", "Australia/Lord_Howe", "Australia/Adelaide",
    "Pacific/Chatham", "Pacific/Auckland", "Africa/Casablanca", "America/Sao_Paulo", "Asia/Tehran",
  ];

  it("at every minute around each daylight-saving change of a year, and at a day's worth of random instants", () => {
    const from = Date.UTC(2025, 6, 1);
    const to = Date.UTC(2026, 6, 1);
    for (const zone of ZONES) {
      const instants: number[] = [];
      // the changes, found hour by hour from Intl's offsets, then every minute (and second) around each
      let previous = NaN;
      for (let t = from; t < to; t += 3_600_000) {
        const w = intl(new Date(t), zone);
        const offset = (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - t) / 60_000;
        if (offset !== previous && !Number.isNaN(previous)) for (let m = -90; m <= 90; m++) instants.push(t + m * 60_000, t + m * 60_000 - 1);
        previous = offset;
      }
      for (let i = 0; i < 500; i++) instants.push(from + Math.floor(Math.random() * (to - from)));
      for (const t of instants) expect(wallClock(new Date(t), zone), `${zone} at ${new Date(t).toISOString()}`).toEqual(intl(new Date(t), zone));
    }
  });

  it("before 1970 and far ahead", () => {
    for (const iso of ["1969-12-31T23:59:59.999Z", "1950-06-01T12:00:00.500Z", "2100-03-28T01:30:00Z"]) {
      for (const zone of ZONES) expect(wallClock(new Date(iso), zone), `${zone} ${iso}`).toEqual(intl(new Date(iso), zone));
    }
  });
});
