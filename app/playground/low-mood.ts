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
 * alone", not "how do I help a friend who feels alone" nor "the character feels worthless", nor
 * words quoted ("the song goes…"), nor a game, a film or homework. A passing "I'm so sad" counts
 * only as the whole message. Tested against a red-team pass of 523 phrasings
 * (tests/unit/low-mood.test.ts holds those that once failed).
 */
import type { Feelings } from "~/course/widgets/widget-data";
import { crisisForms, detectCrisis } from "./crisis";

export interface LowMoodMatch {
  /** `<language>.<name>`, for tests and for the reader of a flag. */
  rule: string;
  text: string;
}

interface Rule {
  id: string;
  pattern: RegExp;
}

const I_AM = String.raw`(?:i am|im|i m|i feel|i always feel|i just feel|i feel like im|i ve been feeling|ive been feeling|i have been feeling|i get|im feeling|i m feeling|i think im)`;
const SO = String.raw`(?: (?:so|really|very|always|just|kinda|kind of|super|completely|totally|honestly|all|such|lowkey|literally))*`;
/** Not a skill or a thing: "I'm useless at maths" is not low mood. */
const NOT_AT_SOMETHING = String.raw`(?! (?:at|in|with|when|after|before|because of (?:the|my) (?:game|match)|about (?:the|my) (?:game|match|team)))`;
/** Not in a game: "I feel alone in the game when my team leaves". */
const NOT_IN_A_GAME = String.raw`(?! (?:in|on) (?:the |my |this )?(?:game|minecraft|roblox|fortnite|server|lobby|match|level))`;
/** "no1", "every1", "any1" come out of the look-alike folding (crisis.ts) as "noi", "everyi", "anyi". */
const NOBODY = String.raw`(?:nobody|no one|noone|no body|noi|not one person|literally nobody|literally no one)`;
const EVERYONE = String.raw`(?:everyone|everybody|evryone|everyi|all my friends|my friends|the whole class|my whole class|people|the kids|all the kids|kids|they all|they)(?: (?:at school|in my class|at my school))?`;
const MYSELF = String.raw`(?:myself|my self|myslef|mysef)`;

