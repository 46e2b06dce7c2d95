/**
 * What a student may choose in the needle-in-a-haystack experiment. Here, below the components,
 * because the lesson's form parser accepts exactly these values from the no-JavaScript fallback.
 */

/** Sentences of filler. */
export const HAYSTACK_SIZES = [6, 12, 24] as const;
/** Tokens; the first is the mini model's real window, the others are imagined. */
export const WINDOW_SIZES = [2, 16, 64, 256] as const;
/** Percent of the way in; the widget's slider moves in these steps. */
export const DEPTHS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

export interface NeedleChoice {
  sentences: number;
  /** Percent of the way in: 0 is the very start, 100 right before the question. */
  depth: number;
  /** Tokens. */
  window: number;
}

/** What the widget shows before a student chooses: the needle in the middle, the mini model's window. */
export const FIRST_CHOICE: NeedleChoice = { sentences: HAYSTACK_SIZES[1], depth: 50, window: WINDOW_SIZES[0] };
