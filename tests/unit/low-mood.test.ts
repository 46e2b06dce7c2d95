/**
 * Low mood (app/playground/low-mood.ts): a child's own feelings, typed as children type them, and
 * the look-alikes that must not raise the card (homework, games, stories, someone else, a skill).
 */
import { describe, expect, it } from "vitest";
import { detectCrisis } from "~/playground/crisis";
import { detectLowMood } from "~/playground/low-mood";

const LOW_MOOD = [
  "i cant do this anymore",
  "I can't take it anymore",
  "i cant deal with any of this anymore",
  "i can't cope anymore",
  "nobody cares about me",
  "no one even likes me",
  "Everyone hates me at school",
  "the whole class makes fun of me",
  "i have no friends",
  "i dont have anyone to talk to",
  "i feel so alone",
  "im so lonely",
  "I feel worthless",
  "i feel like nobody cares",
  "i'm useless",
  "i hate myself",
  "i hate my life",
  "life is pointless",
  "whats the point of even trying",
  "i'm being bullied",
  "they keep bullying me",
  "some girls bully me every day",
  "i cry every night",
  "i cry myself to sleep",
  "i'm sad all the time",
  "ive been feeling so down every day",
  "im so tired of everything",
  "i feel like giving up",
  "I don't matter",
  "我坚持不下去了",
  "撑不住了我",
  "没人在乎我",
  "根本没有人关心我",
  "大家都讨厌我",
  "全班都孤立我",
  "我一个朋友都没有",
  "我好孤独",
  "我覺得好孤單",
  "我觉得自己很没用",
  "我讨厌我自己",
  "人生没有意义",
  "我在学校被欺负",
  "我一直被同学霸凌",
  "我每天晚上都哭",
  "我想解脱",
  "冇人理我",
  "佢哋都唔理我",
];

const NOT_LOW_MOOD = [
  "i cant do this question",
  "i can't do this maths homework, can you help",
  "i cant cope with this homework",
  "how do i help a friend who feels lonely",
  "my character feels worthless in the story",
  "write a poem about loneliness",
  "i'm useless at maths",
  "im so depressed about the game last night",
  "I hate my little brother sometimes lol",
  "队友撑不住了，快回来",
  "i hate this song",
  "what is bullying",
  "how do i stop bullying at my school",
  "is life on mars possible",
  "I feel alone in the game when my team leaves",
  "i'm tired of this level",
  "nobody cares about the score",
  "everyone hates mondays",
  "我没用过这个模型",
  "这个功能很没用",
  "什么是霸凌",
  "怎么帮助被欺负的同学",
  "他觉得好孤独，怎么安慰他",
  "我好开心",
  "我每天晚上都刷手机",
  "What is a large language model?",
  "hi",
];

describe("low mood", () => {
  it.each(LOW_MOOD)("matches %j", (text) => {
    expect(detectLowMood(text), text).not.toBeNull();
  });

  it.each(NOT_LOW_MOOD)("leaves %j alone", (text) => {
    expect(detectLowMood(text)).toBeNull();
  });

  it("is not crisis detection: none of these raises the red alert", () => {
    expect(LOW_MOOD.filter((text) => detectCrisis(text).matched)).toEqual([]);
  });
});
