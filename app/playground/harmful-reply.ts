/**
 * A model's reply that harms the child reading it: it tells them to kill or hurt themselves, gives
 * a way to do it, or reads like grooming (keep it secret from your parents, send me a photo, come
 * alone). Found in a walk with a model key (7 December): every such reply from a misbehaving model
 * — or a school's own local model, which no provider filters — streamed to the student word for
 * word and raised nothing, since the reply screen (screening.ts) only knew the words of a child's
 * own disclosure ("kill myself").
 *
 * The pipeline reads the reply as it streams: at the first match it stops the model, the student's
 * screen loses the words, a notice takes their place, and the adults get the red alert (decision
 * 006). So the rules are the model speaking TO the child — an order, an instruction, a secret —
 * and never a caring reply about the same things ("please don't hurt yourself", "if you ever feel
 * like killing yourself, tell an adult", "you can always tell your parents", "I can't tell you a
 * lethal dose"), which is what a good model says most. Pure: no I/O.
 */
import { HARMFUL_REPLY_FLAG_PREFIX } from "~/models/severity";
import { foldForWords } from "./normalize-text";

export type HarmfulReplyKind = "urges_self_harm" | "self_harm_method" | "grooming";

export interface HarmfulReply {
  kind: HarmfulReplyKind;
  /** `<language>.<kind>.<name>`, for tests and for the reader of a flag. */
  rule: string;
  text: string;
}

interface Rule {
  id: string;
  kind: HarmfulReplyKind;
  pattern: RegExp;
}

/**
 * Said against it, just before: "don't", "never", "if you", "did you", "I won't tell you", "you
 * may feel that". A caring model's sentences start like this; an order to a child does not.
 */
const NOT_SAID_TO = String.raw`(?<!\b(?:not|never|dont|don't|do not|didnt|didn't|did you|have you|if you|when you|whether you|won't|wont|will not|can't|cant|cannot|refuse to|unable to|shouldn't|should not|feel|feels|feeling|think|thinks|thinking|believe|seems?|tell you|telling you)\s+(?:\w+\s+){0,3})`;

const SELF = String.raw`(?:yourself|your self|urself)`;
const URGE = String.raw`(?:you should|you ought to|you need to|you deserve to|you must|you might as well|maybe you should|why don't you|why dont you|why not|you could just|just go|go and|go|just)`;

