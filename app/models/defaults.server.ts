import type { PlaygroundPolicy, SchoolSettings } from "../../db/schema";
import { env } from "~/utils/env.server";

export const MINI_MODEL_ID = "mini";

export function defaultSchoolSettings(): SchoolSettings {
  return {
    transcriptRetentionDays: env().TRANSCRIPT_RETENTION_DAYS,
    defaultModels: [MINI_MODEL_ID, ...env().CLAUDE_MODELS],
    defaultStudentDailyTokens: 20_000,
    defaultClassDailyTokens: 400_000,
  };
}

/** A new class: playground on, guided mode, the school's default models and budgets. */
export function defaultPlaygroundPolicy(settings: SchoolSettings): PlaygroundPolicy {
  return {
    enabled: true,
    allowedModels: settings.defaultModels,
    exploreMode: false,
    messagesPerMinute: 6,
    studentDailyTokens: settings.defaultStudentDailyTokens,
    classDailyTokens: settings.defaultClassDailyTokens,
    blockedTopics: [],
    schedule: null,
  };
}
