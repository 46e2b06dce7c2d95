/**
 * Low mood: what a child who is struggling, but says nothing of hurting themselves, types into a
 * playground — "nobody cares about me", "I can't do this anymore", "I'm being bullied", 没人在乎我,
 * 我坚持不下去了. Not a crisis (crisis.ts, the red alert), and not to be answered by the offline
 * mini model, which only continues the course's text ("nobody cares about me" → "I can explain is
 * your answer can explain the"). The school's card answers instead, in kind words; with a model
 * that can talk, the card comes first and the model answers after it. The teacher sees the message
 * among the flags to review (decision 006).
 *
 * The rules are the student's own feelings, in the first person and the present: "I feel so
 * alone", not "how do I help a friend who feels alone" nor "the character feels worthless".
 */
import { compactForCrisis, normaliseForCrisis } from "./crisis";

/** The flag a low-mood message leaves for the teacher (a review, not a safeguarding alert). */
export const LOW_MOOD_FLAG = "low_mood";

export interface LowMoodMatch {
  /** `<language>.<name>`, for tests and for the reader of a flag. */
  rule: string;
  text: string;
}

interface Rule {
  id: string;
  pattern: RegExp;
}

const I_AM = String.raw`(?:i am|im|i m|i feel|i always feel|i just feel|i feel like im|i ve been feeling|ive been feeling|i have been feeling|i get)`;
const SO = String.raw`(?: (?:so|really|very|always|just|kinda|kind of|super|completely|totally|honestly))*`;
/** Not a skill or a thing: "I'm useless at maths", "I feel empty after lunch" are not low mood. */
const NOT_AT_SOMETHING = String.raw`(?! (?:at|in|with|when|after|before|because of (?:the|my) (?:game|match)|about (?:the|my) (?:game|match|team)))`;

const EN: readonly Rule[] = [
  { id: "en.cant-go-on", pattern: new RegExp(String.raw`\bi (?:cant|cannot|can not|cant even) (?:do|take|handle|deal with|cope with|stand) (?:this|it|any of this|life|everything|my life)(?: \w+){0,2} (?:any ?more|no more)\b`) },
  { id: "en.cant-cope", pattern: /\bi (?:cant|cannot|can not) cope(?: any ?more| with (?:anything|life|everything|it all))?\b(?! with (?:the|this|my) (?:homework|maths?|test|exam|question))/ },
  { id: "en.nobody-cares", pattern: /\b(?:nobody|no one|noone|no body|not one person) (?:even )?(?:cares about|cares for|likes|loves|understands|wants|listens to|talks to|notices) me\b/ },
  { id: "en.everyone-against", pattern: /\b(?:everyone|everybody|all my friends|the whole class|my whole class|people at school|all the kids|they all) (?:hates|hate|ignores|ignore|laughs at|laugh at|picks on|pick on|makes fun of|make fun of|leaves out|leave out|excludes|exclude) me\b/ },
  { id: "en.no-friends", pattern: /\bi (?:have|ve got|have got|got) (?:no friends|no one to talk to|nobody to talk to)\b|\bi dont have (?:any )?(?:friends|anyone to talk to|anybody to talk to)\b/ },
  { id: "en.feel-alone", pattern: new RegExp(String.raw`\b${I_AM}${SO} (?:alone|lonely|worthless|hopeless|unwanted|unloved|invisible|miserable|empty inside|numb|like (?:a failure|nothing|im nothing|i dont matter|nobody cares|no one cares|a burden to everyone))\b${NOT_AT_SOMETHING}`) },
  { id: "en.useless", pattern: new RegExp(String.raw`\b(?:i am|im|i m|i feel)${SO} (?:useless|a failure|a disappointment|stupid and worthless)\b${NOT_AT_SOMETHING}(?! (?:at|in) )`) },
  { id: "en.hate-myself", pattern: /\bi (?:really |just |honestly )?(?:hate|cant stand|despise) (?:myself|my life|being me|everything about me|who i am)\b/ },
  { id: "en.pointless", pattern: /\b(?:my life|life|everything|living) (?:is|feels|seems) (?:so |just |completely )?(?:pointless|meaningless|hopeless|empty)\b|\bwhats the point (?:of|in) (?:anything|trying|anything any ?more|me|even trying)\b/ },
  { id: "en.bullied", pattern: /\b(?:i am|im|i m|i get|i keep getting|i have been|ive been|i ve been|i been|i was|i always get) (?:being |getting )?bullied\b|\b(?:they|people|kids|he|she|everyone|some girls|some boys|some kids) (?:keep |always |still )?(?:bully|bullies|bullying|bullied) me\b/ },
  { id: "en.crying", pattern: /\bi (?:cry|have been crying|ve been crying|keep crying|cried) (?:every (?:night|day|single day)|myself to sleep|all the time|every time i get home)\b/ },
  { id: "en.sad-all-the-time", pattern: new RegExp(String.raw`\b${I_AM}${SO} (?:sad|down|low|depressed|anxious|stressed|scared) (?:all the time|every day|every single day|constantly|all day)\b|\bi (?:am|m|im) (?:always|constantly) (?:sad|depressed|anxious)\b`) },
  { id: "en.tired-of-everything", pattern: /\bi(?: am|m| m)? (?:so )?(?:tired|sick|exhausted) of (?:everything|life|living|it all|being me|being alive|trying)\b/ },
  { id: "en.giving-up", pattern: /\bi feel like giving up\b|\bi (?:just )?want to give up on (?:everything|life|myself)\b|\bi dont matter\b/ },
];