const EN: Rule[] = [
  // "you should kill yourself", "just go hurt yourself", "go kill yourself"
  { id: "en.urges_self_harm.order", kind: "urges_self_harm", pattern: new RegExp(`${NOT_SAID_TO}\\b${URGE}\\s+(?:just\\s+)?(?:go\\s+)?(?:and\\s+)?(?:kill|hurt|cut|harm|starve|hang|burn)\\s+${SELF}\\b`) },
  // "Kill yourself." said as an order, at the start of a sentence
  { id: "en.urges_self_harm.imperative", kind: "urges_self_harm", pattern: new RegExp(`(?:^|[.!?:;"“]\\s*|\\n\\s*)(?:just\\s+)?(?:kill|hurt|cut|hang)\\s+${SELF}(?:\\s*[.!,]|\\s*$|\\s+(?:now|already|tonight|today))`) },
  { id: "en.urges_self_harm.kys", kind: "urges_self_harm", pattern: /\bkys\b/ },
  // "you should just die", "you deserve to die", "you'd be better off dead"
  { id: "en.urges_self_harm.die", kind: "urges_self_harm", pattern: new RegExp(`${NOT_SAID_TO}\\b(?:you should|you deserve to|you ought to|you need to|you might as well|why don't you|why dont you)\\s+(?:just\\s+)?(?:die|end it all|end your (?:own )?life|disappear forever)\\b`) },
  { id: "en.urges_self_harm.better-off", kind: "urges_self_harm", pattern: new RegExp(`${NOT_SAID_TO}\\b(?:you(?:'d| would)(?: be)? better off dead|you(?: are|'re) better off dead|(?:the )?world (?:would be|is) better (?:off )?without you|(?:nobody|no one|noone) (?:would|will) (?:miss you|care if you (?:died|were gone|disappeared)))\\b`) },
  // "the best way to kill yourself is", "the most painless method to die"
  { id: "en.self_harm_method.best-way", kind: "self_harm_method", pattern: new RegExp(`${NOT_SAID_TO}\\b(?:the\\s+)?(?:best|easiest|quickest|fastest|most painless|painless|surest|simplest)\\s+(?:way|ways|method|methods)\\s+to\\s+(?:kill ${SELF}|die|end your life|commit suicide|hang ${SELF}|overdose|hurt ${SELF}|cut ${SELF}|self[- ]harm)\\b`) },
  // "here's how to make a noose", "to tie a noose, ..."
  { id: "en.self_harm_method.how-to", kind: "self_harm_method", pattern: /\b(?:here's|here is|heres|these are|follow these|the steps)\b[^.!?]{0,20}\bto (?:kill yourself|hang yourself|make a noose|tie a noose|cut yourself|overdose)\b|\bto (?:make|tie) a noose\s*[,:]/ },
  // "the lethal dose of paracetamol is about 150 mg per kg"
  { id: "en.self_harm_method.dose", kind: "self_harm_method", pattern: /\b(?:lethal|fatal|deadly) dose (?:of [a-z ]{1,30} )?(?:is|would be) (?:about |around |roughly |approximately |only )?\d/ },
  // "take 50 paracetamol tablets", "take a whole bottle of pills"
  { id: "en.self_harm_method.take-many", kind: "self_harm_method", pattern: /\btake (?:[1-9]\d+|a whole (?:bottle|box|pack|packet)(?: of)?|all (?:of )?(?:the|your)) (?:[a-z]+ )?(?:pills|tablets|paracetamol|tylenol|acetaminophen|ibuprofen|sleeping pills)\b/ },
  // "cutting is a good way to feel better", "press hard with a razor"
  { id: "en.self_harm_method.cutting", kind: "self_harm_method", pattern: /\b(?:cutting|self[- ]harm(?:ing)?|hurting yourself) is a (?:good|great|healthy|fine) way\b|\b(?:press|push|cut) (?:harder|hard|deeper|deep)\b[^.!?]{0,30}\b(?:razor|blade|knife)\b/ },
  // secrecy about the two of them
  { id: "en.grooming.secret", kind: "grooming", pattern: /\bour (?:little |special )?secret\b(?! (?:ingredient|recipe|base|hideout|code|weapon|plan|mission|passage|door|room))/ },
  { id: "en.grooming.dont-tell", kind: "grooming", pattern: /\b(?:don't|dont|do not|never) tell (?:your )?(?:parents|mum|mom|dad|mother|father|teachers?|family|anyone|anybody|friends)\b[^.!?]{0,30}\b(?:about (?:me|us|this|our|what we)|we (?:talk|talked|chat|chatted|met|meet))\b|\b(?:don't|dont|do not|never) tell (?:your )?(?:parents|mum|mom|dad|mother|father|teachers?) about (?:me|us)\b/ },
  { id: "en.grooming.photos", kind: "grooming", pattern: /\bsend me (?:a |an |some |more |your )?(?:photos?|pics?|pictures?|selfies?|videos?|nudes)\b/ },
  { id: "en.grooming.alone", kind: "grooming", pattern: /\b(?:come|meet me|meet up) alone\b|\bmeet\b[^.!?]{0,60}\b(?:don't|dont|do not) tell\b/ },
];

/** Said against it in Chinese, just before: 不要, 别, 千万别, 不会, 如果你, 你是不是. */
const ZH_NOT = String.raw`(?<!(?:不要|别|千万别|不会|不应该|不该|绝不|如果你|如果|是不是|不可以|不能|不想让你)(?:\p{Script=Han}){0,2})`;

const ZH: Rule[] = [
  { id: "zh.urges_self_harm.go-die", kind: "urges_self_harm", pattern: new RegExp(`${ZH_NOT}(?:你(?:应该|就该|该|还是|干脆|不如|赶紧|快)?去死|去死吧|你怎么(?:还)?不去死|不如去死)`, "u") },
  { id: "zh.urges_self_harm.should", kind: "urges_self_harm", pattern: new RegExp(`${ZH_NOT}你(?:应该|就该|干脆|不如|最好)(?:去)?(?:自杀|死了算了|跳楼|割腕|上吊|伤害自己|结束(?:自己的)?生命)`, "u") },
  { id: "zh.urges_self_harm.worthless", kind: "urges_self_harm", pattern: new RegExp(`${ZH_NOT}(?:你(?:活着|的存在)(?:没有|没)(?:任何)?(?:意义|用|价值)|没(?:有)?人会(?:想念|在乎|在意)你|(?:这个)?世界(?:上)?没有你会更好)`, "u") },
  { id: "zh.self_harm_method.best-way", kind: "self_harm_method", pattern: /最(?:好|简单|快|不痛|有效)的(?:自杀|死|上吊|割腕|跳楼|结束生命)的?(?:方法|方式|办法)(?:是|就是|：|:)|(?:方法|方式|办法)(?:是|就是)(?:从楼上跳下去|跳楼|上吊|割腕|吃一整瓶)/u },
  { id: "zh.self_harm_method.dose", kind: "self_harm_method", pattern: /致死(?:剂)?量(?:是|为|大约|大概|约)/u },
  { id: "zh.self_harm_method.steps", kind: "self_harm_method", pattern: /(?:上吊|割腕|自杀|打绳结)(?:的)?(?:步骤|方法)(?:是|如下|：|:)|你可以(?:从楼上跳下去|割腕|上吊|吃一整瓶)/u },
  { id: "zh.grooming.dont-tell", kind: "grooming", pattern: /(?:不要|别|不许|千万别)告诉(?:你的?)?(?:爸妈|爸爸|妈妈|父母|家人|老师|任何人|别人)/u },
  { id: "zh.grooming.secret", kind: "grooming", pattern: /我们(?:俩)?(?:之间)?的(?:小)?秘密/u },
  { id: "zh.grooming.photos", kind: "grooming", pattern: /(?:发|传|拍)(?:一张|几张|张|些|点)?(?:你(?:自己)?的)?(?:照片|自拍|视频|私照|腿照)(?:给我|过来|给我看)/u },
  { id: "zh.grooming.alone", kind: "grooming", pattern: /单独(?:见面|出来见我)|一个人(?:出来|来)见我/u },
];

/** How much of the end of a streaming reply is read again with each piece: more than any rule spans. */
const WINDOW = 400;

/** The first harmful thing in `text` (a reply, or the end of one as it streams); null when none. */
export function findHarmfulReply(text: string): HarmfulReply | null {
  // lower case, accents off, Traditional as Simplified, curly apostrophes straight; punctuation stays
  // (the imperative rule reads where a sentence starts)
  const folded = foldForWords(text.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")).text.replace(/\s+/g, " ");
  for (const rule of EN) {
    const found = rule.pattern.exec(folded);
    if (found) return { kind: rule.kind, rule: rule.id, text: found[0].trim() };
  }
  if (!/\p{Script=Han}/u.test(folded)) return null;
  const compact = folded.replace(/\s+/g, "");
  for (const rule of ZH) {
    const found = rule.pattern.exec(compact);
    if (found) return { kind: rule.kind, rule: rule.id, text: found[0] };
  }
  return null;
}

/**
 * The first harmful thing in the end of a reply that is streaming, read again with each new piece:
 * its last WINDOW characters, from a sentence's start (or a word's), so a cut never leaves
 * "…t kill yourself" without the "don'" that made it caring.
 */
export function findHarmfulReplyAtEnd(text: string): HarmfulReply | null {
  if (text.length <= WINDOW) return findHarmfulReply(text);
  const tail = text.slice(-WINDOW);
  const sentence = tail.search(/[.!?。！？\n]/u);
  return findHarmfulReply(sentence >= 0 ? tail.slice(sentence + 1) : tail.slice(tail.indexOf(" ") + 1));
}

/** The flag a stopped reply leaves: harmful_reply_<kind> (a safeguarding alert, severity.ts). */
export function harmfulReplyFlag(found: HarmfulReply): `${typeof HARMFUL_REPLY_FLAG_PREFIX}${HarmfulReplyKind}` {
  return `${HARMFUL_REPLY_FLAG_PREFIX}${found.kind}`;
}
