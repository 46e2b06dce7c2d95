/**
 * The class policy form's schema (/teach/classes/:classId/playground). In a server module on
 * purpose: a zod schema built at a route module's top level would pull zod into the browser
 * bundle, and zod probes `new Function` when it loads, which the CSP forbids.
 * Messages are catalog keys; the page translates them beside each field.
 */
import { z } from "zod";
import type { MessageKey } from "~/i18n/catalog/en";

export const MAX_TOPICS = 50;
export const MAX_TOPIC_CHARS = 60;

const checkbox = z.literal("on").optional().transform((v) => v === "on");
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat()));
const wholeNumber = (min: number, max: number, message: MessageKey) =>
  z.string().trim().regex(/^\d{1,9}$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message));
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const PolicyForm = z
  .object({
    enabled: checkbox,
    allowedModels: list,
    exploreMode: checkbox,
    messagesPerMinute: wholeNumber(1, 60, "playground.policy.error.messagesPerMinute"),
    studentDailyTokens: wholeNumber(0, 1_000_000, "playground.policy.error.studentDailyTokens"),
    classDailyTokens: wholeNumber(0, 100_000_000, "playground.policy.error.classDailyTokens"),
    blockedTopics: z
      .string()
      .default("")
      .transform((v) => [...new Set(v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))])
      .refine((topics) => topics.length <= MAX_TOPICS && topics.every((s) => s.length <= MAX_TOPIC_CHARS), "playground.policy.error.topics"),
    scheduleOn: checkbox,
    days: list,
    from: z.string().trim().default(""),
    to: z.string().trim().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.enabled && v.allowedModels.length === 0) {
      ctx.addIssue({ code: "custom", path: ["allowedModels"], message: "playground.policy.error.models" });
    }
    if (v.classDailyTokens < v.studentDailyTokens) {
      ctx.addIssue({ code: "custom", path: ["classDailyTokens"], message: "playground.policy.error.classBudget" });
    }
    if (!v.scheduleOn) return;
    if (v.days.length === 0 || v.days.some((d) => !/^[0-6]$/.test(d))) {
      ctx.addIssue({ code: "custom", path: ["days"], message: "playground.policy.error.days" });
    }
    if (!TIME.test(v.from)) ctx.addIssue({ code: "custom", path: ["from"], message: "playground.policy.error.time" });
    if (!TIME.test(v.to)) ctx.addIssue({ code: "custom", path: ["to"], message: "playground.policy.error.time" });
    else if (TIME.test(v.from) && v.to <= v.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "playground.policy.error.timeOrder" });
    }
  });