const EN: readonly Rule[] = [
  { id: "en.cant-go-on", pattern: new RegExp(String.raw`(?:^|\bi (?:just |really |honestly |literally |seriously )?)(?:cant|cannot|can not) (?:do|take|handle|deal with|cope with|stand|keep doing) (?:this|it|any of this|life|everything|my life)(?: (?:shit|crap|stuff|at all|fr))? (?:any ?more|no more)\b|\bi (?:just )?(?:cant|can not) any ?more\b|\bi cant keep (?:doing this|going like this|going on like this)\b|\bim (?:so )?done with everything\b|\bi dont know how (?:much )?longer i can (?:do this|take (?:it|this)|keep going)\b`) },
  { id: "en.cant-cope", pattern: /\b(?:i (?:just |really )?(?:cant|cannot|can not) cope|(?:im|i am|i m) not coping)\b(?! with (?!(?:anything|life|everything|it all)\b))/ },
  { id: "en.nobody-cares", pattern: new RegExp(String.raw`\b${NOBODY} (?:even |ever |really |actually )?(?:cares|carez|care|likes|loves|understands|wants|listens to|talks to|notices|gets) (?:about |abt |bout )?me\b|\b${NOBODY} (?:even |ever )?(?:wants|wanna) (?:to )?be my friend\b|\b${NOBODY} (?:even |ever )?cares what i (?:think|say|feel)\b|\bmy (?:parents|mum|mom|dad|family|friends|teachers?) (?:dont|doesnt|do not|does not|never) (?:even |really )?(?:care about|care for|love|like|listen to|understand) me\b|\b${NOBODY} (?:even |would even |would )?(?:cares|care|notices|notice) if (?:im|i am|i was|i wasnt) (?:here|there|gone|at school|not)\b|\bmy friends (?:dont|wont|never) (?:talk to|text|sit with) me(?: any ?more)?\b`) },
  { id: "en.everyone-against", pattern: new RegExp(String.raw`\b${EVERYONE} (?:all |always |just |really |keep |still )?(?:hates?|ignores?|is ignoring|are ignoring|avoids?|laughs? at|picks? on|picking on|makes? fun of|leaves? out|excludes?|calls? me names)(?: me)?\b(?<=me|names)(?! when i (?:tell|make))|\b(?:my friends|they|everyone) (?:always |keep |just )?(?:left|leave|leaves) me out\b|\bi (?:always |keep )?get(?:ting)? left out\b`) },
  { id: "en.no-friends", pattern: /\b(?:i have|ive got|i ve got|i have got|i got) (?:no friends|0 friends|no real friends|no one|noone|nobody)(?: to talk to)?\b(?! (?:to (?!talk)\w+|online|in (?:the |this )?game))|\bi dont have (?:any |a single |)(?:friends?|anyone|anybody|anyi|real friends)(?: to talk to| at school)?\b(?! (?:to (?!talk)\w+|online|in (?:the |this )?game))/ },
  { id: "en.feel-alone", pattern: new RegExp(String.raw`\b${I_AM}${SO} (?:alone|all alone|(?:lonely|lonley)(?! without my (?:phone|ipad|switch|laptop|tablet))|alon|(?:worthless|worthles|hopeless)(?! (?:at|in) )|unwanted|unloved|invisible|miserable|empty(?! stomach| without)|empty inside|numb|a burden|like (?:a failure|nothing|im nothing|i dont matter|nobody cares|no one cares|a burden(?: to everyone)?|i dont belong anywhere|everyones against me))\b${NOT_IN_A_GAME}`) },
  { id: "en.useless", pattern: new RegExp(String.raw`\b(?:i am|im|i m|i feel)${SO} (?:useless|a failure|a disappointment|a loser|stupid and (?:useless|worthless)|not good enough|never good enough)\b${NOT_AT_SOMETHING}(?! (?:at|in|yet) )|\bi (?:ruin|mess up|screw up|mess|screw) everything(?: up)?\b|\bi (?:cant|never) do anything right\b|\beverything i do is wrong\b`) },
  { id: "en.hate-myself", pattern: new RegExp(String.raw`\bi (?:really |just |honestly |literally )?(?:hate|h8|cant stand|despise) (?:${MYSELF}|my life|being me|everything about (?:me|${MYSELF})|who i am)\b(?! for (?!being|existing|who))`) },
  { id: "en.pointless", pattern: /\b(?:my life|life|everything|living) (?:is|feels|seems) (?:so |just |completely )?(?:pointless|meaningless|hopeless|empty)\b|\bwhats the point (?:of|in) (?:anything|trying|anything any ?more|me(?=$| any ?more| even| trying| existing| being (?:here|alive)| here)|even trying)\b|\bwhats (?:even )?the point(?: any ?more)?$|\bnothing matters any ?more\b|\btheres no point (?:in|to) (?:trying|anything|even trying)\b|\bi have nothing to look forward to\b/ },
  { id: "en.bullied", pattern: /\b(?:i am|im|i m|i get|i got|i keep getting|i have been|ive been|i ve been|i been|i always get|i still get) (?:being |getting )?(?:bullied|cyberbullied|picked on)\b(?! in (?:year|grade|primary|the past))|\b(?:they|people|kids|kids at school|he|she|everyone|some girls|some boys|some kids) (?:keep |always |still )?(?:bully|bullies|bullying|bullied|cyberbully|cyberbullying|picking on|pick on|picks on) me\b|\b(?:they|people|kids|someone|some1|somei) (?:keep |keeps |always )?(?:calling me names|call me names|calls me names|posting mean (?:stuff|things) about me|sending me mean (?:messages|texts))\b/ },
  { id: "en.crying", pattern: /\bi (?:keep crying|cant stop crying)\b|\b(?:i (?:cry|have been crying|ve been crying|cried)|ive been crying) (?:every (?:night|day|single night|single day)|myself to sleep|all the time|all day|all night|every time i get home)\b(?! (?:watching|at|over|because of (?:the|a) (?:film|movie|show)))/ },
  { id: "en.sad-all-the-time", pattern: new RegExp(String.raw`\b${I_AM}${SO} (?:sad|down|low|depressed|anxious|scared|miserable|unhappy) (?:all the time|every day|every single day|constantly|all day|lately)\b|\b(?:i am|im|i m) (?:always|constantly) (?:sad|depressed|down|unhappy|anxious)\b|\b${I_AM}${SO} depressed\b(?! (?:about|after|because|cuz|over|when|that) )|\b(?:im|i am|i m|i feel|im feeling) (?:so |really |very )?low\b(?! (?:on|battery|score|hp))`) },
  // said alone, as the whole message: "im not ok" (but "im not ok with pineapple on pizza")
  { id: "en.not-ok", pattern: /^(?:honestly |tbh |i think )?(?:im|i am|i m) (?:really |just |so )?(?:not (?:ok|okay|doing (?:ok|okay|well|good))|struggling)(?: at all| rn| right now| lately)?$|^i feel (?:so |really )?(?:broken|lost)(?: rn| right now| lately)?$/ },
  { id: "en.tired-of-everything", pattern: /\bi(?: am|m| m)? (?:so |just |really )?(?:tired|sick|exhausted) of (?:everything|life|living|it all|being me|being alive|trying|being alone|pretending)\b/ },
  { id: "en.giving-up", pattern: /\bi feel like giving up\b|\bi (?:just )?(?:want to|wanna) give up(?: on (?:everything|life|myself))?$|\bi (?:just )?(?:want to|wanna) give up on (?:everything|life|myself)\b|\bi give up on (?:everything|life|myself)\b|\bi dont matter\b/ },
];

