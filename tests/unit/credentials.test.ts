import { describe, expect, it } from "vitest";
import { generateStaffPassword, generateStudentPassword, PASSWORD_WORDS } from "~/models/credentials";

describe("first passwords", () => {
  it("are made of short, first-English words, none repeated in the list", () => {
    expect(new Set(PASSWORD_WORDS).size).toBe(PASSWORD_WORDS.length);
    expect(PASSWORD_WORDS.length).toBeGreaterThanOrEqual(120);
    for (const word of PASSWORD_WORDS) expect(word).toMatch(/^[a-z]{3,5}$/);
  });

  it("give a student two different words and a two-digit number", () => {
    for (let i = 0; i < 2_000; i++) {
      const [a, b, n] = generateStudentPassword().split("-");
      expect(PASSWORD_WORDS).toContain(a);
      expect(PASSWORD_WORDS).toContain(b);
      expect(a).not.toBe(b);
      expect(n).toMatch(/^[1-9]\d$/);
    }
  });

  it("give a teacher three words and a three-digit number", () => {
    const parts = generateStaffPassword().split("-");
    expect(parts).toHaveLength(4);
    expect(parts.slice(0, 3).every((w) => (PASSWORD_WORDS as readonly string[]).includes(w))).toBe(true);
    expect(parts[3]).toMatch(/^[1-9]\d\d$/);
  });

  it("spread over the list: 2,000 students get almost all different passwords", () => {
    const seen = new Set(Array.from({ length: 2_000 }, generateStudentPassword));
    expect(seen.size).toBeGreaterThan(1_990);
  });
});
