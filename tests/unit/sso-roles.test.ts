import { describe, expect, it } from "vitest";
import { roleFrom } from "../../app/models/sso-roles";
import type { SsoRoleRule } from "../../db/schema";

describe("the SSO role rule", () => {
  it("by domain: teachers' domains make teachers, anyone else a student", () => {
    const rule: SsoRoleRule = { kind: "domain", teacherDomains: ["school.org"] };
    expect(roleFrom({}, "school.org", rule)).toBe("teacher");
    expect(roleFrom({}, "students.school.org", rule)).toBe("student");
  });

  it("by group claim: a list or a single value, compared exactly", () => {
    const rule: SsoRoleRule = { kind: "group", claim: "groups", teacherValues: ["6f1c-staff", "Teachers"] };
    expect(roleFrom({ groups: ["x", "6f1c-staff"] }, "school.org", rule)).toBe("teacher");
    expect(roleFrom({ groups: "Teachers" }, "school.org", rule)).toBe("teacher");
    expect(roleFrom({ groups: ["teachers"] }, "school.org", rule)).toBe("student");
    expect(roleFrom({}, "school.org", rule)).toBe("student");
    expect(roleFrom({ groups: { Teachers: true } }, "school.org", rule)).toBe("student");
  });
});