/** Someone else's words: "the song goes …", "my friend keeps saying …", "my character says …". */
const QUOTED_BEFORE = /\b(?:says|said|saying|goes|starts with|lyrics|sings|sang|song|poem|story|character|robot|the ai|ai say|wrote|quote)\s*$/;

const ZH_WHO = "(?:大家|所有人|全班|同学们?|班上的人|班里的人|他们|佢哋|全部人|成班人)";
const ZH: readonly Rule[] = [
  // at the start, after a pause or after 我 ("队友撑不住了" is someone else), not a game or sleepiness
  { id: "zh.cant-go-on", pattern: /(?:^|[，,。.!！?？~～]|(?<!这关)我)(?:真的|实在|快|快要|已经|真系)?(?:坚持不下去了|撑不住了|熬不下去了|扛不住了|顶不住了|顶唔顺|顶唔住|撑唔落去|撑唔住)(?![，,。!！]?(?:太|好)?困)/ },
  { id: "zh.nobody-cares", pattern: /(?:没有?人|冇人|谁都不|没一个人)(?:真的|会)?(?:在乎|关心|喜欢|理解|爱|理|睬|钟意|懂|明白|需要)我(?![的嘅](?!感受|心情|想法))|(?:爸妈|父母|我爸妈|我妈|我爸|家人|屋企人)(?:根本|从来|都|一直)*(?:不|唔|没有?)(?:在乎|关心|理|爱|理解|明白)我/ },
  { id: "zh.everyone-against", pattern: new RegExp(`${ZH_WHO}(?:都|全都|一直|总是|老是|经常|成日|又)*(?:讨厌|不喜欢|唔钟意|不理|不睬|唔理|看不起|嘲笑|孤立|欺负|排挤|虾|笑(?=我(?:$|[，,。.!！?？])))我`) },
  { id: "zh.no-friends", pattern: /我(?:一个朋友都没有|没有?(?:一个)?朋友(?!圈)|冇朋友|一个朋友都冇)|(?:冇人|没有?人)(?:想|愿意)(?:同|跟|和)我做朋友/ },
  // a passing sadness only as the whole message (我好难过); "我好难过，电影结局太惨了" is about a film
  { id: "zh.feel-alone", pattern: /我(?:觉得|感觉)?(?:自己)?(?:好|很|真的好|真的很|太|特别|非常|超|一直都?|每天都)(?:孤独|寂寞|孤单|绝望|痛苦|抑郁|压抑|空虚|忧郁)|我(?:每天|一直|总是|最近|天天|成日)都?(?:很|好|非常)?(?:伤心|难过|不开心|唔开心|抑郁|忧郁)|^我(?:好|很|真的好|真的很|太)(?:难过|伤心|唔开心|不开心|难受)(?=[，,。.!！~～…]*$)|(?<!让我|看得|电影)好想哭(?=[，,。.!！~～…]*$)|被(?:全世界|所有人|大家)(?:抛弃|遗忘|讨厌)|我没有?人可以(?:说话|倾诉|聊天?)/ },
  { id: "zh.useless", pattern: /我(?:觉得|感觉)?(?:自己|我)?(?:好|很|真的|太|就|就是|真)?(?:是个?)?(?:没用|冇用|多余的?|一无是处|废物|累赘|什么都做不好|什么都不是|失败者|失败)(?!过|到|完|吗|的东西|的时候|的)/ },
  { id: "zh.hate-myself", pattern: /我(?:好|真的|很)?(?:讨厌|恨|憎)(?:我)?自己(?!的|没|写|寫|太|字)/ },
  { id: "zh.pointless", pattern: /(?:人生|生活|一切|活着)(?:好|真|太|都)?(?:没有意义|没意义|毫无意义|没有希望|没希望)(?!吗)/ },
  { id: "zh.bullied", pattern: /我(?:一直|经常|天天|每天|又|在学校|喺学校|成日)*(?:被|俾)(?:人|同学|他们|佢哋|班上的人)?(?:欺负|霸凌|蝦|虾|孤立|排挤)/ },
  { id: "zh.crying", pattern: /我(?:每天|天天|每晚|每天晚上|晚上|经常|一直|成日)(?:都|总是)?(?:在|一个人|偷偷)*哭(?!笑不得|着笑|着做)|我(?:成日|每晚都?|好想)喊(?![我你佢他她人口])/ },
  { id: "zh.release", pattern: /我(?:好|真的|只)?想(?:解脱|逃离这一切|放弃一切)/ },
];