const ZH: readonly Rule[] = [
  // at the start, after a pause or after 我: "队友撑不住了" (a game) is someone else
  { id: "zh.cant-go-on", pattern: /(?:^|[，,。.!！?？~～]|我)(?:真的|实在|快|快要|已经)?(?:坚持不下去|撑不住|熬不下去|扛不住|顶不住)了/ },
  { id: "zh.nobody-cares", pattern: /(?:没有?人|冇人|谁都不|没一个人)(?:在乎|关心|喜欢|理解|爱|理|睬|钟意|懂)我/ },
  { id: "zh.everyone-against", pattern: /(?:大家|所有人|全班|同学们?|班上的人|他们|佢哋|全部人)(?:都|全都|一直)(?:讨厌|不理|不睬|唔理|看不起|嘲笑|笑|孤立|欺负|排挤)我/ },
  { id: "zh.no-friends", pattern: /我(?:一个朋友都没有|没有(?:一个)?朋友|冇朋友|一个朋友都冇)/ },
  { id: "zh.feel-alone", pattern: /我(?:觉得|感觉)?(?:自己)?(?:好|很|真的好|真的很|太|特别|非常|超|一直都?|每天都)(?:孤独|寂寞|孤单|绝望|痛苦|伤心|难过|抑郁|压抑|空虚)/ },
  { id: "zh.useless", pattern: /我(?:觉得|感觉)?(?:自己)?(?:好|很|真的|太|就是)?(?:没用|多余|一无是处|是个废物|是个累赘|什么都做不好)(?!过|到|完|吗|的东西)/ },
  { id: "zh.hate-myself", pattern: /我(?:好|真的|很)?(?:讨厌|恨|憎)(?:我)?自己/ },
  { id: "zh.pointless", pattern: /(?:人生|生活|一切|活着)(?:好|真|太|都)?(?:没有意义|没意义|毫无意义|没有希望|没希望)/ },
  { id: "zh.bullied", pattern: /我(?:一直|经常|天天|每天|又|在学校)?(?:被|俾)(?:人|同学|他们|佢哋|班上的人)?(?:欺负|霸凌|蝦|虾|孤立|排挤)/ },
  { id: "zh.crying", pattern: /我(?:每天|天天|每晚|每天晚上|晚上)(?:都|总是)?(?:在)?(?:哭|喊)/ },
  { id: "zh.release", pattern: /我(?:好|真的|只)?想(?:解脱|逃离这一切|放弃一切)/ },
];

/** The first low-mood rule the student's text matches, or null. */
export function detectLowMood(text: string): LowMoodMatch | null {
  const english = normaliseForCrisis(text);
  for (const rule of EN) {
    const found = rule.pattern.exec(english);
    if (found) return { rule: rule.id, text: found[0] };
  }
  const compact = compactForCrisis(text);
  if (/\p{Script=Han}/u.test(compact)) {
    for (const rule of ZH) {
      const found = rule.pattern.exec(compact);
      if (found) return { rule: rule.id, text: found[0] };
    }
  }
  return null;
}
