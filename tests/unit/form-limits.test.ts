/**
 * One source for a field's length limit: the schema refuses one character past the limit that the
 * page's input carries as maxLength (app/utils/form-limits.ts), and no page writes a limit of its own.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { NewClassSchema, ClassSettingsSchema } from "~/forms/teach.server";
import { JoinSchema, TeacherSignUpSchema } from "~/forms/auth.server";
import { SchoolSettingsSchema, InvitationActionSchema } from "~/forms/admin.server";
import { SafeguardingFormSchema, HandleAlertSchema } from "~/forms/safeguarding.server";
import { ExchangeFormSchema } from "~/forms/playground.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { validate } from "~/utils/forms.server";

const UUID = "00000000-0000-4000-8000-000000000000";

/** [form, schema, the other fields of a valid form, the field, its limit] */
const CASES: [string, z.ZodType, Record<string, string>, string, number][] = [
  ["new class", NewClassSchema, {}, "name", MAX_CHARS.className],
  ["rename class", ClassSettingsSchema, { intent: "rename" }, "name", MAX_CHARS.className],
  ["join", JoinSchema, { username: "mei.l", password: "kite-river-7" }, "displayName", MAX_CHARS.joinName],
  ["teacher sign-up", TeacherSignUpSchema, { email: "li@school.example", password: "a-long-passphrase" }, "displayName", MAX_CHARS.teacherName],
  ["teacher sign-up", TeacherSignUpSchema, { displayName: "Li", email: "li@school.example", password: "a-long-passphrase" }, "schoolName", MAX_CHARS.schoolName],
  ["school settings", SchoolSettingsSchema, { transcriptRetentionDays: "30", defaultModels: "mini", publicUrl: "https://lantern.example" }, "name", MAX_CHARS.schoolSettingsName],
  ["invitation", InvitationActionSchema, { intent: "invite" }, "note", MAX_CHARS.inviteNote],
  ["safeguarding settings", SafeguardingFormSchema, {}, "helpLine", MAX_CHARS.helpLine],
  ["safeguarding settings", SafeguardingFormSchema, {}, "leadName", MAX_CHARS.leadName],
  ["alert handled", HandleAlertSchema, { messageId: UUID }, "note", MAX_CHARS.safeguardingNote],
  ["chat", ExchangeFormSchema, { model: "mini" }, "prompt", MAX_CHARS.prompt],
  ["chat", ExchangeFormSchema, { model: "mini", prompt: "hi" }, "system", MAX_CHARS.systemPrompt],
];

describe("a field's length limit is the schema's", () => {
  it.each(CASES.map(([form, schema, rest, field, limit]) => ({ form, schema, rest, field, limit })))(
    "$form: $field accepts its limit and refuses one more",
    ({ schema, rest, field, limit }) => {
    const at = validate(schema, { ...rest, [field]: "a".repeat(limit) });
    expect(at.ok ? undefined : at.errors[field]).toBeUndefined();
    const over = validate(schema, { ...rest, [field]: "a".repeat(limit + 1) });
    expect(over.ok ? undefined : over.errors[field]).toBeDefined();
    },
  );

  it("no page or component writes a number as a maxLength of its own", () => {
    // a GET form whose code is normalised on the server, not a schema's field
    const allowed = new Set(["routes/join._index.tsx"]);
    const root = path.resolve(import.meta.dirname, "../../app");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.endsWith(".tsx") && /maxLength=\{\d/.test(fs.readFileSync(full, "utf8")) && !allowed.has(path.relative(root, full))) {
          offenders.push(path.relative(root, full));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