/** Someone else's words in Chinese: 主角说：我好孤独, a lyric, a line of a story. */
const QUOTED_BEFORE_ZH = /(?:说|道|唱|写|台词|歌词|主角)[：:"“「]?$/;
/** A joke said to be one: …哈哈, 开玩笑的. */
const JOKING_ZH = /^.{0,3}(?:哈哈|开玩笑|开个玩笑)/;

/** The first low-mood rule the student's text matches, or null. */
export function detectLowMood(text: string): LowMoodMatch | null {
  const { spaced: english, compact } = crisisForms(text);
  for (const rule of EN) {
    const found = rule.pattern.exec(english);
    if (found && !QUOTED_BEFORE.test(english.slice(Math.max(0, found.index - 40), found.index))) return { rule: rule.id, text: found[0] };
  }
  if (/\p{Script=Han}/u.test(compact)) {
    for (const rule of ZH) {
      const found = rule.pattern.exec(compact);
      if (!found) continue;
      const end = found.index + found[0].length;
      const before = compact.slice(Math.max(0, found.index - 6), found.index);
      const after = compact.slice(end, end + 8);
      if (!QUOTED_BEFORE_ZH.test(before) && !JOKING_ZH.test(after)) return { rule: rule.id, text: found[0] };
    }
  }
  return null;
}

/**
 * What a text a student typed outside a chat (a lesson widget's box) says about them: a crisis,
 * low mood, or nothing. Such a text is not stored and no adult sees it, so the widget can only
 * point the student to help.
 */
export function feelingsIn(text: string): Feelings | null {
  if (detectCrisis(text).matched) return "crisis";
  return detectLowMood(text) ? "low_mood" : null;
}
