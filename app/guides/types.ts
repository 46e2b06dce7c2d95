/**
 * The compiled teacher's material: `scripts/build-course.ts` writes it to build/guides.json next
 * to the course. Kept out of course.json on purpose: students' pages load the course, and the
 * guides (with their answer keys) must never travel with it.
 */
import type { Block, Localized } from "../course/types";

/** The sections every guide has, in the order they are printed. */
export const GUIDE_SECTIONS = [
  "goal",
  "plan",
  "widgets",
  "misconceptions",
  "discussion",
  "unplugged",
  "adapting",
  "summary",
  "diagram",
  "worksheet",
] as const;
export type GuideSectionId = (typeof GUIDE_SECTIONS)[number];

/** Sections printed for students (the handout); the rest are for the teacher only. */
export const HANDOUT_SECTIONS: readonly GuideSectionId[] = ["summary", "diagram", "worksheet"];

/** The teaching plan's sections: the full course in 8 class hours, a short one in 4. */
export const PLAN_SECTIONS = ["eight-hours", "four-hours", "playground", "homework"] as const;
export type PlanSectionId = (typeof PLAN_SECTIONS)[number];

/**
 * The product's help page (/help) for teachers and the school's admin: help/help.{en,zh-Hans}.md,
 * in this order. The admin's sections are shown to admins only.
 */
export const HELP_SECTIONS = [
  "sign-in",
  "classes",
  "passwords",
  "assignments",
  "class-page",
  "playground",
  "alerts",
  "data",
  "contact",
  "models",
  "school",
] as const;
export type HelpSectionId = (typeof HELP_SECTIONS)[number];
export const ADMIN_HELP_SECTIONS: readonly HelpSectionId[] = ["models", "school"];

export interface CompiledHelp {
  content: Localized<{ sections: GuideSection<HelpSectionId>[] }>;
}

export interface GuideSection<Id extends string = GuideSectionId> {
  id: Id;
  title: string;
  blocks: Block[];
}

export interface Frameworks {
  /** AI4K12 Five Big Ideas, 1–5; the lesson's own bigIdea first. */
  bigIdeas: number[];
  /** CSTA K-12 CS Standards (2017) identifiers, e.g. 3A-IC-24. */
  csta: string[];
  /** Areas of 中小学人工智能通识教育指南（2025年版） (see frameworks.ts). */
  china2025: string[];
}

export interface LessonGuide {
  slug: string;
  number: number;
  /** Length of the class period the plan is written for (40–45). */
  periodMinutes: number;
  frameworks: Frameworks;
  content: Localized<{ sections: GuideSection[] }>;
}

export interface TeachingPlan {
  content: Localized<{ sections: GuideSection<PlanSectionId>[] }>;
}

export interface CompiledGuides {
  /** The course version the guides were built with: answer keys come from that course. */
  courseVersion: string;
  lessons: LessonGuide[];
  plan: TeachingPlan;
}
