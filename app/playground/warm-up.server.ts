/**
 * The screen's regular expressions compiled before the first student's message needs them.
 *
 * V8 compiles a regular expression the first time it runs. The crisis rules and the screen hold
 * about 200 of them, two of 14,000 characters; the first exchange after a start spent about 1 s
 * of CPU compiling them in one piece (0.7 s in the crisis rules, 0.2 s in the screen; measured
 * 8 December), and the process answered no one meanwhile — a class's pages too. Here each
 * rule is compiled in a turn of the event loop of its own (the largest takes ~150 ms), so
 * requests are served between them, and then each reading runs once on a short message in
 * each script, for the patterns built inside the screen's functions.
 */
import { crisisRulePatterns, detectCrisisInTurn } from "./crisis";
import { findHarmfulReplyAtEnd } from "./harmful-reply";
import { detectLowMood } from "./low-mood";
import { screenOutgoing } from "./guard.server";
import { screenReply } from "./screening";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const SAMPLES = ["what is a token?", "什么是词元？", "點解模型會亂講？"];

const WHOLE_READINGS: ((text: string) => unknown)[] = [
  (text) => detectCrisisInTurn(text, "hi"),
  (text) => screenOutgoing(text, null, { blockedTopics: [] }, "en", { history: ["hi"] }),
  (text) => detectLowMood(text),
  (text) => findHarmfulReplyAtEnd(text),
  (text) => screenReply(text),
];

/** Runs every rule once, a turn each; resolves with how many turns it took. Never throws. */
export async function warmScreening(): Promise<number> {
  let turns = 0;
  try {
    for (const pattern of crisisRulePatterns()) {
      pattern.exec(SAMPLES[0]!);
      // a global or sticky pattern keeps where it stopped: the rules must start from the beginning
      pattern.lastIndex = 0;
      await nextTurn();
      turns++;
    }
    for (const read of WHOLE_READINGS) {
      for (const text of SAMPLES) {
        read(text);
        await nextTurn();
        turns++;
      }
    }
  } catch (error) {
    // a warm-up that fails leaves the first message to compile what is left, as before
    console.error(`screen warm-up stopped: ${error instanceof Error ? error.message : String(error)}`);
  }
  return turns;
}
