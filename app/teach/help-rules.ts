/**
 * When the class page says a student needs help. Named numbers, so the page can explain them
 * (the rules text under "Needs help", the scoring page) and tests can reach them.
 */
export const HELP_RULES = {
  /** This many answers in a row that were not right (wrong or "not sure"). */
  wrongStreak: 3,
  /** This many "I'm not sure" answers in the latest attempt at one lesson's quiz. */
  notSure: 3,
  /**
   * Stuck: ACTIVE time (page visible, learner active: lesson_progress.active_seconds) since the
   * learner last finished a step, at least this many times the class's median active time for
   * the step they are on… Time away (a closed laptop overnight) never counts.
   */
  stuckFactor: 3,
  /** …and at least this many minutes longer, so short steps do not raise false alarms. */
  stuckMinExtraMinutes: 5,
  /** The class median counts only when this many classmates have finished the step. */
  stuckMinSamples: 3,
  /** A quiz score below this share of the questions is "low", unless the class sets its own. */
  lowScorePercent: 50,
  /** "Active now": seen within this many minutes. */
  activeMinutes: 10,
} as const;
