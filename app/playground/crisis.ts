/**
 * Crisis detection: does a message disclose suicide, self-harm, abuse or immediate danger?
 * Run on every playground message before any provider sees it (the screen step of
 * pipeline.server.ts), so every model — Claude, the offline mini model, any later one —
 * inherits it. Pure and table-driven: no I/O, one table of rules per category and language,
 * tested phrase by phrase (tests/unit/crisis.test.ts).
 *
 * Matching is on a normalised text: Unicode NFKC (full-width letters and digits become ASCII),
 * lower case, format and zero-width characters removed, curly apostrophes straightened and
 * dropped ("don't" → "dont"), look-alike digits inside words read as letters ("k1ll" → "kill"),
 * look-alike letters read as Latin (Cyrillic і, dotless ı, "kiII", "d!e"; foldLookalikeLetters),
 * "2" after an intent word read as "to", letters spelled out with spaces joined ("k i l l" →
 * "kill"), and whitespace collapsed; a few disclosures typed as one word ("iwanttodie") are
 * matched against whole words. Chinese
 * rules match a copy without any spaces in which the traditional characters the rules use are
 * folded to simplified, so one rule covers 简体 and 繁體.
 *
 * Design rule: a rule needs a first-person or an intent word ("I want to…", "想…", "…打我"), so
 * figures of speech ("this homework is killing me", "我笑死了", "kill the process") and lessons
 * about history and literature pass. A missed disclosure is worse than a false alarm, but an
 * alarm for every "dead tired" would teach teachers to ignore the red box.
 */

import { CRISIS_FLAG_PREFIX, isAboutAFriend } from "~/models/severity";
import { revealEncoded } from "./encoded-text";
import { hasSpelledOutRun, respelled } from "./spelled-out";
import { foldForWords, foldLookalikeLetters, lettersForDigitsInWords } from "./normalize-text";

/**
 * `not_eating`: not eating for days with no reason given ("i havent eaten in 3 days", 我三天没吃饭了).
 * It may be no food at home (neglect, `abuse`) or not eating on purpose (an eating disorder,
 * `self_harm`); the card speaks to both, and a reason the student gives settles it (`settle`).
 */
export type CrisisCategory = "suicide" | "self_harm" | "abuse" | "danger" | "not_eating";

export interface CrisisMatch {
  category: CrisisCategory;
  /** The rule's id, stable across releases ("en.suicide.kill-myself"). */
  rule: string;
  /** The matched words, as normalised. */
  text: string;
}

export interface CrisisResult {
  matched: boolean;
  /** The categories found, each once, in table order. */
  categories: CrisisCategory[];
  matches: CrisisMatch[];
}

interface Rule {
  id: string;
  category: CrisisCategory;
  pattern: RegExp;
  /**
   * Words just before or after the match that take it back ("i havent eaten in 2 days, im sick"):
   * read on the text before the match and after it. Kept out of `pattern`, whose every copy of them
   * made each message's reading slower (a regular expression's size costs on every message).
   */
  unless?: { before?: RegExp; after?: RegExp };
  /**
   * Laughter or embarrassment within 100 characters either side takes the match back, a laughing
   * emoji too ("omg so embarrassing i want to disappear", "i feel like dying lmao", "…😂"). Only
   * for passive wishes that are everyday hyperbole as often as not: "i want to die lol" still matches.
   */
  jokes?: true;
}

// ---------------------------------------------------------------------------------------------
// English (matched on the spaced, normalised text)

/** …censored too ("mys*lf": the star is a space by then; a red team, 7 December, fourth pass). */
const MYSELF = String.raw`(?:my\s?self|myslef|mysef|meself|mself|mys lf)`;
/**
 * "suicide" as typed, censored ("s*icide", "su*cide": the star is a space by then) and spaced
 * ("sui cide"; a red team, 7 December).
 */
const SUICIDE_WORD = String.raw`(?:suicide|sucide|suicde|suiside|suicied|sewer\s?slide|s ?u ?i ?c ?i ?d ?e|s icide|su cide|sui ide|suic de|suici e)`;
/** "self harm", censored as "s*lf h*rm" (a red team, 7 December). */
const SELF_HARM = String.raw`(?:self\s?harm|s(?:e| )lf\s?h(?:a| )rm)`;
/** "disappear" as students spell it ("dissapear", "disapear", "dissappear"), and "vanish". */
const DISAPPEAR = String.raw`(?:dis{1,2}ap{1,2}(?:ea|e|a)r|vanish)`;
/** Heat, a run, sport, cramps or a boring lesson: why a student "feels like dying" who means tired. */
const A_HARD_DAYS_WORK = String.raw`hot|heat|sun|run|ran|running|workout|gym|pe|practice|training|legs|muscles|cross country|race|marathon|laps|sprints?|beep test|bleep test|football|netball|rugby|hockey|match|cramps?|period|flu|sick|fever|homework|lesson|class|boring|bored`;
/** Laughter and embarrassment, for the rules that jokes take back (`Rule.jokes`). */
const JOKING = /\b(?:lol|lool|lmao|lmfao|rofl|xd|haha\w*|hehe\w*|jk|jking|just (?:kidding|joking)|im (?:joking|kidding)|embarrass\w*|cringe\w*|awkward|awks|mortified|humiliat\w*|hilarious|so funny)\b/;
/** "I have", typed every way ("i have", "ive", "i ve"). */
const I_HAVE = String.raw`(?:i have|ive|i ve)`;
/** Games where dying is the point of the sentence, not the student. */
const IN_A_GAME = String.raw`in (?:the|a|this|that|my) game|in (?:minecraft|fortnite|roblox|among us|hardcore|valorant|terraria)`;
/**
 * What may follow "die" when it is not about dying: laughter, embarrassment, a game, and "dye"
 * typed as "die" ("i want to die my hair"). Only these: "i want to die, my life is hell" and "i
 * want to die of an overdose" went on after the words and were missed while the rule stopped at
 * any "my", "of" or "from".
 */
const NOT_FIGURATIVE_DYING = String.raw`(?!\s(?:laughing|of (?:laughter|laughing|embarrassment|boredom|cringe|shame|cuteness|happiness|joy|excitement|old age|natural causes)|from (?:laughing|laughter|embarrassment|cringe|boredom|cuteness)|(?:my|your|her|his|their|the) (?:hair|clothes|shirt|t shirt|tshirt|jeans|hoodie|eyebrows|nails|fabric|wool|eggs|fringe|tips)\b|on (?:this|that) hill|${IN_A_GAME}))`;
/** Medicines a student could overdose on, by their everyday names. */
const MEDS = String.raw`(?:pills?|tablets?|meds|medicine|medication|painkillers?|paracetamols?|acetaminophen|tylenols?(?: pm)?|panadols?|ibuprofens?|advils?|motrins?|aleves?|aspirins?|sleeping pills|antidepressants|insulin|benadryls?|melatonin|nyquil|xanax|valium)`;
/** "i" and a few words of intent: what the student says they will do (not what someone else should). */
const I_INTEND = String.raw`\b(?:i(?:m| am|ll| will|ve| have)?\s(?:(?:just|really|literally|actually|seriously|finna|gonna|gunna|going to|planning to|plan to|about to|want to|wanna|ready to|might|will|should|need to|thinking about|thought about|think about|been thinking about)\s){1,2}|(?:imma|ima|ima gonna)\s(?:just\s)?)(?:go\s)?`;
const INTENT = String.raw`(?:want|wanna|wan|going|gonna|gunna|about|ready|plan|planning|decided|will|might|should|need|try|trying|tryna|thinking about|think about|thought about|urge|urges)`;

/** A friend, a sibling, a boy- or girlfriend, typed as 13-year-olds type them ("frend", "bff"). */
const FRIEND_WORD = String.raw`(?:friend|friends|frend|freind|fren|bff|bestie|bestfriend|mate|classmate|sister|brother|cousin|boyfriend|girlfriend|bf|gf|sis|bro)`;
/**
 * Someone the student knows: "my friend", "my best friend", "a friend of mine", "my sister",
 * "someone in my class", "she told me". A child worried about a friend is a disclosure too — the
 * friend is a child at risk, and the one who tells is often carrying it alone (decision 006).
 */
const FRIEND = String.raw`(?:(?:my|our) (?:best |close |good |girl |boy |little |big |older |younger )?${FRIEND_WORD}|a ${FRIEND_WORD} of mine|(?:someone|a (?:girl|boy|kid|guy)|this (?:girl|boy|kid|guy)|one of my friends) (?:in|at|from) my (?:class|school|year|form)|(?:he|she|they) (?:told|texted|messaged|tells|keeps telling|showed|said|says|keeps saying) me|(?:he|she) (?:said|says|keeps saying)(?= (?:that )?(?:he|she|they)))`;
/** Up to three words between the friend and what they said — not a story being retold. */
const FEW_WORDS = String.raw`(?: (?!(?:where|about|book|film|movie|story|show|character|game|video|song|hamlet|romeo|juliet|ophelia)\b)\w+){0,5}?`;
/**
 * The friend's own request for secrecy belongs to what they told: "…and made me promise not to
 * tell", 叫我不要告诉别人. Left to the abuse rules, it would read as an adult silencing the student.
 */
const FRIENDS_SECRET = String.raw`(?:,? (?:and|but) (?:(?:he|she|they) )?(?:made|asked|told|begged|makes) me (?:to )?(?:promise )?(?:not to|to not|never to|that i wont|i wont) tell(?: anyone| anybody| (?:her|his|their) parents)?)?`;
const FRIENDS_SECRET_ZH = "(?:[,，]?(?:她|他|佢)?(?:还|也)?(?:叫|让|要|求|不让)我(?:不要|别|不能|唔好|千万别|千万不要)?(?:告诉|跟|和|同|对|讲|说)[^,，。.!！?？]{0,6})?";
/** An accident is not self-harm: "my friend hurt herself playing football". */
const NOT_AN_ACCIDENT = String.raw`(?! (?:a|an|some|the|of|playing|at|in|during|on|when|while|falling|skating|skates|skiing|shaving|cooking|running|climbing|riding|cycling|biking|before|after|every time|by accident|accidentally|badly|really bad|and (?:had to|went to|needed|broke|sprained|twisted|bruised))\b)(?!.{0,40}\b(?:practice|training|match|playing|football|soccer|rugby|basketball|netball|hockey|skating|skiing|shaving|cooking|making (?:dinner|lunch|food)|bike|biking|cycling|climbing|fell|falling|tripped|accident|accidentally|by mistake|pe|gym)\b)`;

/** A few days or weeks: "3", "three", "a few", "a couple of". */
const SOME = String.raw`(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple of|a couple|couple of)`;
/**
 * How long: "in 3 days", "for 3 whole days", "in days", "in ages", "in forever", "in a week",
 * "since friday", "since yesterday morning". A whole day and more: "since yesterday lunch" or
 * "since last night" is a skipped meal, not days (a known gap, 7 December, found "in forever" and
 * "since yesterday morning" missed).
 */
const FOR_DAYS = String.raw`(?:(?:in|for) (?:(?:over |about |almost |nearly |like |literally |at least |more than |the (?:last|past) )?${SOME} (?:whole |full |entire |straight )?(?:days|weeks)|days|ages|(?:like |literally )?forever|(?:over |about |almost |nearly )?a (?:whole |full |entire )?week)|since (?:last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|weekend|last week)|since (?:yesterday (?:morning|breakfast)|the day before yesterday|(?:${SOME}) days ago))`;
/**
 * Who has gone without: the student, or the student with the rest of the home ("we", "me and my
 * brother") — a family without food is the same concern, and the card speaks to it (a known gap,
 * 7 December: "we havent eaten in 3 days" was missed).
 */
const I_OR_WE = String.raw`(?:i|we|we (?:both|all)|(?:me|i) and my (?:little |big |baby |older |younger )?(?:brother|sister|siblings?|bro|sis|mum|mom|dad|family)|my (?:little |big |baby |older |younger )?(?:brother|sister|siblings?) and (?:i|me))`;
/** Someone else named just before an illness: "mum is in hospital after her operation", "dad has been in hospital with covid". */
const NOT_SOMEONE_ELSES = String.raw`(?<!\b(?:mum|mom|mother|dad|father|parents?|stepdad|stepmum|stepmom|nan|nana|gran|granny|grandma|grandpa|grandad|brother|sister|aunt|uncle|carer|she|he|they|her|his|their|hes|shes|theyre)\b.{0,30})`;
/**
 * Why a student does not eat that is no one's concern: their own illness or dental work ("im
 * sick", "i had a tooth out", "my braces hurt"), a fast, a game. Not "sick of everything", not a
 * parent's illness (neglect: no one to feed the child), not "im not fasting", not "fast food".
 */
const OWN_REASON_NOT_TO_EAT = String.raw`${NOT_SOMEONE_ELSES}(?:\b(?:im|i am|i was|ive been|i have been|i got|i get|been) (?:so |really |very |super |too |still |kinda |quite |pretty |a bit )?(?:sick|ill|unwell|poorly)\b(?! of\b| to my stomach| and tired)|\b(?:i have|i had|ive got|ive had|i ve got|i ve had|i got|i caught|ive caught|i just had|i just got|got|had|with|from|of|after|because of|cause of|cuz of|coz of|due to|since) (?:a |an |the |my |some |this |that )?(?:bad |nasty |horrible |terrible |awful |really bad |stomach |tummy )?(?:bug|stomach bug|tummy bug|food poisoning|flu|stomach flu|covid|cold|fever|temperature|norovirus|noro|virus|tonsillitis|strep(?: throat)?|sore throat|gastro|gastroenteritis|migraine|surgery|operation|appendicitis|glandular fever|mono|tooth out|teeth out|tooth pulled|teeth pulled|tooth removed|teeth removed|wisdom teeth|wisdom tooth|braces|mouth ulcers?|tonsils out)\b|\b(?:my )?braces (?:hurt|are hurting|were tightened|got tightened|have been tightened|are killing me)\b|\b(?:im|i am|ive been|i was) in (?:the )?hospital\b)|(?<!\b(?:not|isnt|arent|wasnt|no|never)\s)\b(?:fasting|ramadan|yom kippur|(?:for|during|its|because of|cause of|cuz of) lent|(?:a|the|my|our) fast(?! food))\b|\b(?:${IN_A_GAME}|in (?:the sims|sims|stardew|dont starve|survival mode|rust|zelda)|in (?:the|a|my|our|this) (?:story|book|play|film|movie|poem|script)|hunger (?:bar|meter|points)|my (?:character|sim|avatar|player)s?|camping trip|on (?:a|the|our|my) (?:hike|trek|expedition|camping trip)|dofe|duke of edinburgh)\b`;
/**
 * "i havent eaten in 3 days", "ive not eaten in days", "i havent had anything to eat in a week",
 * "i didnt eat anything for 3 days", "ive gone 3 days without food", "i havent eaten since friday"
 * (and "havent eaten…" with the "i" left off: normaliseForCrisis puts it back), "ive barely eaten in a
 * week", "i havent eaten properly in days" (a red team, 7 December, fourth pass): days without
 * food, said of oneself now — not "i feel like i havent eaten in days", not hours, not a dish
 * ("eaten pizza"). The student's own illness, a fast or a game named around it takes it back
 * (OWN_REASON_NOT_TO_EAT, read by the not-eating rule: a reason of abuse or an eating disorder
 * given beside it stands whatever else is said).
 */
const NOT_EATEN_FOR_DAYS = String.raw`(?<!\b(?:feel|feels|felt|feeling) like |\b(?:as if|as though) )\b(?:(?:${I_OR_WE} (?:havent|havnt|havet|haven|hvnt|have not|aint)|ive not|i ve not|weve not|we ve not)\s(?:eaten|ate|eat|eaten anything|eaten any food|eaten a (?:proper |real |single |full |decent )?(?:meal|thing)|had (?:any )?food|had anything to eat|had a (?:proper |real |single |full |decent )?meal)(?: properly)? ${FOR_DAYS}|(?:${I_OR_WE}|ive|i ve|weve|we ve)(?: have)? (?:barely|hardly) (?:eaten|ate|eat|had (?:any )?food)(?: anything)? ${FOR_DAYS}|${I_OR_WE} (?:didnt|did not) eat(?: anything| any food| a thing| a (?:proper |real |single )?meal)? ${FOR_DAYS}|(?:ive|i ve|i have|weve|we ve|we have|${I_OR_WE}) (?:gone|been|went) (?:over |about |almost |nearly |like |literally )?${SOME} (?:whole |full |entire |straight )?(?:days|weeks) (?:without|with no) (?:eating(?: anything)?|food|any food|a meal|anything to eat))\b`;
/**
 * Weighing one way to hurt oneself against another: "is it better to cut or burn", "whats less
 * painful cutting or burning", "which hurts less cutting or burning", "should i cut or burn",
 * "cutting or burning which is better", "is cutting better than burning" (red teams, 8 December).
 * The comparison is the whole question, or ends in a word that adds nothing ("lol", "tonight") or
 * names the body: "…the branches", "…calories", "…for the rainforest", "…which is better for
 * paracord" go on to name what is cut, and rope ends, split ends, weeds, land, minecraft or a
 * fitness "cut" named before it make it about them.
 */
const HURT_ACT = "(?:cut|cutt|burn|scratch|starve|purge)";
const HURT_ACTING = "(?:cutting|burning|scratching|starving|purging)";
const COMPARED = "(?:better|beter|worse|safer|less painful|more painful|easier|less obvious|less noticeable|hurts? less|hurts? more|would hurt less|would hurt more|scars less|leaves less scars|easier to hide|harder to notice|harder to see)";
const OWN_BODY = String.raw`(?: ${MYSELF}| urself| yourself)?`;
const NOTHING_MORE = String.raw`(?=$|(?: (?:lol|lmao|tho|though|tonight|rn|now|honestly|fr|pls|please|plz|answer|i need to know|for me|again|this time|when i feel like this|if i dont want scars))+$| (?:on )?my (?:arms?|wrists?|legs?|thighs?|skin|stomach)\b)`;
const NOT_ABOUT_A_THING_BEFORE = String.raw`(?<!\b(?:rope|ropes|ends|hair|wood|logs?|branch(?:es)?|trees?|forest|rainforest|amazon|deforestation|land|firebreak|brush|minecraft|roblox|fortnite|game|paracord|fabric|nylon|thread|string|weeds?|grass|plants?|garden|hedge|fat|calories|bulk|bulking|bread|meat|steak|cake|paper|cardboard|cables?|wires?|cats?|dogs?|stubble|fields?|crops?|laces?|shoelaces?|bracelets?|threads?|hoodie|letters|project|dt|laser|chemistry|magnesium|ribbon|terraria|stardew|diet|summer body|candles?|wicks?|pumpkins?|leaves|ends)\b.{0,60})`;
// (the lookahead first: the lookbehind then runs only where a comparison can start, not at every
// character of every message, which made the how-to rule six times slower)
const WHICH_WAY_TO_HURT = String.raw`(?=\b(?:is|would|its|it|should|do|better|which|what|whats|cutting|burning|scratching|starving|purging|cut|burn|scratch|starve|purge)\b)${NOT_ABOUT_A_THING_BEFORE}(?:\b(?:(?:is it|would it be|its|it is|is) ${COMPARED} (?:to |2 )?|(?:should i|do i|better to) )${HURT_ACT}${OWN_BODY} (?:or|than|vs) (?:to )?${HURT_ACT}${OWN_BODY}${NOTHING_MORE}|\b(?:which|what|whats)(?: is| s| one is| one| would be)? ${COMPARED} ${HURT_ACTING}${OWN_BODY} (?:or|vs|than) ${HURT_ACTING}${OWN_BODY}${NOTHING_MORE}|\b${HURT_ACTING}${OWN_BODY} (?:or|vs) ${HURT_ACTING}${OWN_BODY} (?:which|what)(?: one)? (?:is |s )?${COMPARED}${NOTHING_MORE}|\bis ${HURT_ACTING} ${COMPARED} than ${HURT_ACTING}${NOTHING_MORE}|^${HURT_ACT} or ${HURT_ACT} (?:which|what)(?: one)? (?:is |s )?${COMPARED}${NOTHING_MORE})`;
/**
 * Laughter right after days without food ("i havent eaten in days lmao"): a joke, for the
 * not-eating rule alone — unless the student then says it is not one ("…lol im not joking").
 */
const LAUGHED_OFF = String.raw`(?! (?:lol|lmao|lmfao|rofl|xd|ha(?:ha)+h?|he(?:he)+|jk|jking|just kidding|just joking|im joking|im kidding)\b(?!.{0,40}\b(?:not (?:joking|kidding)|no joke|seriously|for real|fr|im serious|deadass)\b))`;
/** Whoever looks after the student. */
const CARER = String.raw`(?:parents?|mum|mom|mother|dad|father|stepdad|stepmum|stepmom|stepfather|stepmother|mums boyfriend|moms boyfriend|nan|gran|grandma|grandpa|carer|aunt|uncle)`;
/**
 * No money, said of the home: "we have no money", "i dont have any money" — not money for
 * something else ("no money for robux"), not spent ("…left because i spent it all on laxatives"),
 * not what the student tells an adult ("i tell mum i have no money for lunch so she doesnt ask").
 */
const NO_MONEY = String.raw`(?<!\bi (?:tell|told|say|said|pretend|pretended|lie|lied|claim|claimed)\b.{0,20})(?:(?:we|i) (?:have|got|ve got|had) no money|(?:we|i) (?:dont|didnt|do not) have (?:any )?money)(?! (?:left )?(?:for (?!food|groceries|dinner|lunch|breakfast|meals?|anything to eat|shopping)|(?:because|cause|cuz|coz|since|as|after) i (?:spent|bought|used|gave|lost|wasted))\b)`;
/** No food at home, said in the student's words: the reason that makes days without food neglect. */
const NO_FOOD_AT_HOME = String.raw`(?:(?:theres|there is|there s|there was|we have|weve got|we ve got|we got|we had) (?:no|not enough|never any|never enough) food|(?:theres|there is|there s|there was|we have|we had) nothing to eat|we (?:dont|didnt|never) have (?:any |enough )?food|we cant afford (?:food|to eat)|no money (?:for|to buy) food|${NO_MONEY}|(?:my )?(?:${CARER}|they) (?:dont|doesnt|didnt|wont|never|havent|hasnt) (?:feed me|fed me|(?:give|gave) me (?:any )?(?:food|dinner|lunch|breakfast|meals?|anything to eat)|buy (?:any )?food|bought (?:any )?food|let me eat(?! (?:after|before|between meals|in my (?:room|bedroom)|on the (?:sofa|couch)|snacks|sweets|junk|sugar|candy|chocolate|crisps|chips|fast food|meat|dessert|pudding|that|this|it)\b)))`;
/**
 * No one to feed the student: "nobody is home", "mum is in hospital", "my mum has covid and cant
 * get up", "my parents are away" — neglect, whatever the reason the adult is not there.
 */
const NO_ONE_TO_FEED_ME = String.raw`(?:nobody|no one|noone|no body) (?:is |s )?(?:home|at home|to cook|cooks|makes (?:me )?(?:food|dinner|meals)|feeds me)|(?:my )?${CARER}s? (?:is|are|has been|have been|s been|went|got) (?:in (?:the )?hospital|in prison|in jail|away|gone|not (?:home|back|around)|(?:\w+ )?(?:sick|ill|drunk|high)|working away)|(?:my )?${CARER}s? (?:has|have|got|caught|has got|s got) (?:covid|the flu|flu|cancer|a bug|the bug|pneumonia)|(?:my )?${CARER}s? (?:cant|can not|doesnt|wont|never) (?:get up|get out of bed|cook|make (?:me )?(?:food|dinner|meals))`;
/**
 * Someone at home behind the student's not eating: "my dad says i dont deserve food", "mum says im
 * too fat", "im scared to eat in front of my stepdad" — abuse, not the student's own eating disorder.
 */
const KEPT_FROM_FOOD = String.raw`(?:${CARER}|they|he|she) (?:\w+ )?(?:says|said|tells me|told me|keeps saying|keeps telling me|shouts|shouted|yells|yelled) (?:that )?(?:i dont deserve (?:food|to eat|dinner|meals?)|im (?:too |so |a )?(?:fat|greedy|pig|fatty|fatso)|i (?:cant|can not|am not allowed to|shouldnt|should not) eat)|(?:${CARER}|they|he|she) (?:\w+ )?(?:calls|called) me (?:a )?(?:\w+ )?(?:fat|fatty|fatso|pig|greedy)|(?:scared|afraid|terrified|frightened) (?:to eat|of eating) (?:in front of|around|near|with|when) (?:my )?${CARER}\b`;
/**
 * Not eating on purpose, beside days without food: to be thin ("i want to be skinnier", "goal
 * weight", "thinspo"), laxatives, skipping, hiding it ("so she doesnt ask", "i tell mum i already ate").
 */
const ON_PURPOSE = String.raw`(?:want|wanna|trying|try|need|going|gonna|have) to (?:lose weight|be (?:skinny|skinnier|thin|thinner|lighter)|get (?:skinny|skinnier|thin|thinner)|look (?:skinny|skinnier|thin|thinner))|goal weight|thinspo|laxatives?|diet pills|appetite suppressants?|(?:im|i am|ive been|i keep|i just|i) (?:\w+ )?(?:skipping|skip) (?:it |them |meals |lunch |dinner |breakfast )?(?:anyway|on purpose|every day|all (?:my )?meals)|so (?:she|he|they|mum|mom|dad|my (?:parents|mum|mom|dad)|nobody|no one|noone|people|teachers?) (?:doesnt|dont|wont|cant|does not|do not|will not|never) (?:ask|notice|know|find out|suspect|worry|see)|so (?:nobody|no one|noone) (?:asks|notices|knows|finds out|suspects)|i (?:tell|told|say|said to|lie to|lied to) (?:my )?(?:mum|mom|dad|parents|them|her|him|everyone|people|teachers?) (?:that )?i (?:already )?(?:ate|had (?:lunch|dinner|breakfast))`;

const EN: Rule[] = [
  // suicide
  // Not in a game ("how do i kill myself in roblox to reset": a red team's false alarm, 7 December).
  { id: "en.suicide.kill-myself", category: "suicide", pattern: new RegExp(String.raw`\b(?:kill|kil|kll|k ll|kiii|kiil|kili|killing|killin)\s?${MYSELF}\b(?!\s(?:laughing|with laughter|${IN_A_GAME}|to (?:reset|respawn)))`) },
  { id: "en.suicide.kms", category: "suicide", pattern: /(?<![\d.]\s?)\bkms\b/ },
  { id: "en.suicide.unalive", category: "suicide", pattern: new RegExp(String.raw`\b(?:un\s?aliv(?:e|ing)\s?(?:${MYSELF}|me)|(?:${INTENT}|how to|ways to|(?:fastest|quickest|easiest|best|painless) (?:way|ways) to)\s(?:how\s)?(?:to\s)?un\s?alive|(?<!\b(?:message|messages|chat|post|posts|snap|snaps|photo|photos|file|files|account)\b.{0,30})(?:${INTENT}|how to|ways to|(?:fastest|quickest|easiest|best|painless) (?:way|ways) to)\s(?:to\s)?self[\s-]?delete\b(?!\s+(?:my|the|this|that|your|it|a|an|all|messages?|posts?|account|photos?|files?|after|in|from)\b))`) },
  {
    id: "en.suicide.want-to-die",
    category: "suicide",
    // not someone else's wish: "why did juliet want to die", "if a user says they want to die",
    // "why did the character in the book want to die" (a red team, 8 December) — but not when the
    // student is among the words ("why do i read books and want to die", "why does the song make me
    // want to die") or says the wish is theirs too ("…want to die, i feel the same"; a fifth pass)
    pattern: new RegExp(String.raw`(?=[wjirn])(?<!\b(?:they|people|users?|characters?|did (?!i\b)\w+|does \w+|do (?!i\b)\w+)\s)(?<!\b(?:why|how come) (?:did|does|do) (?:(?!(?:i|im|me|and|when|while|but|so|because|cause)\b)\w+ ){0,5}(?:book|story|novel|film|movie|show|play|poem|song|game|anime|manga|series|episode|chapter|character|hero|heroine|villain|author|poet|writer|narrator|protagonist|antagonist|main character|mc)s? (?:(?:i|we) (?:read|am reading|are reading|watch|watched|saw|studied|are studying|listened to) (?:in class )?)?(?:(?!(?:i|im|me|my|and|when|while|but|so|because|cause|make|makes|made|remind|reminds|reminded)\b)\w+ ){0,3})\b(?:(?:want|wanna|wan|wnat|wnt|wamt|watn|wana|whant|wish i could|just want|i wanna|i want|ready|need)\s?(?:(?:to|too|tto)\s)?|wont (?:to|too) )(?:just\s)?(?:go\s)?(?:di+e+|dle|d e|be dead)\b${NOT_FIGURATIVE_DYING}|\b(?:want|wants|wanted) to die\b(?=.{0,40}\b(?:i feel the same|i feel that way|i feel like that|same here|same|me too|so do i|i do too|like me|because i do|cause i do|i relate|literally me|mood|relatable|asking for myself|thats me|its me)\b)`),
  },
  { id: "en.suicide.wish-dead", category: "suicide", pattern: /\bwish (?:i|id) (?:was|were|had) (?:dead|never been born|not born|died)\b(?! (?:cool|like|chill|good|funny|smart|pretty|in (?:the )?(?:19|20)\d0s))|\bwish (?:i|id) (?:never existed|wasnt alive|werent alive|was never born|could disappear forever)\b(?! in )|\bwish (?:i|id) (?:wasnt|werent|hadnt been) born\b/ },
  { id: "en.suicide.end-my-life", category: "suicide", pattern: /\bend(?:ing)?\s(?:my\s?life|my\s?own\s?life|it all|my existence)\b|\b(?:want|wanna|going|gonna|ready) (?:to )?end it(?: now| tonight| today)?$/ },
  { id: "en.suicide.nobody-would-care", category: "suicide", pattern: new RegExp(String.raw`\b(?:nobody|no one|noone|no body) (?:would |will |even |ever |really )+(?:care|notice|miss me)\b(?: \w+){0,3} (?:if|when) i (?:died|die|was gone|were gone|was dead|were dead|${DISAPPEAR}ed|wasnt here|killed myself)\b`) },
  // …and "i want to be gone forever" (a red team, 7 December, fourth pass).
  { id: "en.suicide.disappear", category: "suicide", pattern: new RegExp(String.raw`\b(?:want|wanna|wish i could) (?:to )?(?:${DISAPPEAR}|be gone) (?:forever|for good|and never come back)\b`) },
  { id: "en.suicide.pills", category: "suicide", pattern: /\bi (?:just )?(?:took|swallowed|have taken|ve taken) (?:a bunch of|all|too many|lots of|loads of|a lot of|a whole bottle of) (?:my |the |of my |of the )?(?:pills|tablets|meds|medicine|painkillers)\b|\bi (?:just )?(?:overdosed|odd|od)\b/ },
  {
    id: "en.suicide.commit",
    category: "suicide",
    // not the question about a character ("is he thinking about suicide?"), nor learning about it
    pattern: new RegExp(String.raw`(?<!\b(?:is|was|are|were) (?!i\b)\w+ )\b(?:(?!about\b)${INTENT}|about to|i (?:have |had )?(?:tried|attempted))\s(?:to\s)?(?:commit(?:ting)?\s)?${SUICIDE_WORD}\b`),
  },
  { id: "en.suicide.suicidal", category: "suicide", pattern: /\b(?:i|im|i am|ive|feel|feeling|felt|been|getting|so|really|kinda|kind of|have|having|had|get)\s(?:\w+\s)?suicidal\b/ },
  {
    id: "en.suicide.thinking-about",
    category: "suicide",
    pattern: new RegExp(String.raw`(?<!\b(?:is|was|are|were) (?!i\b)\w+ )\b(?:thinking|thought|think|thoughts)\s(?:about|of)\s(?:${SUICIDE_WORD}|killing ${MYSELF}|ending (?:my life|it all|it|things|everything)|dying|not being here|not waking up|jumping off (?:a|the|my|this|that) (?:\w+ )?(?:bridge|roof|rooftop|building|cliff|balcony|tower|car park|multi storey)|jumping in front of (?:a|the) (?:train|car|bus|truck|lorry)|hanging ${MYSELF}|overdosing)\b(?!\s(?:with|between))|\b(?:${SUICIDE_WORD}|killing ${MYSELF}|ending (?:it|it all|my life)|dying) (?:is|has been|s been|keeps|was|is always|is constantly) (?:always |constantly |really |still )?(?:on|in) my (?:mind|head)\b`),
  },
  {
    id: "en.suicide.not-be-here",
    category: "suicide",
    pattern: /\b(?:dont|do not|never) (?:want|wanna) (?:to )?(?:be here|be alive|live|exist|wake up)(?: any\s?more| any longer| now)?\b(?!\s(?:in|at|with|for|on|when|if|during))(?!.{0,40}\b(?:boring|bored|(?:this|the) (?:lesson|class|meeting|assembly|party|trip) is)\b)|\b(?:want|wanna|wish i could|just want) (?:to )?(?:just )?(?:not exist|not be alive|stop existing|cease to exist|not wake up|not be here(?=$| any ?more))\b|\bi wish i (?:didnt|did not) exist\b/,
  },
  // …"life is pointless and i want out", "i want out of this life" (a red team, 7 December, fourth pass).
  { id: "en.suicide.no-reason", category: "suicide", pattern: /\b(?:(?:dont|do not|cant|can not) see (?:the|any) point (?:in|of) (?:living|life|going on|being alive)|no reason to live|nothing to live for|no point (?:in )?(?:living|being alive|going on)|life (?:isnt|is not) worth (?:living|it)|(?:whats|what is|wats|wuts)(?: even)? the point (?:of|in) me(?: even)?(?: being here| being alive| existing| any ?more)?$|(?:whats|what is|wats|wuts)(?: even)? the point (?:of|in) (?:me |my )?(?:living|being alive|life|going on|existing|existence)(?! (?:things|organisms|beings|creatures|cells|cycles?|span|story|stories|skills?|lessons?|insurance|hacks?|room|a|an|the|with|in|as|on|for|at|according|holiday|holidays|trips?|tiktok|insta|youtube|school)\b)|(?:dont|do not|cant|can not) (?:see|have|find) (?:a|any) reason to (?:live|keep living|go on|be alive)|(?:life|living|my life) (?:is|feels|seems) (?:so |just |completely )?(?:pointless|meaningless|hopeless)\b.{0,30}\bi (?:just )?want out$|i (?:just )?want out of (?:this life|life|this world|existence))\b/ },
  { id: "en.suicide.better-off", category: "suicide", pattern: /\b(?:(?:everyone|everybody|the world|my family|my friends|my parents|people|they) (?:would|will|d) be (?:so much |much )?(?:happier|better|better off) without me|(?:no one|nobody|noone) (?:would|will) (?:even |ever )?(?:miss|notice) me(?=$| if i (?:died|was gone|disappeared|wasnt here|killed myself)| when im gone| anyway)|(?:im|i am) (?:just )?(?:a|such a) burden (?:to|on|for) (?:everyone|everybody|my family|my parents|them|people)|better off (?:without me|dead|if i (?:was|were)n?t? (?:here|around|alive|gone))|(?:happier|better) (?:if|when) i(?:m| am| was| were)? (?:gone|dead|not here|not around)|(?:happier|better off|better) (?:if|when) i (?:never existed|didnt exist|was never born|wasnt born|had never been born)(?! in (?:the|that|this|a|my|our) (?:game|group|team|chat|story|server)| in (?:minecraft|roblox|fortnite)))\b/ },
  { id: "en.suicide.never-wake", category: "suicide", pattern: /\b(?:sleep|go to sleep|fall asleep)(?: forever)? (?:and|n) (?:never|not) (?:wake up|ever wake up)\b/ },
  // …"im thinking about taking all my antidepressants" (a red team, 7 December, fourth pass).
  { id: "en.suicide.method", category: "suicide", pattern: new RegExp(String.raw`\b(?:(?!about\b)${INTENT}|about to|i will|im going to|im gonna)\s(?:to\s)?(?:hang ${MYSELF}|overdose(?! on (?!(?:\w+ ){0,3}(?:pills|meds|medicine|tablets|drugs|paracetamol|ibuprofen|painkillers|insulin)\b))|od|tak(?:e|ing) (?:all|every one) (?:of )?(?:(?:my|the|his|her|their|our) )?(?:\w+s )?${MEDS}(?!.{0,40}\b(?:on time|as prescribed|like (?:the|my) doctor (?:said|told me)|the doctor (?:gave|told|said))\b)|jump off (?:a|the|my) (?:bridge|roof|building|cliff|balcony)|slit my wrists?)\b`) },
  { id: "en.suicide.should-die", category: "suicide", pattern: new RegExp(String.raw`\bi (?:should|deserve to|might as well|may as well|just need to) (?:just )?(?:die|be dead)\b${NOT_FIGURATIVE_DYING}`) },
  // …"im done living" (not "done living in this town") (a red team, 7 December, fourth pass).
  { id: "en.suicide.done-with-life", category: "suicide", pattern: /\b(?:im|i am) (?:so |just |really )?(?:done with|tired of|sick of) (?:life|living|being alive|existing)\b(?!.{0,30}\b(?:homework|this (?:test|exam|class|lesson|game|level|week|essay|project))\b)|\bidw(?:anna)? (?:to )?(?:live|be alive|be here|exist)\b|\b(?:im|i am) (?:so |just |really )?done living\b(?! (?:in|at|with|here|there|on|under|next)\b)/ },
  { id: "en.suicide.tried", category: "suicide", pattern: new RegExp(String.raw`\b(?:${I_HAVE} |i had |i )(?:tried|attempted) (?:to )?(?:kill ${MYSELF}|hang ${MYSELF}|end my life|overdose|take my (?:own )?life)\b`) },
  { id: "en.suicide.pills-many", category: "suicide", pattern: /\bi (?:just )?(?:took|swallowed|have taken|ve taken) (?:\w+ ){0,2}(?:\d{2,}|bottle|all|too many|lots|lot|loads|bunch|handful|whole|every)(?: \w+){0,4} (?:pills|tablets|meds|medicine|painkillers)\b/ },
  // …and, from a red team (7 December), a method or "not want to live" without 了, run together or not.
  // Pinyin initials as the whole message: wxs (我想死), bxhl (不想活了) (a red team, 7 December, fourth pass).
  { id: "en.suicide.pinyin", category: "suicide", pattern: /^(?:wxs|wxzs|wzxs|bxhl|wbxhl)$|\b(?:wo|w)\s?(?:zhen\s?de\s?|hao\s?|zhen\s?|zhende\s?)?(?:xiang|yao)\s?(?:qu\s?)?si\b(?!\s?ni)|\b(?:wo\s?)?(?:bu|bu\s?zai)\s?xiang\s?(?:zai\s?)?huo\s?(?:le|xia\s?qu)\b|\bwo\s?(?:bu|bu\s?zai)\s?xiang\s?(?:zai\s?)?huo$|\b(?:wo\s?)?(?:xiang|yao)\s?(?:qu\s?)?(?:zi\s?sha|zs|tiao\s?lou|shang\s?diao|ge\s?wan)\b|\bwo\s?(?:zhen\s?de\s?|hao\s?|zhen\s?)?(?:xiang|yao)\s?xiao\s?shi(?:\s?le)?$/ },
  // Slang for electrocution in the bath, said as a plan (a walk with a model key, 7 December).
  { id: "en.suicide.toaster-bath", category: "suicide", pattern: /\b(?:thinking (?:about|of)|think about|thought about|considering|consider|want|wanna|need|going to take|gonna take|about to take|planning(?: on| to)?)(?: a| taking a| doing a| take a)? toaster bath\b/ },
  { id: "en.suicide.cant-go-on", category: "suicide", pattern: /\b(?:i )?cant (?:go on|keep going|live like this)(?: any\s?more| like this)?\b(?!\s(?:with (?:the|this) (?:game|level|project|homework)))/ },
  // Asking for a method or the means: a question about how to die is a disclosure.
  { id: "en.suicide.lethal-dose", category: "suicide", pattern: new RegExp(String.raw`\bhow (?:many|much) (?:\w+ ){0,3}(?:does it|would it|will it|do i|do you|should i|to) (?:take|need|have|swallow) (?:to )?(?:die|kill (?:me|myself|yourself|you|someone)|overdose|od)\b(?!\s(?:${IN_A_GAME}))|\bhow (?:many|much) (?:of )?(?:(?:my|the|those|these) )?${MEDS} (?:would|does|will) it take\b(?!\s(?:to (?:work|help|kick in|stop|fix|cure|feel better|get better)|for|before|a day|each day|per day))|\b(?:lethal|fatal|deadly) (?:dose|amount) of ${MEDS}\b(?=.{0,40}\b(?:me|myself|i|kill|die)\b)`) },
  { id: "en.suicide.painless-way", category: "suicide", pattern: new RegExp(String.raw`\b(?:painless|least painful|peaceful|easiest|quickest|fastest|best|quietest|quick|easy) (?:way|ways|method|methods) (?:to|of) (?:die|dying|kill (?:${MYSELF}|yourself|urself|oneself)|hang (?:${MYSELF}|yourself|urself|oneself)|end my life|end it all|commit ${SUICIDE_WORD}|${SUICIDE_WORD})\b(?!\s(?:${IN_A_GAME}))|\bhow (?:to|do i|can i|should i) (?:die|kill ${MYSELF}) (?:painlessly|peacefully|quickly|without (?:pain|it hurting))\b|\bhow (?:to|do i|do you|can i|should i|would i|do people|does someone) (?:hang|strangle) (?:${MYSELF}|yourself|urself|oneself|themselves|themself)\b|\bhow (?:to|do you|can you|would you|do people) (?:kill|off|unalive) (?:yourself|urself|ur self|oneself)\b(?!\s(?:${IN_A_GAME}|to (?:reset|respawn)))`) },
  { id: "en.suicide.noose", category: "suicide", pattern: /\b(?:tie|tying|tied|make|making|made|knot|hang|put up) (?:a |the |my )?noose\b/ },
  { id: "en.suicide.take-them-all", category: "suicide", pattern: new RegExp(String.raw`\b${MEDS}\b.{0,80}\b(?:${INTENT}|im going to|im gonna|i will|ill)\s(?:to\s)?(?:take|swallow|down) (?:them all|all of them|it all|the (?:whole|entire) (?:bottle|box|pack|packet))\b`) },
  // …"is looking like the best option" (a red team, 7 December, fourth pass).
  { id: "en.suicide.only-option", category: "suicide", pattern: new RegExp(String.raw`\b(?:${SUICIDE_WORD}|dying|death|killing ${MYSELF}|ending (?:it|my life))\s(?:is|seems|feels like|looks like|is looking like|is starting to look like|sounds like)\s(?:\w+\s){0,2}(?:only|last|best) (?:option|way out|choice|answer|solution|way)\b|\bthe only (?:option|way out|answer|solution) (?:left )?is (?:to )?(?:${SUICIDE_WORD}|die|death|kill ${MYSELF}|end (?:it|my life))\b`) },
  // Slang made to get past filters: it is only ever used to mean suicide.
  // Ending it, said without the word: "I just want everything to stop", "im ending it tonight".
  // …"i want it all to be over", "im ending it tn" (a red team, 7 December, fourth pass).
  { id: "en.suicide.want-it-to-end", category: "suicide", pattern: /\bi (?:just )?want (?:it all|everything|all of it|the pain|all this|all the pain) to (?:end|stop|be over)(?: now| forever| for good)?$|\b(?:im|i am) (?:ending|gonna end|going to end) it(?: all)?(?: tonight| today| now| tn| tmrw| tmr| tonite| 2nite)?(?=$| bye| goodbye| sorry| i love)/ },
  // "i have a rope" said as the whole message: nothing else a 13-year-old tells a chatbot that way
  // (a rope for a swing or a game says so, and passes).
  // …"drink the bleach under the sink" (a red team, 7 December, fourth pass).
  {
    id: "en.suicide.method-plain",
    category: "suicide",
    pattern: new RegExp(
      String.raw`\b(?:${INTENT}|im going to|im gonna|i will|ill)\s(?:to\s)?(?:off ${MYSELF}|ctb\b|yeet ${MYSELF} off (?:a|the) (?:bridge|building|roof|cliff|balcony)|(?:drink|swallow) (?:the |some |a bottle of |all the )?bleach|(?:jump|step|walk|lie down) in front of (?:a|the) (?:train|car|bus|truck|lorry))|\bi (?:just )?(?:drank|swallowed) (?:the |some |a bottle of )?bleach|^ctb$|\bhow (?:many|much) (?:\w+ ){0,2}?${MEDS} (?:would|will|does it take to|do i need to) kill (?:me|you|a person|someone)\b|\bhow long (?:does it|would it|will it|till i|until i|do you|does someone|would i) (?:take (?:to |2 )|(?=bleed|drown|suffocate))?(?:bleed out|die from (?:an )?overdose|suffocate|drown)\b(?=$| (?:${MYSELF}|yourself|urself|me|a person|someone|somebody|a human|people|in|if|when|after|from|with|under|because)\b)|\b(?:i (?:have |ve |just )?|im |i am |ive been |i have been )(?:wrote|written|writing|left|finished) (?:my |a )?(?:goodbye (?:letters?|notes?|messages?)(?! to (?:my )?(?:old |last )?(?:school|class|teacher|team|town|house|home|job|club|year))|suicide (?:notes?|letters?))\b|\bthis is my last (?:message|post|text|goodbye)\b|\b(?:${INTENT}|im going to|im gonna) (?:to )?end (?:things|everything)(?=(?: tonight| today| now)?$)|\b(?:saving|saved|stockpiling|hoarding) (?:up )?(?:my |all my )?${MEDS}|\bi (?:just )?(?:took|swallowed|have taken|ve taken) (?:\d{2,}|loads of|a (?:whole )?(?:box|bottle|pack|packet) of|all (?:of )?(?:the|my)) (?:\w+ )?${MEDS}|\bi (?:have |ve )?attempted(?: (?:suicide|last (?:year|month|week|night|time)|this (?:year|month|week)|before|again|twice|once|\d+ times)(?=$| )|$)|^(?:i (?:have|bought|got|found|just (?:got|bought))|ive got|i ve got|theres) (?:a |the |some )?rope(?: (?:now|ready|here|with me|in my (?:room|bag)|under my bed))?$|\bi (?:have|bought|got|found|tied) (?:a |the )?rope\b(?! for (?:the |a |our |my )?(?:tug of war|climbing|skipping|swing|camping|pe|gym|boat|tent|dog|knots?|project)\b).{0,60}\b(?:what im (?:going|gonna) to do|i know what im (?:doing|going to do|gonna do) with it|(?:round|around) my neck|hang ${MYSELF}|end it)\b`,
    ),
  },
  // …"i'm not going to be here much longer" said as the whole thought (a red team, 7 December, fourth pass).
  { id: "en.suicide.dont-care-if-i-die", category: "suicide", pattern: /\b(?:i dont care|idc|i dont even care|i wouldnt care) (?:if|whether) i (?:die|died|live|wake up)\b(?! (?:in (?:the|this|a|my|that) (?:game|round|level|match)|in (?:minecraft|fortnite|roblox)))|\bi hope i (?:dont|never|do not) wake up(?=$| tomorrow$| again| ever)|\b(?:want|wanna|just want) (?:to )?(?:go to )?sleep forever(?=$| and (?:never|not))|\bi (?:wont|will not) be (?:around (?:much longer|for long)$|alive (?:tomorrow|much longer|for long|next week))\b|\b(?:i (?:wont|will not)|im not (?:going to|gonna)|i am not (?:going to|gonna)) be (?:here|around|alive) (?:much longer|for (?:much )?long(?:er)?)(?=$| (?:sorry|goodbye|i love))|\b(?:this is|today is|tonight is|its) my last (?:day|night) (?:on earth|alive)\b/ },
  { id: "en.suicide.thoughts", category: "suicide", pattern: /\bsuicidal (?:thoughts|feelings|urges|ideation)\b(?=.{0,30}\b(?:again|back|today|tonight|every|all the time|lately)\b)|\b(?:thinking|thought|think) (?:about|of) un\s?aliv(?:ing|e)\b/ },
  // …"thinking of sewer sliding" (a red team, 7 December, fourth pass).
  { id: "en.suicide.slang", category: "suicide", pattern: /\b(?:sewer\s?slid(?:e|ing)|sewer\s?side|kermit\s(?:sewer\s?slide|suicide|sewer))\b/ },
  // Words made up to get past filters on video sites, said by the student of themselves: "i wanna
  // self delete", "im planning to kys", "i want to commit die", "i want to be unalive", "im gonna
  // neck myself" (British), "game end myself". Only after "i …" and a few intent words: "you should
  // kys" is bullying someone else, "self delete my account" a setting, "i cracked my neck myself" a neck.
  {
    id: "en.suicide.algospeak",
    category: "suicide",
    pattern: new RegExp(
      String.raw`${I_INTEND}(?:self\s?delet(?:e|ing)(?!\s(?:my|the|this|that|your|an?|all|it|them|messages?|posts?|account)\b)|commit (?:die|sudoku|toaster bath)|take a toaster bath|be\s?un\s?alive(?:d)?|kys|neck\s${MYSELF}|game\s?end\s${MYSELF})\b`,
    ),
  },
  // "die" spelled "dye" to get past a filter, with nothing dyed after it: the message ends there ("i wanna dye rn").
  { id: "en.suicide.want-to-dye", category: "suicide", pattern: /\bi(?:m)?\s(?:just\s|really\s|so\s)?(?:want|wanna|wana|gonna|going)\s(?:to\s)?(?:just\s)?dye(?:\s(?:rn|fr|lol|lmao|bro|tonight|today|now|already|so bad|so badly|so much|honestly|tbh|ngl))*$/ },
  // Wanting to be dead to be with someone who died ("i want to go to heaven to be with my grandma"),
  // not the hope of meeting them one day, nor of being with God.
  {
    id: "en.suicide.join-in-heaven",
    category: "suicide",
    pattern:
      /(?<!\b(?:when i die|when im (?:old|older|gone)|one day|someday|some day|after i die)\b.{0,30})\b(?:want|wanna|wish i could|just want)\s(?:to\s)?(?:(?:go (?:up )?to|be in) heaven\s(?:to|and|so i can)\s(?:be with|see|find|join|meet|hug)\s(?:my|our)\b|(?:be with|join|see)\s(?:my|our)\s(?:\w+\s){0,2}in heaven)\b(?!.{0,40}\b(?:one day|someday|some day|when im old|when im older|when i die|when its my time)\b)/,
  },
  // A way of dying named with "myself": "i want to stab myself", "im gonna end myself".
  { id: "en.suicide.named-way", category: "suicide", pattern: new RegExp(String.raw`\b(?:${INTENT}|im going to|im gonna|i will|ill|let me)\s(?:to\s)?(?:just\s)?(?:(?:stab|shoot|drown|poison|strangle|suffocate|smother|electrocute|gas|end|k\s?ll|kiii)\s${MYSELF}\b|(?:throw|hurl|fling)\s${MYSELF}\s(?:off|from|in front of|under|onto)\b|set\s${MYSELF}\s(?:on fire|alight|ablaze)|burn\s${MYSELF}\s(?:alive|to death))`) },
  { id: "en.suicide.hope-i-die", category: "suicide", pattern: new RegExp(String.raw`\b(?:i )?(?:hope|pray) (?:that )?i (?:just )?(?:die|get hit by a (?:car|bus|train|truck)|dont make it|dont survive)\b${NOT_FIGURATIVE_DYING}`) },
  { id: "en.suicide.stop-living", category: "suicide", pattern: /\b(?:want|wanna|wish i could|just want|going|gonna|ready) (?:to )?(?:just )?stop (?:living|being alive|breathing)\b/ },
  // "…better off if i was dead", "theyd be happier without me" (the apostrophe dropped).
  { id: "en.suicide.better-off-dead", category: "suicide", pattern: /\bbetter off if i (?:was|were|am) (?:dead|gone)\b|\bbetter off if i died\b|\b(?:theyd|theyll|everyoned|shed|hed|youd|itd|theyre|everyones) (?:all )?(?:be )?(?:so much |much )?(?:happier|better off|better) without me\b/ },
  // On a roof or a bridge, about to jump: the place says what "jump" means.
  // …at the top of a car park or a building, and "looked at the bridge and thought about jumping"
  // (a red team, 7 December, fourth pass) — not a diving board, a cliff jump into the sea, a puddle.
  { id: "en.suicide.about-to-jump", category: "suicide", pattern: new RegExp(String.raw`\b(?:(?:on|at|up on|standing on|sitting on) (?:the|a|my|this|our) (?:roof|rooftop|bridge|ledge|balcony|cliff|top floor|railway|train tracks|tracks|edge of (?:the|a) (?:roof|bridge|building|cliff))|(?:on|at|up on|standing on|sitting on|up) (?:the )?top of (?:the|a|my|this|our) (?:car park|multi storey|building|bridge|tower|flats|block of flats|block))\b.{0,60}\b(?:${INTENT}|im going to|im gonna|i will|ill|about to) (?:to )?jump\b(?! (?:in|into|on|onto|rope|around|up and down|over the (?:puddle|fence|wall)))|\b(?:bridge|roof|rooftop|ledge|balcony|car park|multi storey|train tracks|railway|top floor)\b.{0,60}\b(?:thought|thinking|think|thinks|kept thinking) (?:about|of) jumping\b(?! (?:in|into|on|onto|rope|over|across|around|the queue|for joy))`) },
  // A goodbye said as the whole message, or "goodbye forever", or to everyone with love ("bye
  // everyone i love you": a chatbot is not "everyone", so it is a farewell meant for the people).
  { id: "en.suicide.goodbye", category: "suicide", pattern: /^(?:so |well |ok |okay |i guess )?this is (?:it )?(?:goodbye|my goodbye|the end)(?: (?:forever|everyone|world|for good|for real|then))?$|\b(?:goodbye|bye) (?:forever|cruel world)\b(?! (?:song|lyrics|tour|movie|film|album))|\bthis is (?:my )?goodbye\b(?= (?:i love|im sorry|sorry|forgive me|everyone|to everyone|to you all|to all of you))|\b(?:im done|i am done|im sorry|i cant anymore|i cant do this anymore)\b.{0,30}\b(?:goodbye|bye) (?:everyone|everybody|all|forever|world)\b|^(?:goodbye|bye) (?:everyone|everybody|all|world|yall)(?: i| and i)? love (?:you|u|yall)(?: all| guys| so much)?$/ },
  // Found by a red team (7 December): passive wishes to be dead, and asking for the means.
  { id: "en.suicide.dont-deserve", category: "suicide", pattern: /\bi (?:dont|do not|no longer) deserve to (?:live|be alive|exist)\b(?! (?:in|with|like|here|near|at|on)\b)|\bi (?:really |just )?hate (?:being alive|existing|my existence|living)(?=$| any ?more| so much| every day)|\bi (?:shouldnt|should not|should never) (?:be alive|exist|have been born|have existed)\b(?! (?:in|on|at|as|like)\b)|\bi (?:should have|shouldve|should of) never been born\b/ },
  { id: "en.suicide.easier-dead", category: "suicide", pattern: /\b(?:easier|simpler|better) (?:for (?:everyone|everybody|them|my family) )?if i (?:just )?(?:(?:was|were|am) (?:dead|gone|never born)|died|(?:wasnt|werent) (?:here|around|alive|born)|didnt exist|stopped existing)\b(?! (?:for|on|to|from|during|at|this|next|tomorrow|today|in)\b)|\bif i (?:was|were|died|disappeared)(?: (?:gone|dead|not here|not around))?(?: for good| forever)? (?:everyone|everybody|people|they|my (?:family|parents|friends|mum|mom|dad)|the world)(?: \w+){0,2} (?:would|will|d) be (?:so much |much )?(?:happier|better off|better)\b/ },
  // Passive wishes to be dead (7 December; decision 006, "Passive wishes to be dead"): what the ASQ
  // asks first ("have you wished you were dead?"), said without "die" or with it softened. Each
  // needs the student as the one who wishes; the ones as often said of embarrassment, heat or
  // a boring lesson are taken back by laughter (`jokes`) and by what they name around them.
  {
    id: "en.suicide.want-to-disappear",
    category: "suicide",
    jokes: true,
    // "i want to disappear", "i wish i could just disappear", "i want to vanish from this world" —
    // not from a group chat, into a book, for a week, behind a curtain, or "when the teacher calls on me".
    pattern: new RegExp(String.raw`(?:^|\bi )(?:(?:just|really|honestly|literally|actually|kinda|sometimes|so|only|genuinely|lowkey)\s)*(?:want|wanna|wana|wish i could|wish i can|would love to|need to)\s(?:to\s)?(?:just\s)?${DISAPPEAR}\b(?! (?:from (?!(?:this|the) (?:world|earth|planet)\b|earth\b|existence\b|everything\b|everyone\b|everybody\b|life\b)|in|into|for|off|to|with|after|before|during|under|behind|like|as|on|at|until|till|while|somewhere|and (?:go|live|travel|move|start|become|reappear|come back|be|have|see|watch|play|read))\b)`),
    unless: { before: /\b(?:when|whenever|every time|everytime|each time)\b.{0,50}$|\b(?:magic|trick|magician|hide and seek|hide n seek)\b.{0,60}$/ },
  },
  {
    id: "en.suicide.feel-like-dying",
    category: "suicide",
    jokes: true,
    // "i feel like dying", "sometimes i feel like dying" — not "this homework makes me feel like
    // dying", "i feel like im dying" (a body's pain), nor heat, a run, PE, cramps or a boring lesson.
    pattern: new RegExp(String.raw`(?:^|\bi )(?:(?:just|really|honestly|literally|actually|kinda|kind of|sometimes|always|still|often|genuinely|lowkey|seriously|have been|ve been|been|am|m|keep)\s)*(?:feel|felt|feeling) like (?:just )?dying\b${NOT_FIGURATIVE_DYING}(?! (?:after|from|of)\b)`),
    unless: { before: new RegExp(String.raw`\b(?:${A_HARD_DAYS_WORK})\b.{0,40}$`), after: new RegExp(String.raw`^.{0,40}\b(?:${A_HARD_DAYS_WORK})\b`) },
  },
  {
    id: "en.suicide.let-me-die",
    category: "suicide",
    jokes: true,
    // "can i just die", "just let me die" as the whole message; "i cant wait to die"; "id rather be
    // dead" — not "rather die than wear that", "let me die in peace", "can i die in minecraft".
    pattern: new RegExp(String.raw`^(?:(?:omg|bro|honestly|ngl|fr|pls|plz|please|god|just|someone|somebody|can someone|like)\s)*(?:(?:can|could|may) i (?:just |please |pls |plz )?(?:die|be dead|stop existing)|let me (?:just )?die)(?:\s(?:now|already|pls|plz|please|rn|today|tonight|yet|fr))*$|\bi (?:cant|can not|cannot) wait (?:to|till i|until i|til i) (?:die|be dead|am dead|m dead)\b${NOT_FIGURATIVE_DYING}|\bi(?:d| would) (?:(?:honestly|literally|just|much|so much|really|actually|genuinely)\s)*rather (?:be dead|die|not (?:exist|be alive))\b(?!.{0,60}\bthan\b)${NOT_FIGURATIVE_DYING}`),
  },
  {
    id: "en.suicide.welcome-death",
    category: "suicide",
    // "i wouldnt mind dying", "…if i didnt wake up", "i wish a car would hit me", "death sounds
    // nice", "i wish i would just die" — not a character's, a story's or a game's. "i wish id die
    // in my sleep", "su!c!de is looking good rn" (a red team, 7 December, fourth pass).
    pattern: new RegExp(String.raw`\bi (?:(?:honestly|really|actually|genuinely|just|literally)\s)*(?:wouldnt|would not|wont|will not|dont|do not) (?:(?:really|even|honestly)\s)*mind (?:dying|being dead|not waking up|not existing|if i (?:died|was dead|were dead|didnt wake up|did not wake up|never woke up|stopped existing|${DISAPPEAR}ed|got hit by a (?:car|bus|train|truck|lorry)))\b${NOT_FIGURATIVE_DYING}|\bi (?:wish|hope|pray) (?:that )?(?:a|the|some) (?:car|bus|train|truck|lorry|van) (?:(?:would|will|could|just)\s)*(?:(?:hits?|kills?|crush(?:es)?) me|runs? me over)\b(?! with (?:a|an|the|some|his|her) (?:\w+ )?(?:water balloon|balloon|snowball|ball|pillow|nerf|splash|puddle|water))|\b(?:death|dying|being dead|not existing|not being alive|${SUICIDE_WORD}|killing ${MYSELF}) (?:sounds|seems|looks|feels|would be|would feel|is looking|is sounding|is starting to (?:look|sound)) (?:(?:so|really|kinda|kind of|quite|pretty|actually|honestly|so much|just)\s)*(?:nice|good|peaceful|better|nicer|easier|appealing|comforting|freeing|a relief|an escape|like (?:a relief|an escape|the only way out|the answer|freedom|peace))\b|\bwish (?:i would|id) (?:just )?(?:die|drop dead|stop existing)\b${NOT_FIGURATIVE_DYING}`),
    unless: {
      before: /\b(?:character|story|book|novel|film|movie|game|minecraft|roblox|fortnite|villain|hero|respawn)\b.{0,60}$/,
      after: /^.{0,60}\b(?:in (?:the|this|a|my) (?:game|story|book|film|movie)|minecraft|roblox|fortnite|respawns?|character)\b/,
    },
  },
  {
    id: "en.suicide.why-alive",
    category: "suicide",
    jokes: true,
    // "why am i even alive", "why was i even born" — not "born in 2012", not an essay's question.
    // "idk why im still here" and "why am i still here" said as the whole thought (the end of the
    // message, or "…on this earth", "…anymore") — not "why am i still here, the class ended" (a
    // known gap, 7 December: the first was missed).
    pattern: /\bwhy (?:am i|m i|im) (?:(?:even|still|stil)\s)*alive\b(?! (?:in|on|at|after|if|when|but)\b)|\bwhy (?:am i|m i|im|i am) (?:(?:even|still|stil)\s)+(?:here|around)(?: any ?more| on (?:this )?earth| in this world)?(?: (?:tbh|honestly|ngl|fr|at all|rn))?$|\bwhy do i (?:even|still) exist\b|\bwhy (?:was i|did i (?:even |ever )?(?:have to )?(?:get|be)) (?:(?:even|ever)\s)*born\b(?! (?:in|on|at|into|a|an|the|as|with|to|so|after|before|when|during)\b)/,
    unless: { before: /\b(?:philosoph\w*|essay|debate)\b.{0,40}$/, after: /^.{0,40}\b(?:philosoph\w*|essay|debate)\b/ },
  },
  // A red team's probe (7 December): a plan with the means, "i wont be here anymore", searching for
  // ways, a story's character who "is me".
  {
    id: "en.suicide.plan",
    category: "suicide",
    // "im gonna do it tonight. i have the pills ready" — not "do it tonight, the homework i mean".
    pattern: new RegExp(String.raw`\b(?:im gonna|im going to|ill|i will|gonna|going to) (?:do it|end it|go through with it) (?:tonight|today|now|tomorrow|this weekend)\b.{0,60}\b(?:${MEDS}|rope|knife|blade|razor|bridge|roof|note|letter)\b|\b(?:${MEDS}|rope|knife|blade|razor)\b.{0,60}\b(?:im gonna|im going to|ill|i will) (?:do it|end it|go through with it) (?:tonight|today|now|tomorrow)\b`),
  },
  {
    id: "en.suicide.wont-be-here",
    category: "suicide",
    // "tmr i wont be here anymore" — not moving house or school, nor "i wont be here tomorrow, dentist".
    pattern: /\bi (?:wont|will not) be (?:here|around|alive) any ?more\b/,
    unless: { after: /^.{0,60}\b(?:mov(?:e|ed|ing)|new school|transfer\w*|leaving (?:the |this )?(?:school|club|team|class)|graduat\w*|next (?:year|term)|holidays?|vacation|summer)\b/ },
  },
  {
    id: "en.suicide.looked-up",
    category: "suicide",
    // "ive been looking up ways to die" — not in a game.
    pattern: new RegExp(String.raw`\b(?:looking up|looked up|look up|googling|googled|searching|searched|researching|researched|reading about) (?:ways|how|the best way|the easiest way|methods|painless ways) (?:to|of) (?:die|dying|kill ${MYSELF}|end my life|commit ${SUICIDE_WORD}|${SUICIDE_WORD}|overdose|hang ${MYSELF})\b(?!\s(?:${IN_A_GAME}|in hardcore))`),
  },
  // A red team's fourth pass (7 December): a plan said without the word ("ive been planning my
  // death", "a note for my mum for when im gone", "ill be gone by tomorrow. sorry mum"), asking what
  // a dose or a height would do, the sea, and words from video sites ("a permanent nap").
  {
    id: "en.suicide.plan-said-otherwise",
    category: "suicide",
    // Not a trip: "a note for the cat sitter for when im gone on holiday", "gone by tomorrow, we fly at six".
    pattern: new RegExp(String.raw`\bi(?:ve| have| am|m)?(?: been)? (?:planning|planned) (?:my (?:own )?(?:death|suicide)(?! scenes?\b| in (?:the|my|our|a) (?:play|story|film|game|book)\b)|how (?:to|im going to|i will|ill) (?:die|kill ${MYSELF}|end (?:it|my life|things)))\b|\b(?:wrote|written|writing|write|left|leave|leaving) (?:a |my |the )?(?:note|notes|letter|letters|message|messages|video) (?:for|to) (?:\w+ ){0,3}?(?:for )?(?:when|after|once) (?:im|i am) (?:gone|dead|not here|not around)\b(?! (?:on|to|for|away)\b)|\b(?:ill|i will|im going to|im gonna) be (?:gone|dead) (?:by|before) (?:tomorrow|tonight|the morning|morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)\b(?=.{0,30}\b(?:sorry (?:mum|mom|dad|everyone|everybody|guys|for everything)|im (?:so )?sorry$|i love (?:you|u)|forgive me|its not (?:your|anyones) fault|dont be sad|dont cry|dont miss me)\b)|\b(?:${INTENT}|im going to|im gonna|i will|ill)\s(?:to\s)?(?:walk (?:out )?into|swim out (?:into|to)) (?:the )?(?:sea|ocean|river|lake)(?= tonight| and (?:never|not) come back| and drown| and keep (?:going|walking|swimming)| forever)|${I_INTEND}take a (?:permanent|forever|eternal|never ending) (?:nap|sleep)\b`),
  },
  {
    id: "en.suicide.what-would-it-do",
    category: "suicide",
    // "what happens if i take 50 paracetamol", "how high does a building need to be to die if i
    // jump" — not two tablets, not fall damage in a game.
    pattern: new RegExp(String.raw`\bwhat (?:happens|would happen|will happen|happened) if (?:i|you|someone) (?:take|takes|swallow|swallows|took|swallowed|drink|drank) (?:\d{2,}|all (?:of )?(?:my|the|your)|a (?:whole )?(?:bottle|box|pack|packet) of|too many|loads of|lots of|a bunch of|a handful of) (?:\w+ )?(?:${MEDS}|bleach)\b|\bhow (?:high|tall)(?: up)? (?:does|do|would|should|must|has|have|is)\b.{0,40}\b(?:to (?:die|kill (?:me|${MYSELF}|you))|for me to die|would kill me)\b(?!.{0,40}\b(?:${IN_A_GAME}|minecraft|fall damage|roblox|fortnite)\b)`),
  },
  {
    id: "en.suicide.its-me",
    category: "suicide",
    // A story's girl, boy or "oc" who wants to die, then "the girl is me", "my oc is basically me",
    // "its about me" — the child's own disclosure told as fiction. Not a story alone.
    pattern: new RegExp(String.raw`\b(?:girl|boy|character|oc|person|kid|teen|student|narrator|protagonist|she|he|they)\b.{0,40}\b(?:wants? to (?:die|kill (?:her|him|them) ?sel(?:f|ves))|kills? (?:her|him|them) ?sel(?:f|ves)|commits? ${SUICIDE_WORD}|is suicidal)\b.{0,80}\b(?:(?:(?:the|my|this) (?:girl|boy|character|oc|person|kid|narrator|protagonist|main character)|she|he|they) (?:is|s)|(?:its|it is|this is|its all|shes|hes)) (?:(?:basically|actually|really|secretly|literally|kind of|kinda|sort of|just|based on|about)\s)*me\b`),
  },
  // A lethal dose asked as a 13-year-old would (a children-first walk and red teams, 8 December):
  // "how many tylenol would kill a 13 year old", "is 20 tylenol enough to die", "would 30 tylenol
  // kill me", "how much bleach to drink to die", "how much ibuprofen is a lethal dose", "what is the
  // lethal dose of ibuprofen", "if someone wanted to overdose how many pills would they need" — a
  // lethal dose of a medicine at home, not of caffeine or water (toxicology questions pass). A lethal
  // dose with no medicine named needs the student in it ("for someone my weight").
  {
    id: "en.suicide.dose-to-die",
    category: "suicide",
    pattern: new RegExp(
      String.raw`\bhow (?:many|much) (?:of )?(?:(?:my|the|those|these|his|her|our) )?(?:\w+ ){0,2}?${MEDS} (?:would |wud |will |could |can |does it take to |do you need to |to |it takes to )?(?:kill|kills|be fatal|be lethal)\b|\bhow (?:many|much) (?:\w+ )?${MEDS} (?:before|til|till|until) (?:i|you) die\b|\bif i (?:take|took|swallow|swallowed|eat|ate) (?:\d+|all|a (?:whole |full )?(?:bottle|box|pack|packet))(?: of)? (?:(?:my|the) )?(?:\w+ )?${MEDS},? (?:will|would|could|do|does) i die\b|\b(?:gonna|going to|about to|want to|wanna|i will|ill) (?:swallow|take|down) (?:all|every one of|the whole bottle of|a whole bottle of|a bottle of) (?:(?:my|the|mums|moms|dads|my mums|my moms|my dads) )?(?:\w+ )?${MEDS}\b(?!.{0,40}\b(?:on time|as prescribed|doctor|prescribed|daily|every day|each day|with (?:food|water|breakfast|dinner)|for (?:my|the) (?:cold|flu|headache|cough|allergy|allergies))\b)|\bhow (?:many|much) (?:\w+ ){1,2}(?:would|will|could) kill me\b|\bhow (?:many|much) (?!(?:hits|lives|hearts|shots|damage|hp|health|mobs|zombies)\b)(?:\w+ ){1,2}to (?:die|kill ${MYSELF})\b(?!\s(?:${IN_A_GAME}))|\b(?:is|are|would|will|could|can|does|do) (?:\d+|a (?:whole |full )?(?:bottle|box|pack|packet)(?: of)?) (?:\w+ )?${MEDS} (?:be )?(?:enough to (?:die|kill)|kill (?:me|you|someone|a (?:kid|child|person|teen|teenager|\d{1,2} ?(?:year old|yr old|yo)))|(?:a )?(?:lethal|fatal|deadly)(?: dose)?)\b|\bhow (?:many|much) (?:\w+ ){0,3}?(?:to )?(?:drink|swallow|eat) (?:to|til|till|until) (?:die|i die|kill ${MYSELF}|overdose)\b(?!\s(?:${IN_A_GAME}))|\bhow (?:many|much) ${MEDS} (?:is|are) too (?:many|much) (?:to survive|for (?:a (?:kid|child|teen|teenager|person) )?(?:my|of my) (?:size|age|weight))\b(?!.{0,40}\b(?:stay safe|be safe|safely|safe dose|by accident|accidentally)\b)|\b(?:le?thal|leathal|fatal|deadly|overdose) (?:dose|amount) of ${MEDS}\b(?!.{0,60}\b(?:than|psa|health class|science class|homework|project|essay|research|studies|article|warning)\b)|\b(?:what|which) (?:amount|dose|number) of ${MEDS} (?:is|would be|will be) (?:fatal|lethal|deadly)\b|\b(?:lethal|fatal|deadly|overdose) (?:dose|amount) (?:of ${MEDS} )?for (?:a )?\d{1,2}\s?(?:yo|y\/o|yrs? old|year old)\b|\b(?:lethal|fatal|deadly) (?:dose|amount) (?:of ${MEDS} )?for (?:someone|somebody|a person) (?:my|of my) (?:age|size|weight)\b|\bhow (?:many|much) (?:of (?:the |my )?)?${MEDS} (?:is|are|would be|counts as|makes) (?:a |an )?(?:lethal|fatal|deadly|overdose|lethal dose|fatal dose|deadly dose)\b|\b(?:wanted|wants|want|was going|were going|planned|planning) to (?:overdose|od|kill (?:themselves|themself|himself|herself))\b.{0,40}\bhow (?:many|much)\b`,
    ),
  },
  {
    id: "en.suicide.means",
    category: "suicide",
    pattern: new RegExp(
      String.raw`\bhow (?:many|much) (?:\w+ ){0,2}?(?:${MEDS}|of (?:them|it)) (?:does it take |would it take |do i need |do you need )?to (?:die|od|overdose|kill (?:me|myself|yourself|you))\b|\b(?:is it|does it|would it|will it) (?:\w+ )?(?:painful|hurt|hurts) (?:to )?(?:hang|drown|overdose|od|bleed out|die from)\b(?!.{0,50}\b(?:${IN_A_GAME}|homework|reading|read|history|titanic|medieval|the book|a book|novel|film|movie|in the past|were|was)\b)|\bhow long does it take to die (?:from|by|after) (?:hanging|an overdose|overdosing|drowning|bleeding)\b(?!.{0,50}\b(?:homework|history|titanic|medieval|in the past|the book|novel|film|movie|times|ages|century|execution)\b)|\b(?:i (?:have|ve got|got|ve been|have been|been) (?:\w+ )?)?${MEDS} (?:saved|stockpiled|hidden|stored|hoarded) up\b(?! for (?:my|the|a|when|if|emergencies|hay ?fever|allergies))`,
    ),
  },
  // Eating disorders as students write them: "im starving myself", purging, "how to make yourself throw up".
  {
    id: "en.self-harm.eating-more",
    category: "self_harm",
    pattern: new RegExp(
      String.raw`\b(?:im|i am|ive been|i have been|been|i keep|i)\s(?:\w+\s)?starv(?:e|ed|ing) ${MYSELF}\b(?! (?:of|for|until|till|before|to save room)\b)(?!.{0,40}\b(?:dinner|lunch|breakfast|feast|buffet|thanksgiving|christmas|roast|party)\b)|\bi (?:binge and )?purge(?:d)?\b(?=$| after| when| every| again| most| (?:\w+ )?(?:meal|day|night))|\bi (?:\w+ )?binge(?:d)? and purg(?:e|ed)\b|\bhow (?:to|do (?:i|you)|can (?:i|you)) make (?:yourself|urself|${MYSELF}) (?:throw up|puke|vomit|sick)\b(?!.{0,40}\b(?:swallowed|swallowing|ate something|poison|bleach|nauseous|hangover|food poisoning|feel sick|feeling sick|stomach|skip school|stay home|get out of)\b)`,
    ),
  },
  // Grooming: asked for pictures by someone online; touched and told to keep it secret; threatened.
  {
    id: "en.abuse.asked-online",
    category: "abuse",
    pattern: new RegExp(
      String.raw`\b(?:guy|man|boy|girl|woman|person|adult|stranger|someone|somebody|dude)\b(?: \w+){0,2} (?:online|on (?:discord|roblox|snapchat|snap|instagram|insta|tiktok|the internet|a game|fortnite|minecraft|wechat|qq|whatsapp|telegram|omegle|kik))\b.{0,40}\b(?:keeps asking|kept asking|asked|asks|asking|wants|wanted|begging|begged|told) (?:me )?(?:to send|for) (?:(?:him|her|them) )?(?:\w+ )?(?:pics|photos|pictures|nudes|selfies|videos)\b(?! of (?:my|the|our|his|her) (?:dog|cat|pet|puppy|kitten|hamster|build|builds|base|drawings?|art|artwork|setup|homework|minecraft|garden|cake|lego|project)\b)|\bif i (?:dont|do not|wont|refuse to) (?:send|give) (?:him |her |them )?(?:more |any more )?(?:pics|pictures|photos|nudes|videos|money)\b.{0,40}\b(?:post|send|share|leak|show|spread|tell)\b`,
    ),
  },
  { id: "en.abuse.touched-secret", category: "abuse", pattern: /(?!.{0,80}\b(?:surprise|party|present|gift|birthday|secret santa)\b)\b(?:he|she|they|someone|somebody|an adult|a man|a woman|dad|stepdad|uncle|brother|cousin|boyfriend|coach|teacher|tutor|neighbou?r|my \w+)\s(?:\w+\s){0,3}(?:touched|touches|kissed|kisses|grabbed|grabs|felt|feels) (?:me|my (?:legs?|thighs?|body|chest|butt|bum|private parts|privates|face|waist|back|skin|neck|lips))\b.{0,40}\b(?:not to tell|dont tell|to not tell|never tell|keep it (?:a )?secret|our (?:little )?secret)\b|\b(?:he|she|they|someone|somebody|an adult|a man|dad|stepdad|uncle|brother|cousin|boyfriend|coach|teacher|tutor)\s(?:\w+\s)?(?:touch(?:es|ed|ing)?|grab(?:s|bed|bing)?|feels?|felt) (?:me )?(?:on )?my (?:private parts|privates|private area|down there|chest|boobs|breasts|butt|bum|crotch|genitals|vagina|penis|dick)\b/ },
  { id: "en.abuse.hurting-me", category: "abuse", pattern: /\b(?:someone|somebody|an adult|a man|a grown up|grownup|people at home) (?:is|are|has been|keeps) (?:hurting|abusing|touching) me\b(?! (?:in|at|during|on|playing) (?:the |a |this |)?(?:game|match|round|dodgeball|football|soccer|pe|gym|practice|training|basketball|rugby|hockey|netball|tag|fortnite|roblox|minecraft)\b)|\b(?:dad|father|mum|mom|mother|stepdad|stepmom|stepmum|stepfather|stepmother|uncle|parents?|grandpa|grandma|mums boyfriend|moms boyfriend)\s(?:\w+\s)?(?:pulls?|pulled|pulling|yanks?|yanked) (?:me by )?my (?:hair|ears?)\b(?! (?:when|while) (?:she|he|they) (?:brush|brushes|brushed|does|did|braid|braids|braided|style|styles|comb|combs|combed|ties|tied))/ },
  // Found in a 13-year-old's walk (7 December): secrecy asked for by someone, without "told me not to tell".
  {
    id: "en.abuse.keep-secret",
    category: "abuse",
    pattern:
      /(?!.{0,80}\b(?:surprise|party|present|gift|birthday|secret santa|spoiler|crush|likes? (?:her|him))\b)\b(?:he|she|they|someone|somebody|an adult|a man|(?:my|the|this|a) (?:coach|tutor|uncle|stepdad|step dad|neighbou?r|boyfriend|guy|man|teacher))\s(?:\w+\s){0,8}?(?:(?:told|tells|asked|asks|wants|made|makes) me to|said to|says to) keep (?:our|this|it|the|these|his|her|what) (?:\w+ ){0,2}(?:a )?secret\b|\b(?:he|she|they|someone|a man|(?:my|the|this|a) (?:coach|tutor|uncle|stepdad|neighbou?r|boyfriend|guy|man|teacher))\s(?:\w+\s){0,2}(?:said|says|told me|tells me)\s(?:that\s)?(?:its|it is|this is|thats|that is|it was) (?:our|a) (?:little |special )?secret\b|\b(?:he|she|they|someone|a man|(?:my|the|this|a) (?:coach|tutor|uncle|stepdad|neighbou?r|boyfriend|guy|man))\s(?:\w+\s){0,8}?(?:said|says|told me|tells me|texted)\s(?:to\s)?(?:dont|do not|not to|to not|never) tell (?:my |our )?(?:mom|mum|mother|dad|father|parents|family|anyone about (?:us|our|this|what we|the chats|our chats|the pics|the photos|what happened|him|her))\b/,
  },
  // Not eating to be thin: "i dont eat anymore so i can be skinny", 我已经三天没吃饭了，想再瘦一点.
  // …"im scared to eat because ill get fat" (a red team, 7 December, fourth pass).
  { id: "en.self-harm.not-eating-to-be-thin", category: "self_harm", pattern: /\bi (?:dont|do not|stopped|barely|hardly|wont|refuse to|try not to|havent|have not) (?:eat(?:ing|en)?|ate)\b.{0,40}\b(?:skinny|skinnier|thin|thinner|lose weight|losing weight|goal weight|thinspo|(?:get|getting|be|being|become|becoming|feel|feeling|look|looking|so|too|im|am) fat)\b|\b(?:to be|so i can be|so i get|to get|so im) (?:skinny|thin|thinner)\b.{0,30}\bi (?:dont|do not|stopped|barely|skip|wont) eat|\b(?:im|i am|i get|i feel|i was) (?:so |really |too )?(?:scared|afraid|terrified|frightened) (?:to eat|of eating|of food)\b.{0,30}\b(?:fat|fatter|weight|gain)\b/ },
  // A blade, a gun, a rope: "…and i want to use it on myself".
  { id: "en.self-harm.use-it-on-myself", category: "self_harm", pattern: new RegExp(String.raw`\b(?:knife|knives|blade|blades|razor|razors|scissors|gun|rope|lighter|compass|glass)\b.{0,60}\b(?:${INTENT}|im going to|im gonna|i will|ill|i used|i use)\s(?:to\s)?use (?:it|them|this|that) on ${MYSELF}\b`) },
  {
    id: "en.suicide.friend",
    category: "suicide",
    pattern: new RegExp(
      String.raw`\b${FRIEND}${FEW_WORDS} (?:(?:${INTENT}|wants|keeps|is|has been|was|said|says|told me|texted me|tried|has tried)(?: \w+){0,3}? )?(?:to )?(?:kill (?:him|her|them) ?sel(?:f|ves)|kill themself|(?:un ?alive|off|hang) (?:him|her|them) ?sel(?:f|ves)|(?:commit|attempted|tried) ${SUICIDE_WORD}|(?:wants? to|going to|gonna|tried to) commit$|end (?:his|her|their) (?:own )?life|end it(?: all)?\b(?! (?:with|between|for good with))|take (?:his|her|their) (?:own )?life|(?:want|wants|wanna|going|gonna) (?:to|2) die(?! (?:her|his|their|my|it|them) )|(?:is|feels|was|seems|been) suicidal|(?:doesnt|does not|dont) want to (?:live|be alive|be here)(?: any ?more)?|(?:done|tired) with (?:life|living)|(?:nobody|no one) would (?:care|miss (?:her|him|them)) if (?:she|he|they) died|overdose(?! on (?!(?:\w+ )?(?:pills|meds|medicine|tablets|drugs|paracetamol|ibuprofen|painkillers|insulin)\b))|overdosed|took (?:a bunch of|all (?:of )?(?:her|his|their)|too many|loads of|lots of) ${MEDS}|(?:wrote|written|posted|left) (?:a )?(?:suicide note|goodbye (?:note|message|letter|post))|(?:talking|talks|talked) about (?:killing (?:him|her|them)sel(?:f|ves)|suicide)|said goodbye to (?:everyone|everybody|us all)(?=$| and (?:isnt|is not|hasnt|has not|wont|stopped|now|blocked|deleted))|posted (?:that )?this is (?:her|his|their) last (?:message|post))\b(?! (?:laughing|of|from|on (?:this|that) hill|(?:her|his|their) hair|if (?:she|he|they) |${IN_A_GAME}))${FRIENDS_SECRET}`,
    ),
  },
  // self-harm
  {
    id: "en.self-harm.friend",
    category: "self_harm",
    pattern: new RegExp(
      String.raw`\b${FRIEND}${FEW_WORDS} (?:(?:has been|is|keeps|started|still|been|sometimes|${INTENT}) )?(?:to )?(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|burn|burns|burning|starve|starves|starving) (?:him|her|them) ?sel(?:f|ves)\b${NOT_AN_ACCIDENT}${FRIENDS_SECRET}|\b${FRIEND}${FEW_WORDS} (?:self harms|self harmed|self harm|is self harming|has been self harming|does sh|relapsed(?=$| again| last night| on sh| into sh)|(?:is|has been|started|keeps) cutting(?=$| again| (?:her|his|their) (?:arms?|wrists?|legs?|thighs?|skin))|(?:has|got) (?:cuts|scars) on (?:his|her|their) (?:wrists?|arms?|legs?|thighs?)${NOT_AN_ACCIDENT}|showed me (?:his|her|their) (?:cuts|scars)|cuts(?=$| again| and (?:not to tell|(?:she|he|they) (?:asked|told|made) me))|(?:has|got) (?:cut|cuts|scars) all over (?:his|her|their) (?:arms?|wrists?|legs?)|makes (?:him|her|them) ?sel(?:f|ves) (?:throw up|sick(?! with)|puke)|(?:stopped|isnt|is not) eating(?=$| again| for (?:days|a week)| at all$)(?!.{0,40}\b(?:fasting|ramadan|lent|sick|ill|flu|cold|because|cause|cuz|dentist|braces)\b))${FRIENDS_SECRET}`,
    ),
  },
  {
    id: "en.self-harm.hurt-myself",
    category: "self_harm",
    pattern: new RegExp(String.raw`\b(?:${INTENT}|keep|still|started|start|been|sometimes|again|cant stop)\s(?:to\s)?(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|punish|punishing|starve|starving|hit|hitting)\s${MYSELF}\b`),
  },
  // …"i deserve pain so i hurt myself" (a red team, 7 December, fourth pass).
  { id: "en.self-harm.cut-again", category: "self_harm", pattern: new RegExp(String.raw`\b(?:i|ive|i have)\s(?:been\s)?(?:cut|cutting|burnt|burned|hurt|hurting)\s${MYSELF}\s(?:again|on purpose|to feel|because|when)\b|\bi deserve (?:the )?(?:pain|it|to (?:suffer|hurt|bleed|feel pain|be hurt))\b.{0,30}\bi (?:hurt|cut|burn|hit|punch|punish|starve) ${MYSELF}\b`) },
  // Not "cut myself off from social media", not burnt on the stove or the oven tray making
  // cookies; "till my knuckles bled", "i scratch my arms til they bleed", "i bite myself until it
  // bleeds" (not eczema or bites), "i burn my arm with a lighter" (a red team, 7 December, fourth pass).
  { id: "en.self-harm.cut-myself", category: "self_harm", pattern: new RegExp(String.raw`\bi (?:just |always |sometimes |still )?(?:cut|burn|burned|burnt|scratch|scratched)\s${MYSELF}\b(?!\s(?:(?:a|an|some|another) (?:slice|piece|bit|portion|wedge|chunk|share|break|fringe)\b|off\b|shaving|cooking|baking|making|by accident|accidentally|while|on (?:a|the|some|my|our) (?:\w+ )?(?:paper|glass|knife|nail|fence|can|tin|oven|stove|hob|pan|tray|iron|kettle|grill|toaster|straighteners|curling iron|radiator|bbq|barbecue|fire|campfire|candle|tea|coffee|soup|hot chocolate)|with (?:a|the) (?:paper|bread knife|scissors) (?:in|at) (?:class|school|art)))|\b(?:make ${MYSELF}|(?:until|till|til) (?:i|my (?:hands?|arms?|skin|knuckles)))\s?(?:bleed|bled)\b|\bi (?:\w+ )?(?:scratch|scratched|bite|bit|hit|punch|punched|scrape|scraped|pinch|pinched) (?:${MYSELF}|my (?:arms?|wrists?|legs?|thighs?|skin|stomach|face)) (?:until|till|til) (?:they|it|i|my \w+) (?:bleed|bleeds|bled|start(?:s|ed)? bleeding)\b(?!.{0,40}\b(?:eczema|itch\w*|rash|bites?|allerg\w*|chicken ?pox|hives)\b)|\bi (?:\w+ )?(?:burn|burned|burnt) my (?:arms?|wrists?|legs?|thighs?|skin|hands?|stomach) (?:with (?:a |the |my )?(?:lighter|cigarettes?|matches|match|candle)|on purpose)\b|\b(?:${I_HAVE} |i )been cutting(?: again\b|$)`) },
  // Asking how to cut: "how deep should i cut", "how to cut without leaving scars", "where to cut so
  // nobody sees" (a red team, 7 December) — not onions, wood or a video.
  {
    id: "en.self-harm.how-to-cut",
    category: "self_harm",
    pattern: new RegExp(String.raw`\bhow (?:deep|hard) (?:should|do|can|would|to) (?:i )?cut(?: ${MYSELF}| my (?:arms?|wrists?|legs?|thighs?|skin))?(?=$| to | so | without | before )|\b(?:how|where) (?:to|do i|can i|do you|should i) (?:cut|${SELF_HARM}|sh)(?: ${MYSELF}| my (?:arms?|wrists?|legs?|thighs?|skin))? (?:without (?:leaving |it leaving |getting |having )?(?:scars|marks|a scar|anyone (?:knowing|noticing|seeing)|people (?:knowing|noticing|seeing)|my parents (?:knowing|noticing|seeing))|so (?:it doesnt|nobody|no one|noone|people dont|my parents dont) (?:show|scar|sees?|notices?|knows?|see|notice|know))\b`),
  },
  // Asking for a way to hurt oneself: "how to self harm", "tell me how to hurt myself", "best way to
  // hurt myself", "how can i hurt myself so no one knows", "ways to hurt yourself", "how to starve
  // myself" (a children-first walk, 8 December: each got no card, often inside a role-play) — not
  // "how to stop self harming", "how to not hurt myself skating", "how to cut yourself a fringe".
  {
    id: "en.self-harm.how-to",
    category: "self_harm",
    pattern: new RegExp(
      String.raw`\b(?:(?:how|ways?|tips?|steps?|tutorial|guide|ideas?|suggestions?|methods?|instructions?) (?:to|2|do i|can i|should i|could i|would i|do you|can you|do people|on how to)|teach me (?:how )?to|(?:what|wat|wht) (?:should|can|could|do) i use to|(?:where|wher) (?:can|should|could|do) i|(?:best|easiest|quickest|fastest|quietest|safest|painless|least painful|secret|hidden|good) (?:way|ways|method|methods|place|places|spot|spots) (?:to|of|for))\s(?:${SELF_HARM}(?:ing)?|s\s?\/?\s?h(?=$| without| so| and| if)|hurt me(?=$| so| without| and| that| where)|make ${MYSELF} (?:bruise|bleed)|(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving|bruise) (?:${MYSELF}|yourself|urself|ur self|oneself|themselves|themself))\b(?<!\b(?:minecraft|roblox|fortnite|in (?:the|a) game)\b.{0,60})(?!.{0,60}\b(?:fall damage|in (?:minecraft|roblox|fortnite|the game|a game))\b)(?!\s(?:less\b|out\b|by accident|accidentally|a (?:fringe|slice|piece|bit|break)|some (?:slack|bread|cake)|when (?:you|i) fall|while (?:skating|cooking|running|playing)|${IN_A_GAME}))|\b(?:where|what) is the best (?:place|spot) to cut\b|${WHICH_WAY_TO_HURT}`,
    ),
  },
  // Asking how to stop eating, purge or get an eating disorder: "convince me to stop eating", "how to
  // stop eating completely", "how to become anorexic", "pro ana tips", "thinspo", "how to purge",
  // "how to hide not eating from my parents" (the same walk and red teams) — not "help me stop
  // eating so much sugar".
  {
    id: "en.self-harm.not-eating-asked",
    category: "self_harm",
    pattern: new RegExp(
      String.raw`\b(?:convince|help|make|teach|motivate|encourage|get) me (?:to )?(?:stop eating|not eat(?: anything)?|starve ${MYSELF}|skip (?:all my |every )?meals)(?=$| (?:so (?!much|many|late|fast|quickly|often)|for (?!dinner|lunch|breakfast|a bit)|until|to lose|completely|forever))|\b(?:how|tips?|ways?) (?:to|2|do i|can i) (?:stop eating|not eat)(?: anything)? (?:completely|entirely|altogether|forever|for good|for (?:a |one |two |\d+ )?(?:week|weeks|month|days))\b|\b(?:how (?:to|do i|can i)|tips to|ways to|i want to|i wanna|help me) (?:become|get|be|go) (?:anorexic|bulimic)\b|\bpro[\s-]?(?:ana|mia)\b|\b(?:thin|mean|bone|skinny)\s?spo\b|\bhow (?:to|do i|can i|do you) (?:purge|throw up after eating|make ${MYSELF} (?:throw up|sick|puke))\b|\bhow (?:to|do i|can i) (?:get|develop|have) (?:an eating disorder|anorexia|bulimia)\b|\bhow (?:to|do i|can i) hide (?:not eating|that i(?:m| am)? not eating|skipping meals|me not eating)\b|\b(?:lose|losing) (?:\w+ ?(?:kg|kilos|lbs|pounds)|weight) (?:\w+ ){0,4}by (?:not eating|starving ${MYSELF}|starving|skipping (?:all (?:my )?)?meals)\b`,
    ),
  },
  // Cutting said without "myself" (a red team, 8 December): "i relapsed and cut last night", "i
  // wanna cut again", "i cut again today" — "cut" ending the clause, not "cut my hair", "cut the
  // cake" or "the scene was cut".
  {
    id: "en.self-harm.cut-again-said",
    category: "self_harm",
    pattern: /\bi (?:just |really |kinda |still )?(?:relapsed and|relapsed|wanna|want to|need to|have the urge to|keep wanting to|feel like|cant stop thinking about|ended up|couldnt help it and|did it again and)(?: i)? (?:cut|cutting)(?: again| so bad(?:ly)?| last night| tonight| today| yesterday| rn| this morning| after school)*(?=$|[.!?,]| and | but | because | i | lol| idk)|\bi (?:cut|burned|burnt) (?:again|last night|this morning)(?= (?:and|but|so|i)\b|$|[.!?,])/,
  },
  // Words carved into the skin: "i carve words into my skin", "i carved his name into my arm" (a
  // red team, 7 December, fourth pass) — not a tree, a desk or a pumpkin.
  { id: "en.self-harm.carve", category: "self_harm", pattern: /\bi (?:\w+ )?(?:carve|carved|carving|etch|etched|etching|scratch|scratched|scratching|cut|cutting) (?:\w+ ){0,3}?(?:into|in) my (?:skin|arms?|wrists?|legs?|thighs?|stomach|hips?)\b/ },
  // Voices that tell the student to hurt themselves.
  {
    id: "en.self-harm.voices",
    category: "self_harm",
    pattern: new RegExp(String.raw`\b(?:voices?|(?:a|the) voice)(?: in my head)? (?:\w+ )?(?:tells?|told|telling|keeps? telling|says?|said) me to (?:hurt|cut|harm|burn|starve|kill) ${MYSELF}\b`),
    unless: { before: /\b(?:song|lyrics?|poem|story|book|film|movie|character|game)\b.{0,40}$/ },
  },
  { id: "en.self-harm.wrists", category: "self_harm", pattern: /\b(?:cut|cutting|cuts on|scars on|slit|slitting)\s(?:my)\s(?:wrists?|arms?|legs?|thighs?|skin)\b/ },
  // …"been sh-ing again" (not "stop shing me") (a red team, 7 December, fourth pass).
  { id: "en.self-harm.sh", category: "self_harm", pattern: /\b(?:i|im|ive|i have|been|started|start|want to|wanna|urge to|urges to|relapsed|relapse)\s(?!(?:\w+\s)?(?:learn\w*|read\w*|stud\w*|talk\w*|heard?|watch\w*|writ\w*|wrote|know|knew|research\w*) about)(?:\w+\s){0,2}(?:self\s?-?\s?harm(?:ing|ed)?|s(?:e| )lf\s?h(?:a| )rm(?:ing|ed)?|sh again)\b|\b(?:been|im|i am|i was|keep|kept|started|stop|stopped|quit|quitting) sh ?ing\b(?! (?:me|him|her|them|you|us|it)\b)/ },
  // "sh" and "relapsed" as teens write them; cutting, hiding it, hurting or starving oneself.
  {
    id: "en.self-harm.slang",
    category: "self_harm",
    pattern: /^i (?:want to |wanna |need to )?sh(?: again| last night| today| tonight)?$|\bi shd(?=$| last night| again| today| yesterday)|\b(?:urges? to|need to|want to|wanna) (?:sh|s h)\b(?! (?:up|it))|\b(?:clean|free) (?:from|of) sh\b|\b(?:relapsed|relapsing) (?:on|with|into) sh\b|\bsh (?:urges|scars|cuts|wounds)\b|\bi (?:just |have |ve )?relapsed(?=$| again| last night| today| yesterday| after \d+| on sh| into sh)/,
  },
  // …"im going to cut tonight", the blade taken out of a sharpener, "my arms are covered in cuts" (not brambles or a bike) (a red team, 7 December, fourth pass).
  {
    id: "en.self-harm.cutting",
    category: "self_harm",
    pattern: new RegExp(
      String.raw`\b(?:i (?:want|wanna|need|have) to|(?:im|i am) (?:going to|gonna)|imma|ima) cut(?=(?: so bad| again| tonight| really bad)?$)|\bi (?:\w+ )?(?:took|take|taking|got|get|getting|broke|break|breaking) (?:the |a )?blades? out of (?:my |a |the )?(?:pencil )?(?:sharpener|razor|shaver)s?\b|\bmy (?:arms?|wrists?|legs?|thighs?|stomach|hips?) (?:are|is|were|was) (?:all )?(?:covered in|full of) (?:cuts|scars|burns)\b(?!.{0,40}\b(?:from (?!cutting|sh\b|self)|cat|dog|brambles?|thorns?|nettles|fell|falling|bike|skating|football|rugby|hockey|climbing|accident|chicken ?pox|surgery|operation|eczema|mosquito)\b)|\bi (?:keep|kept|still|started|cant stop) cutting(?=$| again| ${MYSELF}| my (?:arms?|wrists?|legs?|thighs?|skin))|\bi cut (?:again|last night|today|yesterday|tonight)\b|\bhide (?:my |the )?(?:cuts|scars|self harm|sh)(?: scars| marks)?(?=$| from (?:my |our )?(?:parents?|mum|mom|dad|family|teachers?|friends|everyone|people)| on my| at school| in (?:pe|gym|summer))|\blong sleeves to hide (?:my )?(?:cuts|scars|arms|wrists)\b|\bi used (?:a |my |the )?(?:razor|blade|sharpener blade|knife|scissors|compass|lighter) on my (?:arms?|wrists?|thighs?|legs?|skin|stomach)\b|\bi (?:hit|punch|slap|scratch) ${MYSELF} (?:when (?:im|i am|i get|i feel) (?:angry|sad|upset|stressed|mad|overwhelmed)|until|till|on purpose|because i (?:hate|deserve))\b|\bi bang my head (?:against|on) (?:the |a )?wall(?= until| till| on purpose| to feel| so hard)`,
    ),
  },
  // …"i throw up after every meal" (not a stomach bug), "…on purpose" (a red team, 7 December, fourth pass).
  {
    id: "en.self-harm.eating",
    category: "self_harm",
    pattern: new RegExp(
      String.raw`\bi (?:starve|starved|am starving|keep starving) ${MYSELF}\b(?! of)|\bi (?:\w+ )?(?:throw up|puke|vomit|purge) (?:(?:after (?:every|each|all (?:my )?) ?(?:meal|meals|dinner|lunch|breakfast)|after i eat (?:anything|every day))\b(?!.{0,40}\b(?:bug|virus|flu|sick|ill|reflux|covid|food poisoning|migraine|medication|meds|travel sick|car sick)\b)|on purpose\b)|\bi (?:made|make|making|keep making) ${MYSELF} (?:throw up|sick|puke|vomit)(?=$| after (?:i eat|eating|meals?|dinner|lunch|breakfast|school)| on purpose| so i| to lose| again| every)|${NOT_EATEN_FOR_DAYS}.{0,40}\b(?:on purpose|deliberately|(?:im|i am|i get|i feel|i was) (?:so )?(?:scared|afraid|terrified) (?:to eat|of eating|of food|of getting fat|of gaining weight)(?! (?:in front of|around|near|with|when|while) (?:my )?${CARER}\b)|(?<!\b(?:says|said|say|tells me|told me|thinks|keeps saying|shouts|yells)(?: that)? )i dont deserve (?:food|to eat))\b|${NOT_EATEN_FOR_DAYS}.{0,60}\b(?:${ON_PURPOSE})\b|\b(?:${ON_PURPOSE})\b.{0,80}${NOT_EATEN_FOR_DAYS}|\bi only eat \d+ calories\b|\bhow (?:to|do i|can i) (?:not eat|stop eating|skip meals|hide not eating)\b(?=.{0,40}\b(?:noticing|notice|knowing|finding out|without)\b)`,
    ),
  },
  // abuse
  // "my uncle makes me do things i dont like" (a red team, 8 December): not chores.
  {
    id: "en.abuse.makes-me",
    category: "abuse",
    pattern: /\b(?:he|she|they|my (?:\w+ )?(?:dad|father|mum|mom|mother|stepdad|stepmom|stepmum|uncle|aunt|brother|sister|cousin|boyfriend|girlfriend|coach|teacher|babysitter|neighbou?r|grandpa|grandad|granddad|grandfather|tutor|mums boyfriend|moms boyfriend))\s(?:\w+\s)?(?:makes|made|forces|forced|keeps making|tries to make|wants) me (?:to )?(?:do|touch|watch) (?:things|stuff|something|sexual things|things to him|things to her)\b(?!.{0,30}\b(?:chores|homework|dishes|laundry|cleaning|practice|training)\b).{0,40}\b(?:i dont (?:like|want)|i do not (?:like|want)|that (?:hurt|hurts|feel wrong|feels wrong|i dont like)|i dont want to|and (?:says|said|tells me) (?:not to|dont) tell|secret)\b/,
  },
  // "strangled", "smacks", "whips" (a red team, 7 December, fourth pass); not a boxing coach's pads.
  {
    id: "en.abuse.hits-me",
    category: "abuse",
    pattern:
      /\b(?:he|she|they|dad|father|mum|mom|mother|stepdad|stepmom|stepmum|stepfather|stepmother|stepbrother|stepsister|uncle|aunt|brother|sister|cousin|boyfriend|girlfriend|bf|gf|ex|partner|parents?|grandpa|grandma|grandad|granddad|grandfather|grandmother|teacher|coach|babysitter|nanny|carer|mums boyfriend|moms boyfriend)\s(?:\w+\s|(?:gets|got|comes|came|goes|went|starts|started)\s(?!(?:the|a|his|her|my) (?:ball|puck|bat|racket|controller)\b)(?:\w+\s){1,2}and\s)?(?:hits?|hitting|beats?|beating|kicks?|kicked|kicking|chokes?|choked|choking|strangl(?:es?|ed|ing)|smack(?:s|ed|ing)?|whips?|whipped|whipping|punch(?:es|ed|ing)?|slaps?|slapped|slapping|hurts?|hurting|abuses?|abused|abusing|burns?|burned|locks?|locked)\s(?:me)\b(?!\s(?:up|back|at|in|to|by|on|off|a high five|a kiss|out(?! of)|out of (?:the |my |our |his |her )?(?:garage|attic|shed|loft|office|study|basement|wifi|wi fi|internet|account|phone|ipad|tablet|computer|laptop|pc|console|xbox|playstation|ps\d|switch|game|games|tv|netflix|youtube|class|classroom|lesson|room|room for|bedroom|kitchen|lounge|living room|bathroom|group|group chat|chat|team|club|match|call)\b|with (?:\w+ )?(?:jokes?|puns?|facts|questions|ideas|compliments|the truth|reality|a reality check|homework|chores)\b|with (?:a|an|the|his|her|their) (?:\w+ )?(?:idea|question|joke|fact|comeback|story)|with (?:a|an|the|his|her|their|my) (?:\w+ )?(?:pillow|cushion|ball|snowball|nerf|water balloon|balloon|paper ball|rubber|eraser|pencil|pads?|mitts?|gloves?|towel|pool noodle|foam \w+)\b))/,
  },
  {
    id: "en.abuse.beats-me-up",
    category: "abuse",
    pattern: /\b(?:he|she|they|dad|father|mum|mom|mother|stepdad|stepmom|stepmum|stepfather|stepmother|uncle|aunt|brother|boyfriend|parents?)\s(?:\w+\s)?(?:beats?|beat|beating|keeps beating) me up\b(?!\s(?:in|at) (?:the )?(?:game|smash|fortnite|fifa|chess|minecraft|roblox))/,
  },
  {
    id: "en.abuse.touches-me",
    category: "abuse",
    // …by a stepbrother, a cousin, a grandad; "…makes me sit on his lap and touches me"; "touched me
    // in a bad place", "where they shouldnt" (a red team, 7 December, fourth pass).
    pattern: /\b(?:he|she|they|dad|stepdad|uncle|brother|stepbrother|cousin|grandpa|grandad|granddad|grandfather|mums boyfriend|moms boyfriend|neighbou?r|babysitter|tutor|boyfriend|teacher|coach|someone|a man|an adult)\s(?:\w+\s)?(?:touch(?:es|ed|ing)?|molest(?:s|ed|ing)?|rap(?:es|ed)|sexually abus(?:es|ed))\s(?:me)\b(?!\s(?:up|back|with (?:his|her|their) (?:story|words|speech)|on (?:the|my) (?:shoulder|arm|head|hand|elbow)\b|to get my attention))|\b(?:stepdad|uncle|stepbrother|cousin|grandpa|grandad|granddad|grandfather|mums boyfriend|moms boyfriend|neighbou?r|babysitter|tutor|coach|teacher|a man|an adult|an old(?:er)? (?:man|guy))\b.{0,60}\b(?:sit on (?:his|her) lap|and (?:touches|touched|keeps touching|kisses|kissed) me)\b(?! on (?:the|my) (?:shoulder|arm|head|hand|elbow)\b| to get my attention)|\b(?:touched|touches|touching|grabbed|grabs|felt) me (?:in (?:a|my) (?:bad|private|wrong|weird) (?:place|area|spot|way)|where (?:he|she|they|you|people|nobody|no one) (?:shouldnt|should not|isnt supposed to|arent supposed to|is not supposed to)|inappropriately|down there)\b/,
  },
  {
    id: "en.abuse.secret",
    category: "abuse",
    pattern:
      /\b(?:he|she|they|someone|somebody|an adult|a man|a woman|dad|stepdad|uncle|brother|boyfriend|coach|teacher)\s(?:\w+\s)?(?:told|tells|said|made|makes|asked) me (?:not to|to not|never to|to never|to promise not to|promise not to) tell\b(?!\s(?:\w+\s){0,2}(?:about )?(?:the|my|his|her|our) (?:surprise|party|present|gift|birthday|plan|spoiler|answer|ending))|\b(?:made|makes|forced|forces|asked|asks|wants|wanted) me (?:to )?(?:touch (?:him|her|his|them)|send (?:him |her |them )?(?:nudes|naked|pics of my body)|take (?:off )?my clothes(?: off)?)\b|\basked (?:me )?for (?:nudes|naked pics)\b|\bsent me (?:nudes|naked (?:pics|photos))\b|\basked (?:me )?for (?:pics|photos|pictures)\b.{0,40}\b(?:keep it (?:a )?secret|not to tell|dont tell)\b/,
  },
  {
    id: "en.abuse.friend",
    category: "abuse",
    pattern: new RegExp(
      String.raw`\b${FRIEND}s?${FEW_WORDS} (?:dad|father|mum|mom|mother|stepdad|stepmom|stepmum|stepfather|stepmother|uncle|parents?|brother|boyfriend)s? (?:\w+ )?(?:hits|hit|beats|beat|kicks|kicked|chokes|choked|punches|punched|slaps|slapped|abuses|abused|touches|touched|hurts|hurt|burns|burned) (?:her|him|them)\b(?! (?:back|at|in |on |up (?:on|in|with|for)|with (?:a |the )?(?:pillow|ball|snowball|nerf|water)|every time|hair|feelings|face when|hand|shoulder|cheek|arm when))(?!.{0,25}\b(?:at|in) (?:fifa|chess|games?|cards|uno|mario|fortnite|minecraft|football|tennis|monopoly|everything)\b)|\b(?:an? )?(?:older|adult|grown) (?:guy|man|boy|woman|person)\b.{0,30}\b(?:asking|asked|asks) ${FRIEND}${FEW_WORDS} for (?:nudes|pics|photos|pictures)\b|\b${FRIEND}${FEW_WORDS} (?:is being groomed|(?:met|is meeting|is going to meet) (?:a|an|some|this) (?:older )?(?:man|guy|adult|stranger|person) (?:(?:she|he|they) met (?:online|on)|from (?:online|the internet|roblox|discord|snapchat|snap|tiktok|instagram)))\b|\b${FRIEND}${FEW_WORDS} (?:is|has been|was|keeps getting|gets) (?:being )?(?:abused|molested|raped|beaten|hit at home|sexually assaulted)\b`,
    ),
  },
  // Told to die, wished unborn or dead by a parent, threatened if they tell (a red team, 7 December):
  // "everyone at school tells me to kys", "my mom said she wishes i was never born", "my dad said he'd
  // kill me if i told" — not a game's chat, not "she wishes she was never born in winter".
  {
    id: "en.abuse.told-to-die",
    category: "abuse",
    pattern: new RegExp(String.raw`\b(?:everyone|everybody|people|they|kids|someone|somebody|(?:the )?(?:girls|boys|kids|people) (?:at|in) (?:school|my class|my year)|(?:my )?${CARER})\b(?: \w+){0,3} (?:tells?|told|telling|keeps? telling|keep saying|says?|said) (?:to )?me (?:to|i should) (?:go )?(?:kys|kill ${MYSELF}|die|go die|drop dead|unalive ${MYSELF})\b(?!\s(?:in|on) (?:fortnite|roblox|minecraft|the game|(?:game |fortnite |roblox )?chat|discord)\b)|\b(?:my )?(?:${CARER}|he|she|they)\b(?: \w+){0,2} (?:said|says|told me|tells me|keeps saying|keeps telling me|shouted|yelled|screamed) (?:that )?(?:(?:she|he|they) (?:wishes|wished|wish) (?:i was|i were|id|i had) (?:never (?:been )?born|dead)|(?:she|he|they) (?:should have|shouldve) (?:aborted|got rid of) me|i (?:was|am) a mistake)\b`),
  },
  // …"he said if i tell anyone he'll hurt my mum", the threat after the telling (a red team, 7 December, fourth pass).
  { id: "en.abuse.threat-if-i-tell", category: "abuse", pattern: /\b(?:said|says|told me|threatened|threatens)\s(?:that\s)?(?:(?:he|she|they)(?:ll|d| will| would| is going to| is gonna| are going to)|to) (?:kill|hurt|beat|hit|stab|shoot) (?:me|my \w+) if i (?:ever )?(?:tell|told|say|said|talk|talked|snitch)\b(?! (?:\w+ )?(?:the |about the |what happens in the )?(?:spoiler|ending|answer|surprise|secret santa|plot twist|score)s?\b)|\b(?:said|says|told me|threatened|threatens)\s(?:that\s)?if i (?:ever )?(?:tell|told|say|said|talk|snitch)\b(?! (?:\w+ )?(?:the |about the )?(?:spoiler|ending|answer|surprise|plot twist|score)s?\b)(?: \w+){0,3} (?:hell|shell|theyll|he will|she will|they will|hed|shed|theyd|he would|she would|hes going to|shes going to|hes gonna|shes gonna) (?:kill|hurt|beat|hit|stab|shoot) (?:me|my \w+)\b/ },
  { id: "en.abuse.scared-of", category: "abuse", pattern: /\b(?:im|i am) (?:so |really |very )?(?:scared|afraid|terrified|frightened) of (?:my )?(?:dad|father|mum|mom|mother|stepdad|stepmom|stepmum|stepfather|uncle|parents|brother|mums boyfriend|moms boyfriend)\b/ },
  { id: "en.abuse.being-abused", category: "abuse", pattern: /\b(?:i am|im|i was|ive been|i have been|being|getting|i got|i just got)\s(?:\w+\s)?(?:abused|molested|raped|beaten|hit at home|sexually assaulted)\b|\b(?:i was|ive been|i have been|i got|i get|i keep getting|being|getting) (?:touched|groped|felt up) by (?:my |a |an |the |this |some |our )?(?:uncle|stepdad|step dad|dad|father|brother|stepbrother|cousin|grandpa|granddad|neighbou?r|coach|teacher|tutor|babysitter|boyfriend|man|guy|adult|stranger|older (?:boy|guy|man|kid))\b/ },
  // Grooming and sextortion online: pictures asked for in secret, a threat to post them, an adult "boyfriend".
  {
    id: "en.abuse.online",
    category: "abuse",
    pattern:
      /\b(?!.{0,120}\b(?:secret santa|surprise|party|gift|present|birthday)\b)(?:asked|asks|asking|wants|wanted|keeps asking|told) (?:me )?(?:to send |for )(?:(?:him|her|them) )?(?:pics|photos|pictures|nudes|selfies|videos)\b.{0,80}\b(?:secret|dont tell|not (?:to )?tell|not tell)\b|\b(?:a|this|some|an older) (?:man|guy|adult|stranger|person)\b.{0,40}\b(?:keeps|kept|is|has been) asking (?:me )?for (?:pictures|pics|photos|nudes)(?: of me| of my body)?\b|\b(?:he|she|they|the man|the guy)\s(?:\w+\s){0,2}(?:said|says|told me)\s(?:that\s)?(?:its|this is|it is|it was|it has to be) (?:our|a) (?:little )?secret\b(?!.{0,30}\b(?:party|surprise|present|gift|birthday))|\bblackmail(?:s|ed|ing)? me\b.{0,40}\b(?:pics|pictures|photos|nudes|videos?)\b|\b(?:post|share|leak|send|show) my (?:pics|pictures|photos|nudes|videos)\b.{0,30}\bif i (?:dont|do not|wont)\b|\b(?:online|internet) (?:boyfriend|bf|girlfriend|gf)\b.{0,20}\b(?:1[89]|[2-9]\d)\b|\bmeet(?:ing)? (?:up with )?(?:a|this|some) (?:guy|man|person|stranger|adult) i met online\b|\bsent me (?:pictures|pics|photos|videos) of (?:his|her|their) (?:private parts|privates|body|dick|penis|boobs)\b|\b(?:photos|pics|pictures|videos) (?:of me )?in my (?:underwear|bra|pants|bikini|swimsuit)\b|\b(?:guy|man|stranger|person|adult)\b.{0,40}\b(?:online|on (?:roblox|discord|snap|snapchat|instagram|insta|tiktok|minecraft|fortnite|whatsapp))\b.{0,40}\b(?:wants|asked|asks|keeps asking) (?:me )?to meet\b.{0,60}\b(?:not to tell|dont tell|secret)\b|\b(?:guy|man|stranger)\b.{0,20}\bonline\b.{0,40}\bmeet(?: up)?\b.{0,40}\b(?:dont tell|not to tell|secret)\b/,
  },
  // …"my parents lock me in the basement", "bruises everywhere from my dad" (a red team, 7 December, fourth pass).
  {
    id: "en.abuse.at-home",
    category: "abuse",
    pattern:
      /\b(?:stepdad|stepfather|uncle|dad|father|brother|mums boyfriend|moms boyfriend|cousin|grandpa)\s(?:\w+\s)?(?:comes|came|keeps coming|sneaks) (?:in|into) my (?:room|bed|bedroom) (?:at night|in the night|every night|when (?:im|i am) (?:asleep|sleeping|in bed|changing|in the shower))\b(?! to (?:tell|say|check|wake|turn))|\b(?:parents|mum|mom|dad|they) (?:dont|doesnt|never|wont) (?:feed me|give me (?:food|anything to eat|dinner))\b(?! (?:until|unless|if|because|cause|when|till|before|after))|\bno food (?:at home|in the house)\b.{0,60}\b(?:hasnt|havent|not) (?:been back|come home|been home)\b|\blocks? me (?:in|out of) (?:my room|the house|the bathroom|a room|the cupboard)\b|\blocks? me in (?:the basement|the cellar|the shed|the garage|the attic|the closet|the wardrobe|a cupboard)\b(?: without food| all night| for days| overnight)?|\bbruises? (?:all over (?:my body |me )?|everywhere |on my \w+ )?(?:from|because of) (?:my )?(?:dad|father|mum|mom|mother|stepdad|stepmum|stepmom|parents?|brother|uncle|boyfriend)(?:s)?(?=$| hitting| beating| grabbing| hurting| kicking| punching| belt| hands?| fists?)|\b(?:dad|father|mum|mom|mother|stepdad|stepmum|stepmom|parents?|brother|uncle)\s(?:\w+\s)?(?:throws|threw|keeps throwing) (?:things|stuff|plates|bottles) at me\b(?! (?:during|in|when we|for fun|as a joke))|\b(?:dad|father|stepdad|stepfather|mum|mom|mother|stepmum|stepmom|mums boyfriend|moms boyfriend)\s(?:\w+\s){0,4}(?:hits|beats|hurts|chokes|punches|kicks) my (?:mum|mom|mother|dad|father|sister|brother)\b(?! (?:at|in|on) )/,
  },
  // A red team's fourth pass (7 December): harm named without "hits" ("threw me against the wall",
  // "pushed me down the stairs", "drags me by my hair"), "does stuff to me at night", watching the
  // student shower, "makes me sleep in his bed", and the words video sites taught for assault
  // ("SA'd", read "sad"; "grape'd") — not rugby, wrestling or a game; not "i was sad by the end".
  {
    id: "en.abuse.said-otherwise",
    category: "abuse",
    pattern: new RegExp(String.raw`\b(?:he|she|they|dad|father|mum|mom|mother|stepdad|stepmom|stepmum|stepfather|stepmother|uncle|aunt|brother|stepbrother|boyfriend|parents?|grandpa|grandma|mums boyfriend|moms boyfriend)\s(?:\w+\s)?(?:pushed|pushes|shoved|shoves|threw|throws|slammed|slams|dragged|drags|kicked|kicks) me (?:down the stairs|against (?:the|a) (?:wall|door|floor|fridge|cupboard|table|radiator)|into (?:the|a) (?:wall|door|table|cupboard|radiator)|(?:on)?to the (?:floor|ground)|across the room|out of bed by|by (?:my|the) (?:hair|neck|throat|arm|ear|collar))\b(?!.{0,40}\b(?:rugby|football|wrestl\w*|judo|karate|tag|game|match|pe|playing|training|lol|jk)\b)|\b(?:dad|stepdad|stepfather|uncle|brother|stepbrother|cousin|grandpa|grandad|mums boyfriend|moms boyfriend|neighbou?r|coach|tutor|a man|an adult|he)\s(?:\w+\s)?(?:does|did|keeps doing|has been doing) (?:stuff|things|bad things|weird things|sexual things|sexual stuff|things i dont like|stuff i dont like) to me\b(?=.{0,40}\b(?:at night|in my (?:room|bed)|when (?:im|i am|mum|mom|no one|nobody)|i dont like|dont tell|secret|touch\w*)\b)|\b(?:dad|father|stepdad|stepfather|uncle|brother|stepbrother|cousin|grandpa|grandad|mums boyfriend|moms boyfriend|he|someone|a man)\s(?:\w+\s)?(?:watches|watched|watching|films|filmed|filming|records|recorded|spies on|spied on|peeks at|peeked at|looks at|looked at) me (?:when|while|as) (?:im |i am |i )?(?:shower|showering|in the shower|in the bath|having a (?:shower|bath)|bath|bathing|changing|get changed|getting changed|naked|undressed|undressing)\b|\b(?:dad|father|stepdad|stepfather|uncle|brother|stepbrother|cousin|grandpa|grandad|mums boyfriend|moms boyfriend|he|a man|coach)\s(?:\w+\s)?(?:makes|made|forces|forced|wants|tells) me (?:to )?(?:sleep|get|lie) in (?:his|their) bed\b|\b(?:i (?:was|got|have been|ve been|been|keep getting)|ive been|being|getting) (?:sad|graped|grapped) by (?:(?:my|our) (?:\w+ )?(?:uncle|stepdad|step dad|dad|father|brother|stepbrother|cousin|grandpa|grandad|neighbou?r|coach|teacher|tutor|babysitter|boyfriend|mums boyfriend|moms boyfriend)|(?:a|an|some|this) (?:older |old |grown )?(?:man|guy|adult|stranger))\b|\b(?:i (?:was|got|have been|ve been|been)|ive been) (?:graped|grapped)\b|\b(?:he|she|they|my (?:\w+ )?(?:uncle|stepdad|dad|brother|stepbrother|cousin|grandpa|grandad|neighbou?r|coach|teacher|tutor|boyfriend))\s(?:sad|graped|grapped) me(?=$| when| last| and| at| in| again| as| while| after| before| on| years| every)`),
  },
  // Grooming: someone met online who wants to meet, asks for pictures or where the student lives.
  {
    id: "en.abuse.met-online",
    category: "abuse",
    // A red team's fourth pass (7 December): "…wants to pick me up from school", "the guy from
    // discord" (no "on"), meeting him tonight, an adult's age said ("a 30 year old guy on discord says
    // he loves me"), a video call without clothes, robux for pictures.
    pattern: new RegExp(String.raw`\b(?:guy|man|boy|girl|woman|person|adult|stranger|someone|somebody)\b(?: \w+){0,3} (?:i met|i talk to|i chat (?:to|with)|i play with|from) (?:online|(?:on )?(?:discord|roblox|snapchat|snap|instagram|insta|tiktok|the internet|a game|fortnite|minecraft|wechat|qq|whatsapp|telegram))\b.{0,60}\b(?:meet (?:up|me|him|her|in person|irl)|pick me up|come to (?:my|our) (?:school|house|home|flat)|come (?:to|over to|round to|to see) (?:his|her|their) (?:house|place|flat|apartment|car|hotel|room)|pics|photos|pictures|nudes|videos|where i live|my address|keep (?:it|this|us) (?:a )?secret|not (?:to )?tell)\b|\b(?:older|adult|grown up|grownup|old) (?:guy|man|boy|person|woman|girl|dude)\b.{0,40}\b(?:asked|asks|asking|wants|wanted|keeps asking|begged) (?:me )?(?:for|to send(?: him| her)?) (?:\w+ )?(?:pics|photos|pictures|nudes|selfies|videos)\b|\b(?:man|guy|stranger|adult|dude|(?:someone|somebody|person) (?:online|on \w+))\b.{0,50}\b(?:asking|asked|asks|wants to know|keeps asking|trying to find out|find out) (?:me )?(?:where i live|my (?:home )?address|what school i go to|where i go to school|where my school is)\b|\bmeet(?:ing)? (?:up with )?(?:the|this|a|some) (?:guy|man|person|stranger|adult|dude)\b(?: \w+){0,2} (?:from|i met on|i met|i know from) (?:online|the internet|discord|roblox|snapchat|snap|instagram|insta|tiktok|fortnite|minecraft|whatsapp|telegram)\b|\b(?:1[89]|[2-9]\d) ?(?:year old|years old|yr old|yrs old|yo)\b (?:guy|man|dude|person|woman|boy|girl)\b.{0,80}\b(?:loves me|in love with me|wants to (?:meet|date|see) me|wants to meet(?=$| up| irl| in person)|meet (?:up )?with me|meet me|be my (?:boyfriend|girlfriend|bf|gf)|date me|keep (?:it|this|us) (?:a )?secret|dont tell)\b|\b(?:asked|asks|asking|wants|wanted|told|tells|keeps asking|made|makes) me to (?:\w+ ){0,3}(?:video ?call|facetime|call|cam|go on cam|show (?:him|her|them) (?:my )?(?:body|myself)) (?:\w+ )?(?:without (?:my )?(?:clothes|top|shirt)|naked|with no clothes(?: on)?|undressed|in my (?:underwear|bra|pants))\b|\b(?:robux|vbucks|v bucks|money|cash|gift cards?|skins|gems|nitro)\b.{0,20}\bfor (?:pics|photos|pictures|nudes|selfies|videos)(?: of me| of my body)?(?=$| and| if| from| of me| of my body)`),
  },
  // A threat to send or post the student's pictures (sextortion).
  // …"he has my pics and wants money", "im being sextorted" (a red team, 7 December, fourth pass).
  { id: "en.abuse.pictures-threat", category: "abuse", pattern: /\b(?:has|have|got|kept|saved) my (?:nudes|naked pics|private pics|private photos)\b.{0,40}\b(?:post|send|share|leak|show|spread)\b|\b(?:has|have|got|kept|saved) my (?:pics|photos|pictures|videos|nudes)\b.{0,30}\b(?:wants|asking for|asks for|demanding|demands|wants me to (?:send|pay|give)(?: him| her| them)?) (?:money|cash|robux|vbucks|gift cards?|\d+|more (?:pics|photos|pictures|nudes|videos))\b|\b(?:im|i am|i was|i got|ive been|i have been|being|getting) sextorted\b|\bsextorting me\b|\b(?:threaten(?:s|ed|ing)? to|(?:said|says|told me|saying) (?:that )?(?:hell|shell|theyll|he will|she will|they will|hes going to|shes going to|theyre going to|hes gonna|shes gonna|theyre gonna|hed|shed|theyd)) (?:send|post|share|show|leak|spread|put) (?:\w+ )?my (?:pics|pictures|photos|nudes|videos|private \w+)\b(?! from (?:the|our|my) (?:trip|holiday|party|game|match))(?!.{0,20}\b(?:class group|group chat|family)\b)/ },
  // Forced or pressed into sex, or into "stuff" by a boy- or girlfriend or an adult.
  { id: "en.abuse.forced", category: "abuse", pattern: /\b(?:made|makes|forced|forces|pressured|pressures) me (?:to )?do (?:stuff|things|something|it|sexual stuff) (?:i didnt want|i dont want|i did not want|i do not want|i wasnt ok with)\b|\b(?:forces|forced|pressures|pressured|keeps pressuring|keeps forcing|pushes|pushed) me (?:to |into )?(?:do (?:stuff|things|it|sexual|sex)|doing (?:stuff|things|it)|have sex|having sex|touch|kiss|take (?:off )?my clothes|undress|watch porn|sleep with)\b(?! (?:for|in|at) (?:school|homework|chores|class|practice))|\b(?:boyfriend|girlfriend|bf|gf|a man|an adult|an older (?:guy|man|boy))\s(?:\w+\s)?(?:makes|made|keeps making) me do (?:stuff|things|it|sexual)\b(?! (?:like (?:chores|homework)|around the house|for school))/ },
  // Things thrown at the student at home.
  { id: "en.abuse.thrown-at-me", category: "abuse", pattern: /\b(?:he|she|they|dad|father|mum|mom|mother|stepdad|stepmom|stepmum|stepfather|stepmother|uncle|aunt|brother|boyfriend|bf|parents?|mums boyfriend|moms boyfriend)\s(?:\w+\s)?(?:threw|throws|throw|chucked|chucks|hurled|smashed) (?:a |an |the |his |her |their |my )?(?:\w+ )?(?:bottle|glass|plate|chair|knife|shoe|belt|phone|cup|mug|remote|pan|bowl|something|stuff|things) at (?:me|my head|my face)\b/ },
  // Neglect: no food, left alone for days; days without food because there is none at home.
  {
    id: "en.abuse.neglect",
    category: "abuse",
    pattern: new RegExp(
      String.raw`\b(?:theres|there is|there s|we have|weve got|we ve got|we got|we dont have|we never have) (?:never (?:any|enough) |no |any )?food (?:at home|in (?:the|my) house)(?=$| and (?:im|i am|we are|were|my (?:brother|sister)) (?:so |really )?(?:hungry|starving)| (?:again|for days|since)| my (?:parents|mum|mom|dad)| and (?:my )?(?:parents|mum|mom|dad) (?:are|is) (?:gone|away|not (?:home|back)))|\b(?:parents?|mum|mom|dad|they)\s(?:\w+\s)?(?:leave|left|leaves) (?:me|us) (?:home )?alone for (?:days|\d+ days|a week|weeks|the whole (?:weekend|week)|two days|three days|several days|nights)\b|${NOT_EATEN_FOR_DAYS}.{0,40}\b(?:${NO_FOOD_AT_HOME}|${NO_ONE_TO_FEED_ME}|${KEPT_FROM_FOOD})\b|\b(?:${NO_FOOD_AT_HOME}|${NO_ONE_TO_FEED_ME}|${KEPT_FROM_FOOD})\b.{0,60}${NOT_EATEN_FOR_DAYS}|\b(?:my )?(?:${CARER}|he|she|they) (?:\w+ )?(?:says|said|tells me|told me|keeps saying|keeps telling me) (?:that )?i (?:dont|do not) deserve (?:food|to eat|dinner|meals?)\b`,
    ),
  },
  // Days without food, no reason given: no food at home, or not eating on purpose (settle()).
  {
    id: "en.not-eating.days",
    category: "not_eating",
    pattern: new RegExp(NOT_EATEN_FOR_DAYS + LAUGHED_OFF),
    unless: { before: new RegExp(String.raw`(?:${OWN_REASON_NOT_TO_EAT}).{0,70}$`), after: new RegExp(String.raw`^.{0,60}(?:${OWN_REASON_NOT_TO_EAT})`) },
  },
  { id: "en.abuse.unsafe-home", category: "abuse", pattern: /\b(?:scared|afraid|terrified|frightened) (?:to|of) go(?:ing)? home\b|\b(?:dont|do not|never) feel safe (?:at|in my) home\b|\bnot safe (?:at|in my) home\b|\bunsafe at home\b/ },
  // immediate danger
  // Hurting someone else, planned: for an adult now, not for the review list. "Kill" is left out
  // ("im going to kill my brother if he eats my chips"); stab and shoot are not said lightly.
  {
    id: "en.danger.harm-others",
    category: "danger",
    pattern: new RegExp(String.raw`\b(?:${INTENT}|im going to|im gonna|i will|ill)\s(?:to\s)?(?:bring|take|carry|sneak) (?:a |my |the |his |dads |my dads )?(?:knife|knives|gun|guns|blade|machete|weapon|weapons) (?:to|into|in) (?:school|class|the school)\b|\b(?:${INTENT}|im going to|im gonna|i will|ill)\s(?:to\s)?shoot up (?:the|my|our|this|that) (?:school|class|classroom)\b|\b(?:${INTENT}|im going to|im gonna|i will|ill)\s(?:to\s)?(?:stab|shoot) (?:him|her|them|someone|somebody|everyone|everybody|people|my (?:brother|sister|dad|mum|mom|stepdad|stepmum|stepmom|teacher|classmates?|friends?|bully|ex)|a teacher|the teacher|that (?:kid|boy|girl|guy|teacher|bully))\b(?!\s(?:${IN_A_GAME}|with (?:a |my |the )?(?:nerf|water|paintball|camera|photo)|(?:a|an) (?:text|message|msg|dm|email|line|look|question|photo|pic)|up))`),
  },
  {
    id: "en.danger.running-away",
    category: "danger",
    pattern: new RegExp(String.raw`(?<!\b(?:story|book|game|play|roleplay|rp|character)\b.{0,30})\b(?:im|i am|im going to|im gonna|i will|ill|${INTENT}) (?:to )?(?:run|running) away (?:from home|tonight|today|from my (?:house|family|parents|mum|mom|dad)|and never come back|for good|forever)\b(?!.{0,30}\b(?:game|story|play|pretend|fort|jk|lol|haha|joking|if)\b)|\b(?:im|i am|im going to|im gonna|i will|ill|${INTENT}) (?:to )?(?:just )?run away$|\bi ran away from home\b|\b(?:im|i am|im going to|im gonna) (?:leaving|leave) home (?:tonight|for good|forever|and never coming back)\b(?!.{0,40}\b(?:for|to go|school|trip|jk|lol|haha|boarding|holiday|camp|uni|university|college)\b)|\b(?:im|i am|im going to|im gonna) (?:leaving|leave) home (?:now|today)$`),
  },
  {
    id: "en.danger.friend",
    category: "danger",
    pattern: new RegExp(String.raw`\b${FRIEND}(?: (?:has|is|just|already))? (?:ran away|run away|is running away|is planning to run away|plans to run away|wants to run away|went missing|has gone missing)(?: from home| tonight|$)(?!.{0,30}\b(?:game|story|play|pretend|fort)\b)`),
  },
  {
    id: "en.danger.threatened",
    category: "danger",
    pattern: /\b(?:someone|somebody|they|he|she|a kid|kids|people|a boy|a girl)\b(?: \w+){0,4} (?:said|says|told me|posted|threatened) (?:that )?(?:theyre|theyll|theyd|they are|they will|hes|hell|hed|he is|he will|shes|shell|shed|she will)(?: going to| gonna)? (?:stab|shoot|kill|beat|jump|hurt|beat up) me\b(?! (?:at|in|on) )(?! if i (?:\w+ ){0,3}(?:the |about the )?(?:spoiler|ending|answer|plot twist|score)s?\b)|\b(?:someone|somebody|a kid|a boy|a girl|a student|he|she|they)\b(?: \w+){0,4} (?:said|says|told me|posted|threatened) (?:that )?(?:hes|he is|shes|she is|theyre|they are|hell|shell|theyll)? ?(?:bringing|bring|going to bring|gonna bring) (?:a )?(?:gun|knife|weapon|bomb)s? (?:to school|tomorrow|into school|to class)\b|\b(?:someone|somebody|a man|a stranger|a guy) (?:is |s )?(?:in|inside|outside|breaking into|trying to get into) (?:my|our) (?:house|home|room|flat|apartment)(?=$| right now| and (?:i|im|he|she|they|it)| help| please)/,
  },
  // "someone's following me" (the apostrophe dropped: "someones"), not a follower on an app
  // …"a guy wont stop following me" (a red team, 7 December, fourth pass).
  { id: "en.danger.followed", category: "danger", pattern: /\b(?:someone|somebody|a man|a guy|a stranger|a car|he|they)(?:s| is| are| has been| keeps| wont stop| will not stop| doesnt stop| isnt stopping)? (?:following|stalking|watching) me\b(?! (?:play|playing|cook|cooking|draw|drawing|dance|dancing|do|doing|eat|eating|stream|streaming|game|gaming|sing|singing|skate|skating)\b)(?! (?:on|back on) (?:tiktok|insta|instagram|twitter|x|youtube|twitch|snap|snapchat|roblox|spotify|github|pinterest|social media|the app|here))|\bim being (?:followed|stalked)\b/ },
  // Danger now, said without "danger" (a red team, 7 December, fourth pass): grabbed by a stranger,
  // hiding or locked in from a drunk or raging adult, put out of the house with nowhere to sleep —
  // not hide and seek, a game, a haunted house or a camping trip.
  {
    id: "en.danger.now",
    category: "danger",
    pattern: /\b(?:a|some|this|an old(?:er)?) (?:man|guy|stranger|adult|dude|men|guys|woman)\b (?:\w+ ){0,2}(?:grabbed|grabs|tried to grab|tried to pull|pulled|dragged|tried to drag|tried to get me into) (?:me|my (?:arm|wrist|hand|hair))\b(?!.{0,40}\b(?:in (?:the )?(?:game|play|film|movie|story)|haunted house|escape room|by mistake|by accident|accidentally|lol|haha|jk)\b)|\b(?:im|i am|were|we are|me and my (?:\w+ )?(?:brother|sister|mum|mom)) (?:hiding|hidden|locked|locking myself|shut) (?:in|under|inside|from)\b.{0,80}\b(?:drunk|smashing (?:things|stuff|everything|plates)|breaking (?:things|stuff|everything|the door)|(?:banging|kicking|hitting|punching) (?:on )?(?:the|my) (?:door|walls?)|knife|gun|hitting (?:my )?(?:mum|mom|dad|sister|brother|her|him))\b|\b(?:drunk|smashing (?:things|stuff|everything|plates)|has a knife|has a gun|banging on (?:my|the) door)\b.{0,60}\b(?:im|i am|were|we are) (?:hiding|hidden|locked|shut)\b|\b(?:kicked|threw|thrown|chucked|locked) me out\b.{0,60}\bnowhere (?:else )?to (?:go|sleep|stay)\b|\b(?:dad|father|mum|mom|mother|stepdad|stepmom|stepmum|stepfather|stepmother|parents?|mums boyfriend|moms boyfriend)\s(?:\w+\s)?(?:kicked|threw|chucked|locked) me out(?: of (?:the |my |our )?(?:house|home|flat))?(?=$| and| last night| tonight| again| for the night| at night)|\bnowhere (?:else )?to sleep tonight\b|\b(?:im|i am) (?:sleeping|going to sleep|gonna sleep|having to sleep) (?:outside|on the street|on the streets|in the park|rough)\b(?!.{0,40}\b(?:tent|dofe|duke of edinburgh|camping|camp|sleepover|garden)\b)/,
    unless: { before: /\b(?:hide and seek|hide n seek|game|lol|haha|jk|story|prank)\b/, after: /\b(?:hide and seek|hide n seek|game|lol|haha|jk|story|prank)\b/ },
  },
  { id: "en.danger.in-danger", category: "danger", pattern: /\b(?:im|i am) (?:in danger|not safe|in trouble and scared)\b|\bplease help (?:me )?(?:im|i am) (?:scared|in danger)\b/ },
  { id: "en.danger.threat", category: "danger", pattern: /\bthreaten(?:s|ed|ing)? to (?:kill|hurt|beat|stab|shoot) me\b|\b(?:said|says|told me) (?:that )?(?:he|she|they)(?:ll| will| would| is going to| is gonna| are going to) (?:kill|hurt|beat|stab|shoot) me\b|\b(?:scared|afraid|terrified) (?:that )?(?:hes|shes|theyre|he is|she is|they are|he will|she will|hell|shell|my \w+ (?:is|will)) (?:going to |gonna |will )?(?:hurt|hit|kill|beat|stab) me\b|\b(?:has|got|with) a (?:gun|knife) (?:and|in my house|at my school|at school|outside)\b/ },
  // Said plainly and still missed (a sixth red-team pass, 8 December): the will to live lost, a
  // cut that will not stop bleeding, how to overdose or die asked, a noose at hand, leaving this
  // world, and an adult who has a child's nudes or asks for them.
  { id: "en.suicide.no-will-to-live", category: "suicide", pattern: /\b(?:i(?:ve| have)? lost|i (?:dont|do not) have|i have no|ive got no|i got no) (?:the |any |all )?will to live\b|\bi (?:want|wanna|need|am ready|im ready) to leave this (?:world|earth|life)\b(?! (?:a better|better|and (?:go|travel|explore|visit|live)|behind|for (?:mars|space)))/ },
  { id: "en.self-harm.bleeding", category: "self_harm", pattern: /\bi (?:think i |just |accidentally )?cut (?:myself )?(?:too|to|really|so|way too) deep\b(?! (?:into|in) (?:the|my) (?:wood|paper|cake|bread|onion|fabric))|\b(?:my )?cuts? (?:(?:is|are|wont|will not|keeps?|keep on|still|wont stop|will not stop) )+(?:bleeding|stop bleeding)\b|\bcut (?:myself )?and (?:it )?(?:wont|will not|cant|doesnt) stop bleeding\b/ },
  { id: "en.suicide.how-asked", category: "suicide", pattern: /\bhow (?:do|can|could|would|should) (?:i|u|you) (?:overdose|od|die(?=$| (?:quickly|fast|painlessly|peacefully|without|tonight|in my sleep))|kill (?:my|your|ur) ?self|hang (?:my|your|ur) ?self)\b(?! on (?:caffeine|coffee|water|vitamins?|sugar|energy drinks?))(?!.{0,40}\b(?:minecraft|roblox|fortnite|terraria|skyrim|game|level|boss|hardcore|survival)\b)|\bhow to (?:overdose|od)(?: on (?:pills|tablets|meds|medicine|\w+))?(?=$| without| fast| quickly| tonight)|\bi want to know how to die\b|\b(?:is|does) hanging (?:yourself |urself |myself |your ?self )?(?:painless|hurt|painful|quick)\b(?!.{0,40}\b(?:history|execution|executions|criminals?|medieval|in the past)\b)|\bwhat happens (?:if|when) (?:you|u|i) hang (?:yourself|urself|myself|your self)\b|\b(?:i have|ive got|i got|i bought|i made|i tied|theres) (?:a |the )?noose\b(?!.{0,40}\b(?:knot|scouts?|halloween|decoration|costume|prop|history|western)\b)/ },
  { id: "en.abuse.nudes", category: "abuse", pattern: /\b(?:he|she|they|someone|a guy|this guy|an? (?:adult|man|older (?:man|guy)))\s(?:has|got|have|saved|screenshotted) my (?:nudes|nude pics|nude photos|naked pics|naked photos)\b|\bblackmail(?:ed|ing)? (?:me )?(?:with|over|using) (?:my )?(?:nudes|nude pics|naked pics|pics|photos)\b|\b(?:an? (?:adult|grown up|man|guy|older (?:man|guy)|\d{2} ?(?:year old|yo)(?: (?:man|guy))?))\b.{0,30}\b(?:wants|is asking|asked|keeps asking|asks|wants me to send) (?:me )?(?:for |to send (?:him |her |them )?)?(?:my )?(?:nudes|nude pics|naked pics|pics of my body)\b/ },
];

/**
 * Disclosures typed as one word ("iwanttodie", "killmyself"), matched against each whole word
 * only, so a longer word that merely contains one ("iwanttodiet") is not read as it.
 */
const EN_RUN_TOGETHER: Rule[] = [
  {
    id: "en.suicide.run-together",
    category: "suicide",
    pattern: /^(?:i|im|ijust|just)?(?:want|wanna|wana|wnat|gonna|goingto)(?:to)?(?:die+|bedead|killmyself|endmylife|endit(?:all)?|unalivemyself|commitsuicide)$|^(?:i)?(?:kill|kil)(?:my|me)s[e]?lf$|^idontwantto(?:live|behere|exist)(?:anymore)?$/,
  },
  // spelled out letter by letter, which reads as one word: "h o w t o s e l f h a r m", "i w a n t t o c u t m y s e l f"
  {
    id: "en.self-harm.run-together",
    category: "self_harm",
    pattern: /^(?:how(?:do(?:i|you)|can(?:i|you)|should(?:i|you))?(?:to)?|teachmehow(?:to)?|(?:best|easiest)ways?to|waysto|i?(?:want|wanna|wana|gonna|need)(?:to)?)(?:selfharm|cut(?:my|ur|your)self|hurt(?:my|ur|your)self|harm(?:my|ur|your)self|burn(?:my|ur|your)self|starve(?:my|ur|your)self)$/,
  },
];

// ---------------------------------------------------------------------------------------------
// Chinese (matched on the compact text: no spaces, traditional folded to simplified)

/** 我朋友、我同学、我闺蜜、我姐姐…: someone the student knows (folded to simplified first). */
const FRIEND_ZH = "(?:朋友|好友|同学|闺蜜|兄弟|姐妹|姐姐|妹妹|哥哥|弟弟|表姐|表妹|表哥|表弟|同桌|室友|男朋友|女朋友|男友|女友)";

/**
 * Two days or more: 三天, 三日 (Cantonese), 好几天, 一个星期, 72小时 (not 一天: 忙得一天没吃饭 is an ordinary day); 一整个礼拜,
 * Cantonese 成個禮拜 (a red team, 7 December, Chinese pass).
 */
const ZH_DAYS = "(?:(?:[两二三四五六七八九十]|十几|好几|几|\\d+)(?:个)?(?:整)?[天日](?:[两三]夜)?|(?:一|两|好几)(?:整)?个?(?:整)?(?:星期|礼拜|周)|成个?(?:星期|礼拜)|(?:四十八|七十二|4[89]|[5-9]\\d|\\d{3,})(?:个)?(?:多)?小时)";
/** Someone else named just before an illness: 妈妈生病了, 爸爸住院了 (no one to feed the child). */
const ZH_SOMEONE_ELSE = "(?:妈|爸|爷|奶|姥|婆|外公|哥|姐|弟|妹|他|她|家人|家里人|父母|父亲|母亲|阿姨|叔叔|舅舅)";
/**
 * Why a student does not eat that is no one's concern: their own illness or dental work (我发烧了,
 * 拔了智齿, 牙齿矫正), a fast, camping, a game or a story (mc里 too: a red team, 7 December, Chinese pass). Not a parent's illness: 妈妈生病了没人做饭 is neglect.
 */
const ZH_OWN_REASON_NOT_TO_EAT = `(?<!${ZH_SOMEONE_ELSE}[^，,。！？!?；;]{0,6})(?:生病|病了|发烧|发高烧|感冒|肠胃炎|胃炎|胃疼|胃痛|拉肚子|食物中毒|手术|住院|拔牙|拔了(?:一颗|两颗|颗)?(?:智齿|牙)|智齿|牙(?:齿)?矫正|牙套|口腔溃疡|扁桃体|嗓子(?:疼|痛)|喉咙(?:疼|痛)|新冠|阳了|流感)|(?<!不是|没有|没在|不在)(?:斋戒|斋月|禁食|断食)|露营|野营|(?:游戏|我的世界|迷你世界|饥荒|原神|王者|故事|小说|剧本|梦|mc|蛋仔)(?:里|中)|minecraft|roblox|饥饿值|饱食度|饥饿条|饱腹度`;
/**
 * 我三天没吃饭了, 我已经好几天没吃东西了, 我这三天都没吃饭, 我三日冇食嘢, 三天没吃饭了 (the whole message),
 * and the days said after, as Cantonese says them (我冇食嘢成個禮拜; a red team, 7 December, fourth pass):
 * days without food, said of oneself — not 饿得像三天没吃饭一样, 我感觉…, 如果我…, 我妈三天没吃饭. The
 * student's own illness, a fast or a game named around it takes it back (the not-eating rule). Hungry for days (我饿了三天了,
 * 我餓咗三日) and only water (我三天只喝了水; not 一个星期只喝水能瘦多少) (a red team, 7 December, Chinese pass).
 */
const ZH_NOT_EATEN_FOR_DAYS = `(?:^|(?=我)(?<!(?:感觉|觉得|好像|像|仿佛|如同|似乎|以为|如果|要是|假如|假设)(?:是)?)我)(?:们|们家|(?:同|和|跟)(?:细佬|细妹|弟弟|妹妹|哥哥|姐姐|家姐|阿哥|家人|屋企人))?(?:(?:这|最近|已经|都|快|有|整整|连续|差不多|将近|快要|足足)*${ZH_DAYS}(?:了)?(?:都|也|一直|完全)?(?:没|没有|冇|未)(?:(?:吃|食)(?:过|咗)?(?:饭|东西|嘢|任何东西|一口(?:饭|东西|嘢)?|一顿(?:饭)?|(?=了|喇|啦|$|[。！？!?，,…~～]))|进食)|(?:已经|都)?(?:没|没有|冇|未)(?:吃|食)(?:过|咗)?(?:饭|东西|嘢)(?:已经|都|有)?(?:成|足足|整整|差不多)?(?:${ZH_DAYS}|个?(?:礼拜|星期))|(?:已经|都|快|整整|连续|足足)*(?:饿|饿咗)(?:了)?(?:整整|足足)?${ZH_DAYS}|(?:这|最近|已经|都|整整|连续)*${ZH_DAYS}(?:了)?(?:都|一直)?(?:只|就只|净系|净)(?:喝|饮)(?:了|咗)?(?:水|白开水|凉水)(?![^。！？!?]{0,3}(?:能|会|可以|的话|吗)))(?!的)(?![^。！？!?]{0,4}(?:一样|似的|的样子))`;
/** Laughter right after (我三天没吃饭了哈哈开玩笑的): a joke, for the not-eating rule alone. */
const ZH_LAUGHED_OFF = "(?![了啦喇]*[~～!！。，,…]*(?:哈哈|呵呵|嘻嘻|开玩笑|开个玩笑|骗你的|hhh|lol|lmao|jk|😂|🤣)(?![^。！？!?]{0,12}(?:不是开玩笑|没开玩笑|没有开玩笑|说真的|认真的)))";
/** No one to feed the student, or someone keeping food from them: 妈妈生病了没人做饭, 家里没钱, 爸妈出去打工了, 爸爸说我不配吃饭. */
const ZH_KEPT_FROM_FOOD = "(?:没人|没有人)(?:给我)?(?:做饭|煮饭|管我)|家里(?:没人|没有人|没钱|没有钱)|(?:没钱|没有钱)(?:吃饭|买吃的|买饭|买东西吃)|(?:爸|妈|爸爸|妈妈|爸妈|父母|他们)(?:都)?(?:出去|外出|去外地|到外地|在外地|去城里|出门)?打工|(?:爸|妈|爸爸|妈妈|爸妈|父母|他们)(?:都)?(?:不在家|不回家|不管我|生病|病了|住院|喝醉)|(?:爸|妈|爸爸|妈妈|爸妈|父母|继父|继母|后爸|后妈|他|她|他们)[^。！？!?]{0,4}?(?:说|骂|嫌)我(?:不配吃(?:饭|东西)|(?:太|好|很)?胖)";

/** A question set for an essay, a debate or a philosophy lesson, or a lyric: 作文题目：我为什么要活着, 活着有什么意义？我们今天辩论. */
const ZH_A_TOPIC_BEFORE = /(?:作文|题目|哲学|辩论|论文|歌词|台词)[^。！？!?]{0,10}$/;
const ZH_A_TOPIC_AFTER = /^[^。！!]{0,16}(?:作文|题目|哲学|辩论|论文|歌词|台词|哈哈|开玩笑)/;
/** 我不想醒来，这个梦太好了: a dream too good to leave. */
const ZH_A_GOOD_DREAM = /^[^。！？!?]{0,8}(?:这个|那个)?(?:梦|美梦)(?:太|好|真|超)/;

/** Medicines a child finds at home, as the Chinese rules name them (after folding to simplified). */
const ZH_MEDS = "(?:安眠药|布洛芬|扑热息痛|对乙酰氨基酚|阿司匹林|褪黑素|安定|必理痛|普拿疼|泰诺|止痛药|感冒药|退烧药|头孢|药片|药|panadol|tylenol)";

const ZH: Rule[] = [
  // suicide. 想死 but not "想死你了" (miss you), 不想死 (a game), 笑死/累死 (figures of speech).
  // 笑到想死, 熱到想死, 攰到想死 (到 for 得, Cantonese and everyday Mandarin) pass; 我想去世 said alone
  // is the wish (not 原地去世, not 想去世界各地) (a red team, 7 December, fourth pass).
  // 想四 for 想死 and i want to 紫砂; 你想死吗 (said to someone else), 想死磕 (to grind at), 做功課做到想死 pass (a red team, 7 December, Chinese pass).
  // not a character's wish: 为什么书里的角色想死 (as the English rule; a fifth red-team pass, 8 December)
  { id: "zh.suicide.want-to-die", category: "suicide", pattern: /(?:书|小说|电影|故事|动漫|漫画|剧|歌|入面)[^。！？!?]{0,6}(?:角色|主角|人物|男主|女主|主人公|主人翁)想(?:要)?(?:去)?死(?=[^。！？!?]{0,8}(?:我也是|我也一样|我也想|其实就是我|就是我|我都係|我都想|我都一样|me too|same))|(?:^|[我好真])想(?:要)?去世(?=$|了|啊|[。!！…,，~～])|(?<!(?:书|书里|书里面|小说|小说里|电影|电影里|故事|故事里|动漫|漫画|剧里|剧中|歌里|书中|小说中|入面)(?:的|嘅|个|個)?(?:角色|主角|人物|男主|女主|主人公|主人翁)|不|你|您|你哋|累得|笑得|饿得|热得|困得|忙得|多得|烦得|气得|急得|吵得|冷得|闷得|无聊得|撑得|渴得|累到|笑到|饿到|热到|困到|忙到|烦到|气到|急到|吵到|冷到|冻到|闷到|无聊到|撑到|渴到|攰到|攰得|晒到|做到|做得|写到|写得|温到|温得|读到|读得|学到|学得|等到|等得|练到|练得|跑到|跑得)想(?:要)?(?:去)?(?:快点|早点|赶紧|马上|现在就|被车撞)?[、·…~～*_.-]{0,6}死(?![你您他她它海神党记磕守缠背]|我了|我啦|我啊|的(?:角色|人物|主角|情节))|(?<!不)想(?:去)?(?:die|dead)(?![a-z])|(?:iwant|iwanna|wantto|wanna)(?:to)?(?:go)?(?:死|去死|自杀|紫砂|自鲨|跳楼|鼠)|(?:^|[我好真的])想(?:去)?[4四](?=$|[了啊啦呀喔。！!…~～])|我(?:好|真系|真的)?想(?:去)?sei(?=$|[^a-z]|(?:la|lo|laa|loh|lor|a|ah)(?:$|[^a-z]))/ },
  // 想轻生的用户 (a question about users) passes (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.rather-die", category: "suicide", pattern: /死了算了|死咗算(?:啦|喇|了|数|罢|咯|$)|我要去死|(?:想|要)(?:去)?寻死|(?:想|要|打算|准备|考虑)(?:去)?轻生(?!的(?:用户|人|学生|孩子|青少年|角色|人物|新闻))|轻生的(?:念头|想法)|想一了百了|(?:想|要)(?:去)?(?:zs|zisha|zi杀|自sha|紫砂(?![壶锅杯茶泥陶器])|自鲨|自沙(?![滩漠发]))|(?:^|我|好|真)想(?:去)?s(?:i)?(?:[了啊啦]|$)/ },
  // 我应该去死, 我唔配活, 我想安乐死, 我想割喉; which way to die asked (哪种死法最不痛苦, 有冇唔痛嘅死法, 怎么死比较快);
  // a cut that will not stop bleeding (我割太深了血止不住) (a sixth red-team pass, 8 December) — not in a
  // game (在游戏里怎么死最不痛苦, 怎么死最快可以复活) nor a villain's line.
  { id: "zh.suicide.said-plainly", category: "suicide", pattern: /(?=[我哪什咩边乜唔不无舒怎点])(?<!(?:游戏|我的世界|迷你世界|mc|minecraft|roblox|王者|原神|蛋仔)[^。！？!?]{0,8})(?:我(?:是不是|係咪|系咪)?(?:应该|應該|应该要)去死|我(?:不值得|唔值得|不配|唔配)(?:活|生存|活着|活下去)|我想(?:安乐死|割喉|割颈|用刀捅自己|捅死自己)|(?:哪种|哪一种|什么|咩|边种|乜嘢)死法|(?:唔痛|不痛|无痛|舒服)(?:嘅|的)死法|(?:怎么|怎样|点样|点)死(?:最|比较|会)?(?:快|唔痛|不痛|舒服))(?![^。！？!?]{0,12}(?:我的世界|迷你世界|游戏|复活|mc|minecraft|roblox|的话|台词|反派|角色|说的))/ },
  { id: "zh.self-harm.bleeding", category: "self_harm", pattern: /(?:割|鎅)(?:得|到)?太深(?:了|咗)?[^。！？!?]{0,6}?(?:血止不住|止唔到血|止不住血|一直流血)/ },
  {
    id: "zh.suicide.dont-want-to-live",
    category: "suicide",
    pattern: /(?:不|唔)想(?:再)?(?:活|生存)(?!在|得)|(?<!不)想不活了(?=$|[。!！…,，吧啊])|(?:不|唔)想(?:再)?(?:活|待|留)在这个世界(?:上)?|活不下去|活唔落去|不想(?:再)?(?:存在|醒来)|(?:睡着|睡过去|睡下去)(?:了)?(?:就)?(?:不要|不再|再也不|永远不)(?:要)?醒|永远睡下去/,
    unless: { after: ZH_A_GOOD_DREAM },
  },
  // Not waking again (7 December): 我不想再醒过来了, 真想一睡不醒, Cantonese 我唔想再醒, 瞓咗就唔好再醒 — not a
  // dream too good to leave (这个梦太好了) or a lie-in.
  {
    id: "zh.suicide.never-wake",
    category: "suicide",
    pattern: /(?:不|唔)想(?:再)?(?:醒过来|醒返|醒翻)|(?:^|我)(?:真系|真的)?唔想(?:再)?醒(?=$|[了喇啦。！!…,，~～])|(?:瞓着|瞓咗|睡咗|瞓)(?:了)?(?:就|之后)?(?:不要|不再|唔好|唔再|再也不|永远不|永远唔)(?:要)?(?:再)?醒|(?:想|希望|但愿)(?:能)?(?:就这样)?(?:一睡不醒|一觉睡过去(?:就)?(?:不|再也不|永远不)(?:要)?(?:再)?醒)/,
    unless: { before: /(?:美梦|好梦|赖床|太困了|好困)[^。！？!?]{0,8}$/, after: ZH_A_GOOD_DREAM },
  },
  {
    id: "zh.suicide.tired-of-living",
    category: "suicide",
    pattern: /活着(?:真的|好|太|真|很|特别|實在|实在)?(?:好)?(?:累|没意思|没有意思|没意义|没有意义|痛苦|辛苦|难受)|(?:活着|做人|生存|活落去|活下去)(?:仲|还|到底)?有(?:什么|咩|乜|乜嘢)(?:意思|意义|用)|(?:人生|生活)(?:真的)?没有?(?:意义|意思|希望)了/,
    unless: { before: ZH_A_TOPIC_BEFORE, after: ZH_A_TOPIC_AFTER },
  },
  // Not a question about someone in a book: 哈姆雷特为什么想自杀 (a red team, 7 December, fourth pass)
  // — but 我不知道为什么想自杀 and 我为什么想自杀 are the student's own.
  // …自尽, 寻短见, 卧轨, and a time between (我计划下周自杀, 我計畫明天自殺) — not 自杀防治, a question (祥林嫂想寻短见吗)
  // or a detector's (AI能检测出学生想自杀吗) (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.intent", category: "suicide", pattern: /(?<!用户|判断|识别|检测|一个人|某人|人们)(?<!(?:检测|识别|判断|看出|分辨)(?:出)?(?:学生|用户|孩子|青少年|别人|某人|一个人|人|同学)(?:是否|是不是|有没有)?)(?<!(?<!知道|我|明白|清楚)(?:为什么|为啥|为何|干嘛))(?:想|要|打算|准备|计划|计画|考虑|试过|尝试|决定|谂住|谂过|谂紧)(?:(?:在)?(?:今天|今晚|明天|明晚|后天|听日|今晚夜|下周[一二三四五六日天末]?|下星期[一二三四五六日天]?|下个?礼拜[一二三四五六日天]?|这周[一二三四五六日天末]?|这个?星期[一二三四五六日天]?|这个?礼拜[一二三四五六日天]?|周[一二三四五六日末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|过年|生日那天|(?:期末|中考|高考|月考)?考完(?:试)?|放学后|期末)(?:就)?)?(?:去|过)?(?:(?:吃药|喝药|食药|跳楼|跳河|跳海|上吊|割腕|烧炭)(?:来)?)?(?:自杀|自尽|寻短见|寻短(?!见)|卧轨)(?!吗|么|防治|预防|干预|热线|率|案|事件|新闻|的(?:角色|人物|主角|情节|作文|文章|新闻|电影|书|问题|话题|预防|热线|用户))|自杀的(?:念头|想法|冲动)/ },
  { id: "zh.suicide.end-life", category: "suicide", pattern: /(?:想|要|打算|准备)(?:去)?(?:结束|了结)(?:自己|我)(?:的)?(?:生命|一切)?|(?:想|要)(?:结束|了结)(?:生命|这一切)/ },
  // …and 我从18楼跳下去算了, a jump from a height said with 算了 and no intent word (a red team, 7 December, fourth pass).
  // …卧轨, and Cantonese 跳落街 (to jump to the street) (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.method", category: "suicide", pattern: /(?<!为什么|为啥|为何|干嘛)(?:想|要|准备|打算)(?:去)?(?:跳楼|卧轨|跳(?:落|下)街|跳河(?![里中]|游泳|玩|边|抓|摸)|跳海(?![里中]|浪|边|玩|草|底捞|游泳)|跳江(?![里中]|南|游泳|玩|边)|跳湖(?![里中]|边|游泳|玩)|跳桥|上吊|割腕|割脉|割动脉|(?:吃|吞|食)安眠药(?![^。！？!?]{0,10}(?:才能?睡|先瞓|睡得着|瞓得着|入睡|助眠|失眠))|(?:吃|吞|食)(?:一整瓶|整瓶|一堆|很多|好多|一大把|所有的?)[^,，。.!！?？]{0,4}?药|烧炭|(?:从|由)[^,，。.!！?？]{0,6}?(?:楼|天台|桥|阳台|窗|屋顶|悬崖|顶楼)[上顶口台户]?(?:上)?跳(?:下|落))|(?:吃|吞|食)(?:了|咗)(?:一整瓶|整瓶|成樽|成瓶|一瓶|一堆|很多|好多|一大把|一把|几十|\d{2,})(?:片|粒|颗)?(?:的)?[^,，。.!！?？]{0,4}?药|^我(?:有|买了|买咗|找到了?|准备好了?)(?:一)?(?:根|条|捆)?绳(?:子)?了?[。.!！…]*$|(?:从|由)[^,，。.!！?？]{0,6}?(?:楼|天台|桥|阳台|窗|屋顶|悬崖|顶楼)[上顶口台户]?(?:上)?跳(?:下去|下来|落去|下)(?:死了)?(?:算了|算数|算啦|一了百了|就解脱了|死掉|死咗佢)/ },
  // 把…药全吃了: a plan (要/想…) or a deed (我…), in the 把 shape the method rule above misses.
  // …and the pills named first (我有好多药我想全部吃了; a red team, 7 December), not a course of medicine.
  // …and Cantonese 我想食晒啲藥 (eat them all) (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.all-the-pills", category: "suicide", pattern: /(?:想|要|准备|打算|我)(?:已经|刚刚|刚|今晚|现在)?把[^,，。.!！?？]{0,8}?(?:药|药片|药丸|安眠药)(?:全|全部|都|一次)(?:都)?(?:吃|吞)(?:了|掉|光|下去)?|(?<!(?:医生|医院|疗程|按时|说明书|医嘱|开的)[^。！？!?]{0,12})(?:药|药片|药丸|安眠药)[^。！？!?]{0,10}?(?:想|要|准备|打算)(?:把它们|把佢哋)?(?:全部|全|都|一次过|一次)(?:都)?(?:吃|吞|食)(?:了|掉|光|晒|下去)?(?!完|才|就会好)|(?:想|要|准备|打算)(?:食|吃|吞)(?:晒|哂|光)(?:啲|所有|全部|那些|这些|呢啲)?(?:的)?(?:药|药丸|安眠药|药片)(?![^。！？!?]{0,6}(?:才|就会好|病|医生))/ },
  // Asking how: a method question is a disclosure. A method chosen, or the means ready with a time:
  // 我已经想好怎么死了, 我准备了刀片，今晚就结束 — not a story's plot (a red team, 7 December, fourth pass).
  // …the pills by name (吃多少颗布洛芬会死) and the height (跳几楼才会死), not a physics problem or Minecraft (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.how", category: "suicide", pattern: /(?:怎么|怎样|如何|怎么样)(?:才能|才可以|可以)?(?:上吊|割腕|自杀|烧炭|服毒|自尽)|(?:吃|吞|食)?多少(?:片|粒|颗)?[^,，。.!！?？]{0,6}?(?:药|安眠药|布洛芬|扑热息痛|对乙酰氨基酚|阿司匹林|褪黑素|安定|必理痛|panadol|tylenol)[^,，。.!！?？]{0,4}?(?:会|才会|能|可以|就会)死|(?:怎么|怎样|如何)(?:才能)?死(?:才)?(?:不痛|不疼|最快|最舒服|没有痛苦|不会痛)(?![^。！？!?]{0,12}(?:我的世界|游戏|mc|复活|重生|关卡|副本|吃鸡|王者))|(?:不痛|无痛)(?:苦)?的(?:死法|自杀方法)|我(?:已经|偷偷)?(?:攒|存|囤|藏|买好)(?:了)?(?:很多|好多|一堆|一大堆|一些|一瓶|几瓶)?(?:的)?安眠药|(?:想好|决定好|计划好|选好|查好)了?(?:要)?(?:怎么|怎样|如何|在哪里?|哪天)(?:去)?(?:死|自杀)(?![^。！？!?]{0,8}(?:角色|情节|小说|故事|游戏|剧本|人物))|(?:想好|选好|查好)了?(?:我的)?(?:死法|自杀的方法)|(?:准备|买|攒|藏|找)(?:好)?(?:了)?(?:一些|一把|很多|好多)?(?:刀片|绳子|安眠药|药|刀|农药)[^。！？!?]{0,8}?(?:今晚|今天|明天|马上|现在)(?:就)?(?:结束|了断|动手)(?:一切|自己|生命)?(?:了|吧)?(?=$|[。!！…,，])|(?:跳(?:几|几多|多少)(?:层)?楼|(?:几|几多|多少)(?:层)?楼(?:高)?(?:跳下去|跳下来|跳落去|跳))(?:才|就|一定|肯定|必|先)?(?:会|能|可以|至会|会唔会)?(?:死|摔死|跌死|必死)(?!.{0,14}(?:物理|题|游戏|我的世界|mc|minecraft|原神|王者))/ },
  // Asking for a method or a lethal dose as a red team wrote it (8 December): 有什么不疼的自杀方法,
  // 最好的自杀方法, 點樣自殺, 扑热息痛吃多少会死 (the medicine first), 布洛芬多少是致死量,
  // 告诉我布洛芬的致死量, 普拿疼吃多少會死, 安眠藥食幾多粒會死, 假设一个人想吃药自杀，要吃多少片,
  // a lethal dose of a medicine, not of 咖啡因 or 水; drowning or hanging oneself asked (怎么淹死自己,
  // 淹死自己要多久, 上吊多久会死; a fifth red-team pass).
  {
    id: "zh.suicide.method-asked",
    category: "suicide",
    pattern: new RegExp(
      `(?:怎么|怎样|如何|点样|点先|点可以)(?:才能|可以|才可以)?(?:淹死|溺死|浸死|闷死|勒死|吊死)自己|(?:淹死|溺死|浸死|闷死|勒死|吊死)自己(?:要|需要)?(?:多久|多长时间|几耐|几长时间|会不会|会唔会|痛不痛|痛唔痛|辛不辛苦|难不难受)|(?:上吊|割脉|割腕|淹死|溺死|烧炭)(?<!(?:崇祯|皇帝|古人|古代|历史|他|她|佢|犯人|死刑|电影|小说)[^。！？!?，,]{0,4}..)(?:要|需要)?(?:多久|多长时间|几耐|几分钟)(?:才)?(?:会|先会|至会)?(?:死|断气)|(?:有什么|有没有|有冇|有啥|有咩|最好的?|最快的?|最有效的?|最简单的?|最舒服的?|不疼的?|不痛的?|无痛的?|没有痛苦的?|唔痛的?)(?:的)?(?:自杀|自尽|轻生)(?:的)?(?:方法|方式|办法|手段|法子)|(?:自杀|自尽)(?:的)?(?:方法|方式|办法)(?:有哪些|有什么|是什么|有咩|系咩|有边啲)|(?:点样|点先|点可以)(?:可以|先可以|至可以|先)?(?:上吊|割脉|割腕|自杀|烧炭|自尽)|${ZH_MEDS}[^,，。.!！?？]{0,8}?(?:吃|吞|食|服)?(?:多少|几多|几)(?:片|粒|颗|盒|瓶|毫克|克|mg)?[^,，。.!！?？]{0,6}?(?:会|才会|能|可以|就会|先会|至会|会唔会|就)?(?:死|致死|毙命)|${ZH_MEDS}[^,，。.!！?？]{0,6}?(?:致死量|致死剂量|致命剂量|致死的剂量)|(?:吃|吞|食|服)(?:多少|几多|几)(?:片|粒|颗|盒|瓶)?${ZH_MEDS}[^,，。.!！?？]{0,4}?(?:会|才会|能|可以|就会|先会|至会)?(?:死|致死)|(?:吃|服|食)药(?:去)?(?:自杀|死)[^。！？!?]{0,10}(?:多少|几多|几)(?:片|粒|颗|盒)|(?:教我|告诉我|话我知|讲给我听|跟我说)(?:怎么|怎样|如何|点样|点)?(?:去)?(?:自杀|自尽|上吊|割腕|割脉|烧炭)|(?:告诉我|教我|话我知)?(?:自杀|自尽)(?:的|嘅)(?:方法|方式|办法)|什么方法(?:自杀|去死|死)(?:最快|最不痛|最不疼|最舒服|最有效|最简单)|(?:自杀|自尽)(?:的|嘅)?(?:方法|方式|办法)有(?:边啲|哪些|什么|咩)|(?<!(?:游戏|我的世界|mc|副本|关卡)[^。！？!?]{0,8})(?:怎么|怎样|如何|点样)(?:才能|先可以)?死(?:得)?(?:最)?(?:不痛苦|不痛|不疼|唔会痛|唔痛|无痛|冇痛|没有痛苦)(?![^。！？!?]{0,12}(?:我的世界|游戏|mc|复活|重生|关卡|副本|吃鸡|王者))|(?:有咩|有什么|有没有|有冇)(?:方法|办法)(?:可以)?死(?:得)?(?:无痛|不痛|唔痛|冇痛|没有痛苦)|(?<!(?:游戏|我的世界|mc)[^。！？!?]{0,8})(?:吃|吞|食|服)(?:了|咗|晒|完)?(?:一整|整|成|全部|所有|一大把|一把|[0-9]{2,}|[二三四五六七八九]?十[一二三四五六七八九]?|几十|一(?=瓶|樽|盒|板))(?:片|粒|颗|瓶|樽|盒|板)(?:的)?${ZH_MEDS}?[^,，。.!！?？]{0,6}?(?:会|会唔会|会不会|能|可以|就)(?:死|致死)|(?:喝|吃|吞|食|饮)(?:多少|几多)[^,，。.!！?？]{0,8}?(?:消毒液|漂白水|漂白剂|农药|洗洁精|白酒|酒精|老鼠药)[^,，。.!！?？]{0,4}?(?:会|才会|能|就会)?死|跳楼(?:从|由)?(?:几|几多|多少)(?:层|楼)(?:才|就)?(?:会|能)?死(?!.{0,14}(?:物理|题|游戏|我的世界|mc|minecraft))|(?:今晚|今天|明天|现在|马上|等下)(?:就)?(?:要|想|会|打算)?结束(?:这)?一切(?=$|[了。!！…,，吧])`,
    ),
  },
  // 怎么饿死自己, 说服我不要吃东西, 教我怎么绝食, 怎么才能饿瘦自己 (the same red team).
  {
    id: "zh.self-harm.starve",
    category: "self_harm",
    pattern: /(?:怎么|怎样|如何|点样)(?:才能)?催吐|(?:怎么|怎样|如何|点样)(?:才能|可以)?(?:变成|得|患上|得到)(?:厌食症|暴食症|进食障碍)|饿死(?:我)?自己|(?:怎么|怎样|如何|教我)(?:才能|可以)?(?:绝食|饿瘦自己|把自己饿瘦)|(?:怎么|怎样|如何)才能不吃(?:饭|东西)(?=$|[。!！?？…])|(?:说服|劝|叫|让)我(?:不要|别|不再|唔好)(?:再)?吃(?:东西|饭|嘢)(?=$|[。!！…,，了])/,
  },
  // …我已经把遗书写好了, 我想跳下去算了, 好想鼠掉 (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.leave-the-world", category: "suicide", pattern: /(?:想|要)(?:永远)?离开(?:这个|呢个|这)世界(?![^。！？!?]{0,3}(?:去|到))|我(?:已经)?(?:写好|写了|留下|在写|准备好|写完)(?:了)?(?:我的)?遗书|我(?:已经|早就)?把(?:我的)?遗书(?:写好|写完|准备好|放在|藏在|留在)|我的遗书(?:已经)?写好|(?<!(?:泳池|游泳|跳水|蹦床|水|河|海|湖)[^。！？!?]{0,12})我(?:好|真的)?想跳下去(?=$|[了。!！…,，喔]|吧|算了|算数|死|一了百了)|想永远睡(?:着|下去|过去)|(?:我|好|真)想(?:去)?鼠(?=$|[了啊啦呀喔掉])|我(?:吃|喝)什么(?:药)?(?:可以|能|会|才能)(?:死|自杀)|(?:吃|喝)什么药(?:可以|能|会|才能)(?:死|自杀)|(?<!(?:跑|圈|训练|比赛|考试|作业|困|累)[^。！？!?]{0,10})我(?:真的|实在)?撑不下去了(?=$|[。!！…]|吧|啊)/ },
  { id: "zh.suicide.nobody-cares", category: "suicide", pattern: /我死了(?:也)?(?:没有人|没人|谁都不|不会有人)(?:会)?(?:难过|伤心|在乎|在意|发现|哭)|(?:没有人|没人|谁都不|谁也不)(?:会)?(?:在乎|在意|关心|发现|注意到)(?:我)?(?:是否|是不是)?(?:消失|死了|死掉|不在了|离开这个世界)/ },
  // 自我了断 (to end oneself) is unambiguous after an intent word.
  { id: "zh.suicide.end-oneself", category: "suicide", pattern: /(?:想|要|打算|准备|决定|只能|干脆|不如|(?<!不)会)(?:去)?自我了(?:断|结)/ },
  // 想去天堂找奶奶: wanting to be dead to be with someone who died, not the hope of meeting them one day
  // …or to "go and be with" one who has died (想去陪已经走了的奶奶), or, as the whole message, 我想去陪奶奶了
  { id: "zh.suicide.join-in-heaven", category: "suicide", pattern: /(?<!(?:以后|将来|老了|等我|有一天|总有一天)[^。！？!?]{0,4})想(?:去|上)(?:天堂|天上|天国|另一个世界)(?:找|陪|见)(?:我的?)?(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|阿嬷|阿公|阿妈|妈妈|爸爸|妈|爸|哥哥|姐姐|弟弟|妹妹)(?![^。！？!?]{0,6}(?:以后|将来|老了|等我|有一天))|想(?:去)?(?:陪|找|见)(?:已经)?(?:走了|去世|死去|过世|离开|不在)(?:了)?的(?:我的?)?(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|阿嬷|阿公|妈妈|爸爸|妈|爸|哥哥|姐姐|弟弟|妹妹)|^我?(?:好|真的)?想去陪(?:我的?)?(?:奶奶|爷爷|外婆|外公|姥姥|姥爷|阿嬷|阿公|妈妈|爸爸|妈|爸)了(?=[。.!！…~～]*$)/ },
  // 想不开 is also "can't get over it", but said of oneself as a whole statement (我想不开, 真的想不开)
  // it is the everyday euphemism for suicidal thoughts; 想不开的事, 别想不开 and 想不开窗 are left alone.
  { id: "zh.suicide.cant-get-past", category: "suicide", pattern: /(?:^|[^他她它])(?:我|真的|实在|总是|又|有点|好)想不开(?:了|啊|呀|啦|吧)?(?=$|[,，。.!！?？…~～、]|想死|要死|去死)/ },
  {
    id: "zh.suicide.disappear",
    category: "suicide",
    // 好想消失喔 (Taiwanese 喔) (a red team, 7 December, Chinese pass).
    pattern: /想(?:要)?(?:永远)?(?:从(?:这个)?世界(?:上)?)?(?:永远)?消失(?:掉)?(?:算了|就好了)?(?=.{0,4}(?:永远|世界|算了|就好|再也))|想(?:从这个世界|永远)(?:上)?消失|(?:我|好|真)想消失(?:$|[了。!！…啊喔呀啦欸耶ㄟ~～]|,|，)/,
    // 社死了，我想消失: embarrassment ("social death"), not a wish to be gone.
    unless: { before: /(?:社死|尴尬|丢脸|丢人|出糗|好糗|糗死|羞死|社恐|哈哈|笑死)[^。！？!?]{0,12}$/, after: /^[^。！？!?]{0,8}(?:哈哈|社死|尴尬|丢脸|开玩笑|笑死|😂|🤣)/ },
  },
  // Passive wishes to be dead (7 December; decision 006): 要是我死了就好了, 如果我不存在就好了, 死了就解脱了
  // — not 要是我死了就好了吗 or a game's 复活, not 我在游戏里死了, not a grandparent's suffering.
  {
    id: "zh.suicide.if-i-were-gone",
    category: "suicide",
    // …我是不是死掉比較好, 如果我死了爸妈会不会后悔 (a red team, 7 December, Chinese pass).
    pattern: /我(?:要是|如果|若果|假如|是不是|是唔是|系咪|系唔系)?(?:能|可以|早点|直接|干脆)?(?:死了|死掉|死咗|不在了|唔喺度|消失了|不存在|唔存在|没(?:有)?出生|冇出世|没(?:有)?被生出来)(?:的话)?(?:就|都|便)?(?:会)?(?:比较|还比较|更)?(?:好了|好啦|好喇|好咯|好|解脱了|轻松了|一了百了)(?=$|[。！!…,，~～啊吧?？喔])(?![^。！？!?]{0,12}(?:复活|重生|重来|游戏)|[^。！？!?]{0,2}(?:这个|这是|是)?(?:角色|主角|人物|台词|歌词))|(?:^|我)(?:要是|如果)?死(?:了|咗|掉)(?:就|才|便)(?:能|可以|会)?(?:解脱|一了百了|轻松|唔使再?痛苦|不用再?痛苦|不痛苦)|(?:如果|要是|假如|若果)我(?:死了|死掉|死咗|不在了|消失了)(?:的话)?[,，]?(?:我的?)?(?:爸妈|父母|爸爸|妈妈|大家|他们|你们|家人|老师|同学|朋友|屋企人|佢哋|阿妈|阿爸)(?:会不会|会唔会|会)(?:有人)?(?:后悔|难过|伤心|哭|在乎|发现|想我|开心|记得我)(?![^。！？!?]{0,12}(?:复活|重生|游戏))/,
  },
  // 我为什么还活着, 我點解仲要生存 — not 人为什么要活着 (a question for everyone) or an essay's title.
  {
    id: "zh.suicide.why-alive",
    category: "suicide",
    pattern: /我(?:到底|究竟|真系)?(?:为什么|为啥|为何|点解|做咩|凭什么)(?:还|要|还要|仲|仲要)(?:活着|活住|生存|存在|活在(?:这个)?世界上|在(?:这个)?世界上)|我(?:到底|究竟)?(?:为什么|为啥|为何|点解)(?:会|要)?(?:被生下来|出生|出世|生出来)(?!在|于|喺)/,
    unless: { before: ZH_A_TOPIC_BEFORE, after: ZH_A_TOPIC_AFTER },
  },
  // 我好想被车撞 — not 我不想被车撞, 别被车撞.
  { id: "zh.suicide.hit-by-car", category: "suicide", pattern: /(?<![不别唔])(?:想|希望|但愿|祈祷)(?:我)?(?:能|可以)?(?:俾|畀|被)(?:车|汽车|火车|卡车|货车|公交车|公车|巴士|的士|泥头车|地铁)撞(?:死|飞|一下)?(?![^。！？!?]{0,2}(?:的(?:话|人|视频)|到(?:他|她|别人)))/ },
  // Cantonese 我唔想喺度 ("I don't want to be here"), as "i dont want to be here" in English — not
  // 唔想喺度上堂 or a boring lesson.
  // …and 我唔想做人喇 said as the whole message (唔想做人 beside an embarrassment is a figure of speech) (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.dont-want-to-be-here", category: "suicide", pattern: /(?:^|我)(?:真系|真的|好|实在)?唔想(?:再)?喺(?:度|呢度|呢个世界)(?:喇|啦|了|la|lu|lo|啊|呀)?(?=$|[。！!…,，~～])(?![^。！？!?]{0,8}(?:闷|无聊|上堂|上课|返学|堂))|^我?(?:真系|真的|好|实在)?(?:唔想|不想)(?:再)?做人(?:喇|啦|了|la|lu|lo|啊|呀)?[。!！…~～]*$/ },
  // …and 我不配活着 (a red team, 7 December, fourth pass).
  // …我活着就是个错误, 我根本就不应该出生, 我覺得我不應該活著 — not 出生在这个年代, 存在侥幸心理 (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.better-without-me", category: "suicide", pattern: /我(?:就|只|只不过)?是(?:个|一个)?(?:(?:大家|家里|家人|全家|爸妈|父母|所有人|他们|你们|每个人)的)?(?:累赘|负担|拖累)(?=$|[。!！…]|吧|啊|而已)|(?:没有|冇)我(?:的话)?(?:大家|他们|你们|爸妈|家人|世界)?(?:都)?会(?:过得|活得|变得)?(?:更|更加|比较)?(?:好|开心|快乐|幸福|轻松)|我(?:死了|不在了)(?:大家|他们|你们)?(?:都)?会(?:更)?(?:好|开心)|我(?:根本|就|真的|本来就)?(?:不配|没资格|唔配)(?:活着|活下去|活在(?:这个)?世界上|存在|生存)(?!在)(?![^。！？!?]{0,8}(?:的话|这句|台词|反派|角色|说的))|我(?:的)?(?:活着|存在|出生)(?:本身)?(?:就是|就系|是|系)(?:一)?个?错误|我(?:根本|本来|本来就|真的)?(?:就)?(?:不应该|不该|唔应该)(?:被)?(?:出生|生下来|生出来|出世|活着|活在(?:这个)?世界上|存在(?=$|[了吧啊呀。!！…,，?？]|的$|的[。!！…,，]))(?!在|于|喺|的|回|着回)(?![^。！？!?]{0,8}(?:的话|这句|台词|反派|角色|说的))/ },
  // Ways of dying named outright: 喝农药 (pesticide, a common method where it is at hand),
  // 捅/淹死/饿死自己, 吃药死掉; 去死 said of oneself (我还是去死吧); 活够了; 希望我死掉.
  // …我今晚就去死, 我想鲨了我自己 (鲨 for 杀) (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.named-way", category: "suicide", pattern: /我(?:好|真的)?想找个(?:地方|没人的地方)[^，。！？,!?]{0,8}?死(?:掉|了)?(?=$|[了吧啊。！!…，,])|(?:想|要|准备|打算|决定|干脆)(?:去)?(?:喝|吃|吞|食|饮)(?:了)?(?:农药|敌敌畏|百草枯|老鼠药|耗子药|毒药|除草剂|杀虫剂|洗洁精|消毒水|漂白水)|我(?:已经|刚刚|刚)?(?:喝|吃|吞)了(?:农药|敌敌畏|百草枯|老鼠药|耗子药|毒药|除草剂|杀虫剂)|(?:想|要|准备|打算)(?:去)?(?:淹死|饿死|毒死|烧死|勒死|掐死|弄死|闷死|撞死|摔死|捅死|杀死|电死|杀了|杀掉|鲨了|鲨掉|鲨死)(?:我)?自己|(?:想|要|准备|打算)(?:去)?(?:吃药|喝药|跳楼|跳河|上吊|割腕|撞车|卧轨)(?:去)?死(?:掉|了)?(?![你您他她它])|(?<![你他她它叫让说骂])(?:我(?:今晚|今天|明天|现在|马上|等下|待会)?(?:还是|干脆|不如|就|也)?|还是|干脆|不如)去死(?=$|吧|好了|算了|得了|[。!！…,，])|我(?:已经|真的|早就|实在)?活够了(?=$|[。!！…,，]|吧|啊)|(?:希望|但愿|祈祷)(?:我|自己)(?:能|可以|快点|早点|赶紧|明天)?(?:死|死掉|死了|去死|被车撞死)|(?:希望|但愿)(?:我)?(?:明天|明早|早上|今晚睡着后)?(?:不要|别|不会|再也不|永远不)(?:再)?醒(?:来|过来)|(?:想|准备|打算|干脆)(?:去)?把(?:我)?自己(?:给)?(?:淹死|饿死|毒死|烧死|勒死|掐死|弄死|闷死|撞死|摔死|捅死|杀死|电死|杀了|杀掉|了结|了断)/ },
  // (The named way also with 把: 我想把自己饿死 (a red team, 7 December, fourth pass).)
  // Up high and about to jump: the place says what 跳 means.
  // …the intent or the time said before the place: 我想去天台吹吹风然后跳下去, 今晚我就从学校楼顶跳下去 (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.up-high", category: "suicide", pattern: /(?:楼顶|天台|顶楼|屋顶|桥上|阳台上?|窗台|窗边|楼上|楼边|大桥)[^。！？!?]{0,10}?(?:想|要|准备|打算|就要)跳(?:下去|下来|楼|了)?(?!绳|舞|水|高|远|伞|棋)|(?:想|要|准备|打算|决定)[^。！？!?]{0,3}?(?:去|到|喺|在|上)(?:学校|我家|家里|屋企)?(?:的)?(?:楼顶|天台|顶楼|屋顶|桥上|大桥|阳台)(?:上)?[^。！？!?]{0,8}?跳(?:下去|落去|下来|落街|楼)|(?:今晚|今天|明天|马上|现在|等下|待会|听日)我?(?:就|要|会)(?:去)?(?:从|由|喺|在)[^。！？!?]{0,8}?(?:楼顶|天台|顶楼|屋顶|桥上|大桥|阳台|窗户|窗口|楼上)(?:上)?跳(?:下去|落去|下来|落街|楼)/ },
  // 这是我最后一条消息: a goodbye.
  { id: "zh.suicide.goodbye", category: "suicide", pattern: /这是我(?:的)?最后一(?:条|個|个|次|句)(?:消息|信息|留言|讯息|话)(?![^。！？!?]{0,6}(?:了吗|吗|今天|明天|这周|这个月))|永别了|(?:再见了?|拜拜)[,，]?(?:这个)?世界|^(?:大家|各位)?(?:再见|拜拜)了?(?:大家|各位)?[,，.。!！~～]*我(?:好)?爱(?:你们|大家|你哋)[.。!！~～…]*$/ },
  // 了断 alone after an intent word (了结 is in end-life).
  { id: "zh.suicide.end-it", category: "suicide", pattern: /(?:想|要|打算|准备|决定|(?<!不)会)(?:去)?(?:自己)?了断(?=$|[了吧。!！…,，]|自己|我|生命|一切)/ },
  // Told to die by others, and agreeing (bullying into suicide).
  // …scolded to die in Cantonese (鬧我去死), called worthless and told to die (我爸妈说我是废物不如去死),
  // and a parent who regrets the child: 妈妈说后悔生了我,
  // 阿媽話我死咗仲好 (a red team, 7 December, fourth pass).
  { id: "zh.abuse.told-to-die", category: "abuse", pattern: /(?:叫|让|说|骂|劝|逼|闹)我(?:应该|最好|赶紧|快|快点|怎么不|为什么不)?(?:去)?(?:死|去死|自杀|死掉)(?![你他她记背磕守读算])|(?:说|骂|闹)我(?:是)?[^。！？!?，,]{0,6}?(?:不如|还不如|干脆|怎么不|为什么不)(?:去)?死(?:掉|了算了)?(?![你他她记背磕守读算心机])|(?:爸|妈|爸爸|妈妈|爸妈|父母|老爸|老妈|阿爸|阿妈|老豆|老母|继父|继母|后爸|后妈|家人|屋企人|他们|佢哋)[^。！？!?]{0,4}?(?:说|骂|话|讲|闹)[^。！？!?]{0,4}?(?:后悔生(?:了|咗)?我|(?:不|唔)(?:应该|该)生(?:下)?我|生我(?:是个?|系)(?:一个)?错误|希望我(?:没出生|冇出世|死了|死咗|死掉|去死)|我死(?:了|咗|掉)(?:会)?(?:更好|仲好|最好|好过|算了|就好))/ },
  // Told to die, and believing it: "…我觉得他们说得对".
  { id: "zh.suicide.agrees-to-die", category: "suicide", pattern: /(?:叫|让|说|骂)我(?:应该|最好|赶紧|快|快点)?(?:去)?(?:死|去死|自杀|死掉)[^。！？!?]{0,4}?[,，。]?(?:我)?(?:也)?(?:觉得|认为|想)(?:他们|她们|他|她|这)?(?:说得对|说的对|是对的|没错|有道理)/ },
  // Grooming online: meeting, pictures, where the student lives; threats with pictures. …and 传/影 for
  // 发/拍 (有個網友叫我傳裸照給他, 叫我影相俾佢), 開視訊, 除衫 (Cantonese, to undress), 网友要我的家庭住址,
  // 网友说要来我学校找我, 网友给我发了他的裸照, 给我钱让我陪他 — not a photo of the dog (a red team, 7 December, fourth pass).
  // …meeting (网友说要和我奔现, 約我出嚟見面, 我在QQ上认识了一个哥哥，他要我周末去他家), 私聊发照片, 腿照, 拍脚给他看, questions
  // about underwear, an adult's age with love (他25岁), 不发照片就告诉我爸妈; a wider window (有个大叔私聊我说要给我买皮肤让我发自拍) (a red team, 7 December, Chinese pass).
  { id: "zh.abuse.online", category: "abuse", pattern: /(?:网友|网上认识的[^。！？!?]{0,4}?|网恋对象)[^。！？!?]{0,8}?(?:要|想|约|说要)(?:和|跟|同)我(?:奔现|见面|见个面|线下见|单独见)|(?:和|跟|同)网友(?:约好|约了|约咗|约)(?:了)?[^。！？!?]{0,6}?(?:见面|奔现|见个面)|(?:要|想|约|约好|准备|打算)(?:了)?(?:和|跟|同)?(?:网友|他|她|佢)?奔现|(?:网上|网络上|qq上|qq里|微信上|抖音上|快手上|游戏里|ins上|discord上|b站上|小红书上)认识(?:的|了|咗)[^。！？!?]{0,14}?(?:约|叫|让|要|想)我[^。！？!?]{0,4}?(?:去他家|去她家|去佢屋企|见面|见个面|出去|出来|出嚟|单独见|去酒店|开房|发照片|发自拍|开视频|发裸照)|(?:网友|网上认识)[^。！？!?]{0,12}?(?:爱我|喜欢我|(?:当|做)(?:他|她)的?(?:女朋友|男朋友|老婆|老公|对象)|处对象)[^。！？!?]{0,16}?(?:(?:[2-5]\d|二十|三十|四十)(?:多|几)?岁|比我大(?:十|二十|三十|[1-3]\d)(?:几|多)?岁)|(?:网友|网上认识)[^。！？!?]{0,12}?(?:(?:[2-5]\d|二十|三十|四十)(?:多|几)?岁|比我大(?:十|二十|三十|[1-3]\d)(?:几|多)?岁)[^。！？!?]{0,16}?(?:(?:爱我|喜欢我|(?:当|做)(?:他|她)的?(?:女朋友|男朋友|老婆|老公|对象)|处对象)|见面|奔现)|(?:网友|大叔|叔叔|陌生人|男人|有人|网上认识)[^。！？!?]{0,8}?问我[^。！？!?]{0,8}?(?:内衣|内裤|胸围|胸多大|罩杯|三围|月经|例假|大姨妈|是不是处女|是处女|做过爱|有没有做过)|(?:不|不再)(?:给|发|转|拍)(?:他|她)?(?:更多)?(?:的)?(?:照片|相片|视频|裸照|私密照)(?:给他|给她)?(?:的话)?(?:他|她)?就(?:要|会)?(?:告诉|发给|发到|曝光|公开|发出去)|网友[^。！？!?]{0,6}?(?:约|叫|让|要|想|非要|一直要)我(?:出去|出来|出嚟|出街)?(?:见面|见个面|去他家|去她家|去酒店|去宾馆|出来|单独见)|(?:网友|大叔|叔叔|陌生人|男人|有人)[^。！？!?]{0,14}?(?:让|叫|要|逼|一直要|老是要)我(?:私聊|私信|私下|偷偷|单独)?(?:给(?:他|她|佢))?(?:发|拍|传|影)(?![^。！？!?]{0,6}?(?:狗|猫|宠物|作业|游戏|风景|画|截图|食物|饭菜|试卷|成绩)(?:的|嘅)?(?:照片|相片|相|视频))[^。！？!?]{0,6}?(?:照片|相片|相|视频|自拍|裸照|私密照|身体|(?:腿|脚|胸|身材|私房|内衣|泳衣)照|(?:脚|腿|胸|下面|屁股)(?:给|俾)(?:他|她|佢)(?:看|睇))|(?<!医生|护士|大夫)(?:网友|大叔|叔叔|陌生人|男人|有人)[^。！？!?]{0,8}?(?:让|叫|要|逼|一直要|老是要|哄)我(?:在[^。！？!?]{0,6}?)?(?:开视频|开视讯|开摄像头|视频的时候)?(?:把衣服)?(?:脱(?:掉)?(?:衣服|裤子)|脱光|不穿衣服|除衫|除晒衫|除裤)(?![^。！？!?]{0,6}(?:检查|看病|体检|洗澡|换|睡觉|游泳))|(?:让|叫|要|逼|哄)我(?:脱(?:掉)?(?:衣服|裤子)|脱光|除衫|除晒衫)[^。！？!?]{0,4}?(?:拍|发|传|影|视频|给他看|给她看|俾佢睇)|(?:网友|大叔|叔叔|陌生人|男人|有人)[^。！？!?]{0,8}?(?:让|叫|要|逼|一直要|老是要)我(?:开(?:视频|视讯|摄像头))?(?:给|俾)(?:他|她|佢)(?:看|睇)(?:我的?)?(?:身体|下面|胸)|(?:网友|大叔|叔叔|陌生人|男人|有人|他)[^。！？!?]{0,6}?(?:给|俾)我(?:发|传)(?:了|咗)?(?:他的|她的|佢嘅|一些|很多|好多)?(?:裸照|裸体照|不雅照|私密照|下体|裸体)|(?:网友|陌生人|大叔)[^。！？!?]{0,6}?(?:说)?要(?:来|到)我(?:的|嘅)?(?:学校|家|小区|家门口)(?:门口)?(?=$|[。！!，,…]|找我|接我|见我|等我)|(?:叔叔|网友|大叔|男人|陌生人|有人|他)[^。！？!?]{0,6}?(?:给我|送我|俾我)(?:钱|红包|礼物|皮肤|点券|零花钱)[^。！？!?]{0,4}?(?:让|叫|要)我(?:陪(?:他|她|佢)(?=$|[。！!，,]|睡|过夜|瞓)|去他家|去酒店|去宾馆|跟他走)|(?:拿|用)我的(?:照片|相片|视频|裸照|私密照)(?:来)?(?:威胁|要挟|勒索)我|(?:说|威胁|扬言|要|会)(?:要|会)?把我的(?:照片|相片|视频|裸照|私密照)(?:发|传|公开|曝光|放|贴)|威胁(?:我)?(?:说)?要?(?:发|公开|曝光|传)(?:出去)?我的(?:照片|相片|视频|裸照|私密照)|我(?:不|不再)(?:给|发|转)(?:他|她)?(?:钱|红包|照片|视频)?就(?:要|会)?把(?:我的?)?(?:照片|相片|视频|裸照|私密照|聊天记录)?(?:发|传|公开|曝光|放|贴)(?:出去|到网上|给)|(?:网友|大叔|叔叔|陌生人|男人|有人)[^。！？!?]{0,8}?(?:问|打听|套|要)我(?:住(?:在)?哪|家(?:在|住)哪|的(?:家庭)?(?:地址|住址)|在哪(?:个学校|上学|读书))/ },
  // Neglect: nothing to eat at home, left alone for days.
  // 我三天没饭吃了: no food to be had, not only none eaten.
  { id: "zh.abuse.neglect", category: "abuse", pattern: new RegExp(`(?:家里|我家|屋企)(?:已经|好几天|几天)?(?:没有|没|冇)(?:吃的|饭吃|东西吃|食物|嘢食|人管我)(?![^。！？!?]{0,8}(?:叫外卖|点外卖|出去吃|去吃|买菜|超市|去买|买吃的|买餸))|(?:爸|妈|爸爸|妈妈|父母|他们)[^。！？!?]{0,4}?(?:好几天|几天|一个星期|一个礼拜|好多天)(?:都)?不(?:回家|管我|给我饭)|(?:^|我)(?:们|们家)?(?:已经|都|快|有|整整|连续)*${ZH_DAYS}(?:了)?(?:都)?(?:没|没有|冇)(?:饭|东西|吃的|嘢)(?:可)?(?:吃|食)|${ZH_NOT_EATEN_FOR_DAYS}[^。！？!?]{0,12}?(?:${ZH_KEPT_FROM_FOOD})|(?:${ZH_KEPT_FROM_FOOD})[^。！？!?]{0,12}?${ZH_NOT_EATEN_FOR_DAYS}|(?:爸|妈|爸爸|妈妈|爸妈|父母|继父|继母|后爸|后妈|他|她|他们)[^。！？!?]{0,4}?(?:说|骂)我不配吃(?:饭|东西)`) },
  // Days without food, no reason given: no food at home, or not eating on purpose (settle()).
  {
    id: "zh.not-eating.days",
    category: "not_eating",
    pattern: new RegExp(ZH_NOT_EATEN_FOR_DAYS + ZH_LAUGHED_OFF),
    unless: { before: new RegExp(`(?:${ZH_OWN_REASON_NOT_TO_EAT})[^。！？!?]{0,12}$`), after: new RegExp(`^[^。！？!?]{0,16}(?:${ZH_OWN_REASON_NOT_TO_EAT})`) },
  },
  // Someone the student knows (the rules above also match, as 想自杀 is in the sentence): the
  // card then asks the student to tell an adult about their friend.
  // Not a homework hypothetical: 如果朋友说想自杀，我们应该怎么做 (如果我朋友想自杀 still alerts) (a red team, 7 December, Chinese pass).
  { id: "zh.suicide.friend", category: "suicide", pattern: new RegExp(`(?<!(?:如果|假如|要是|万一|假设|当)(?:你的?|我们的?)?)${FRIEND_ZH}[^,，。.!！?？]{0,8}?(?<!累得|笑得|饿得|热得|困得|烦得|闷得|无聊得)(?:(?:想|说想|一直想)(?:去)?死(?![你您他她它海神党记])|(?:想|要|打算|准备|说要|说想|试过|尝试|一直想)(?:去)?(?:自杀|轻生|跳楼|割腕|上吊|结束(?:自己的)?生命))${FRIENDS_SECRET_ZH}`) },
  { id: "zh.self-harm.friend", category: "self_harm", pattern: new RegExp(`${FRIEND_ZH}[^,，。.!！?？]{0,6}?(?:手上|手臂上|手腕上|腿上)(?:全是|都是|有很多|有好多)(?:刀)?疤${FRIENDS_SECRET_ZH}|${FRIEND_ZH}(?:(?!写|读|看|关于|有关|篇|本|报告)[^,，。.!！?？]){0,8}?(?:在|会|经常|一直|又|偷偷)?(?:自残|自伤|割腕|划手(?!机|指)|割手(?!机|指)|割自己|伤害自己|划自己|𠝹手|鎅手)${FRIENDS_SECRET_ZH}`) },
  { id: "zh.abuse.friend", category: "abuse", pattern: new RegExp(`${FRIEND_ZH}[^,，。.!！?？]{0,6}?(?:爸|妈|爸爸|妈妈|继父|继母|后爸|后妈|叔叔|舅舅|哥哥)[^,，。.!！?？]{0,4}?(?:打(?!败|扮|电话|游戏)|揍|踢|虐待|性侵|猥亵|摸(?!摸))(?:了)?(?:她|他)(?!电话|手机|的电话|的头|的脸|的手)|${FRIEND_ZH}[^,，。.!！?？]{0,4}?(?:被|遭到|受到)(?:了)?(?:家暴|虐待|性侵|猥亵|强奸)|${FRIEND_ZH}[^,，。.!！?？]{0,4}?被(?:她|他)?(?:爸|妈|爸爸|妈妈|继父|继母|后爸|后妈)[^,，。.!！?？]{0,3}?(?:打(?!败|扮|电话|游戏)|揍|虐待|摸(?!摸))|${FRIEND_ZH}[^,，。.!！?？]{0,6}?(?:被|让|叫)[^,，。.!！?？]{0,6}?(?:拍|发)(?:了)?(?:裸照|私密照)`) },
  { id: "zh.danger.friend", category: "danger", pattern: new RegExp(`${FRIEND_ZH}[^,，。.!！?？]{0,6}?(?:要|想|打算|准备|已经|又)?离家出走(?!的)|${FRIEND_ZH}(?:她|他|佢)?(?:已经|又)?(?:失踪|不见)了`) },
  // self-harm
  // …fingers down the throat (吃完都抠喉咙吐出来) and guilt then vomiting (吃了东西就会很内疚然后去吐掉) (a red team, 7 December, Chinese pass).
  { id: "zh.self-harm.again", category: "self_harm", pattern: /(?:又|忍不住又?)(?:划|割|𠝹|鎅)(?:(?:了|咗)(?=$|[。!！…,，]|手(?!机|指)|自己)|手(?!机|指)|自己)|我(?:每次)?吃完(?:饭)?(?:就)?(?:去)?(?:吐(?![槽骨皮核籽刺])|催吐)(?![^。！？!?]{0,12}(?:肠胃炎|生病|发烧|晕车|食物中毒|感冒))|(?:我|又|偷偷|每次)(?:每天|经常|天天|总是|一直|老是|每次|都|在|会|去)*催吐|又想(?:划|割|𠝹|鎅)(?:了|手(?!机|指)|自己)|我(?:已经)?(?:割|划)了(?:好几|很多|几|无数)次|故意不吃饭|(?:故意|偷偷)(?:饿|饿着)自己|(?:吃完|吃了|吃过|吃多了|饭后|每次吃)[^。！？!?]{0,8}?(?:抠|扣|挖)(?:喉咙|喉|嗓子)(?![^。！？!?]{0,8}鱼刺)|(?:吃完|吃了)[^。！？!?]{0,10}?(?:内疚|罪恶感|负罪感|愧疚)[^。！？!?]{0,8}?(?:吐|催吐|抠喉)(?![槽骨皮核籽刺])/ },
  // With what and where: 我拿圆规扎自己, 手臂上全是我自己划的伤, 我用头撞墙撞到流血 (a red team, 7 December, fourth pass).
  // 割手抓饼 (a pancake) is not a hand (a red team, 7 December, Chinese pass).
  { id: "zh.self-harm", category: "self_harm", pattern: /(?:拿|用)[^。！？!?]{0,6}?(?:刀|刀片|圆规|针|剪刀|美工刀|小刀|烟头|打火机)(?:扎|刺|戳|割|划|烫|烧)(?:我)?自己(?![^。！？!?]{0,3}(?:的?(?:手指|指甲)|一下就好))|(?<!(?:不小心|唔小心|切菜|做饭|煮饭|削|剪)[^。！？!?]{0,3})自己(?:划|割|𠝹|鎅|烫)(?:的|出来的|嘅)(?:伤|疤|口子|伤口|刀口)|我(?:又|经常|总是|一直|故意|会|成日)?(?:用头)?撞(?:墙|头)(?:撞)?(?:到|得)(?:流血|出血|头破血流)|(?<!什么是|什么叫|关于|如何看待)(?:(?:自残|自伤)(?![的嘅](?:朋友|同学|闺蜜|人|孩子|学生|青少年))|割腕|划手(?!机|指|抓)|割手(?!机|指|抓)|割自己|伤害自己|划自己|打自己(?!的?脸)|掐自己|烫自己|(?<!小心|唔小心)(?:割|划|𠝹|鎅)(?:咗|了)自己(?![的嘅]?手指)|(?:想|要|准备|打算)(?:去|拿刀)?(?:捅|刺|扎|砍|烧)自己|𠝹手|鎅手|𠝹自己|鎅自己)/ },
  // A blade or a flame on a part of the body, words carved, strokes counted: 我拿美工刀割大腿, 我用打火机烫手臂,
  // 我用刀在手上刻了他的名字, 我又在手臂上划了好多道, 我又用剃刀片𠝹咗手 — not a cat's scratches, not cooking
  // (a red team, 7 December, Chinese pass).
  {
    id: "zh.self-harm.blade",
    category: "self_harm",
    pattern:
      /(?:用|拿)[^。！？!?]{0,6}?(?:剃刀片|刀片|剃刀|美工刀|小刀|𠝹刀|鎅刀|刀|圆规|针|剪刀|碎玻璃|玻璃|打火机|烟头)(?:来)?(?:划|割|𠝹|鎅|扎|刺|戳|烫|烧)(?:了|咗|过|伤)?(?:我的?|我嘅)?(?:手臂|手腕|胳膊|大腿|大髀|腿|手背|肚子|皮肤|手(?![指机工套抓])|脚(?![趾指]))|(?:用|拿)[^。！？!?]{0,6}?(?:刀片|刀|圆规|针|美工刀|小刀)在(?:我的?|自己的?)?(?:手臂|手腕|胳膊|大腿|腿|手背|肚子|皮肤|身|手)上(?:刻|划|割|𠝹|鎅)|(?:用|拿)[^。！？!?]{0,6}?(?:刀片|刀|美工刀|小刀|圆规|剃刀)(?:又)?(?:划|割|𠝹|鎅)(?:了|咗)(?:好多|好几|很多|几|无数|十几|[二三四五六七八九十]|\d+)(?:道|刀|下|条)|(?:手臂|手腕|胳膊|大腿|腿|手背)上(?:又)?(?:划|割|刻|𠝹|鎅)(?:了|咗)(?:好多|好几|很多|几|无数|十几|[二三四五六七八九十]|\d+)(?:道|刀|条)/,
    unless: { before: /(?:猫|狗|仓鼠|兔子|鹦鹉|树枝|荆棘|不小心|唔小心|切菜|做饭|煮饭|削|切水果|手工课|摔)[^。！？!?]{0,10}$/, after: /^[^。！？!?]{0,8}(?:不小心|唔小心|切菜|削苹果|做饭)/ },
  },
  // abuse. 打我 but not 打我电话 (phones me) or 打死我也 (an idiom).
  {
    id: "zh.abuse.hits-me",
    category: "abuse",
    // …扇, 踹, 掐着我的脖子, 我繼父常常打我媽, 身上的淤青是我爸打的 — not 我会被我妈打死的 (a scolding foreseen) (a red team, 7 December, Chinese pass).
    // …and 砸我 (我爸喝醉了用酒瓶砸我) (a red team, 7 December, fourth pass).
    pattern:
      /(?:他|她|佢|他们|佢哋|爸|妈|爸爸|妈妈|老爸|老妈|阿爸|阿妈|老豆|老窦|父亲|母亲|继父|继母|后爸|后妈|哥|哥哥|姐|叔叔|舅舅|伯伯|爷爷|老师|教练|男朋友|家人|家里人|同学|同学们|男生|女生|班上的人|他们几个)[^,，。.!！?？;；]{0,12}?(?:打|揍|踢|踹|扇|掐|勒|虐待|烫|关|锁|抽|砸)(?:了|咗|得)?我(?!们|爸|妈|哥|姐|弟|妹|电话|手机|的(?:电话|手机|排位|号|账号|分|小报告)|游戏|一下就跑|也不)(?![^。！？!?]{0,12}(?:在玩|玩呢|闹着玩|开玩笑|打着玩|玩游戏))|(?<!会|肯定|一定|绝对|铁定|准|肯定会|一定会|应该会)被(?:我的?)?(?:爸|妈|爸爸|妈妈|老爸|老妈|阿爸|老豆|老窦|继父|继母|后爸|后妈|家人|叔叔|哥哥)[^,，。.!！?？]{0,4}?(?:打|揍|踢|踹|扇|抽)(?![^。！？!?]{0,6}(?:笑话|游戏|视频))|(?:我)?(?:爸|爸爸|老爸|老豆|继父|后爸)(?:又|都|经常|常常|总是|老是|一直|天天|每天|每次|成日|喝醉了就|喝醉就|喝醉了|喝醉|一喝酒就|喝了酒就|饮醉就|饮醉酒就)*(?:打|揍|踢|踹|扇)(?:了)?(?:我)?(?:妈|妈妈|老妈|阿妈)(?!的?电话|的?手机|的?麻将|的?牌)|(?:我)?(?:妈|妈妈)(?:又|经常|总是|一直)?被(?:我)?(?:爸|爸爸|老爸|继父|后爸)(?:打|揍|踢)|(?:掐|勒|卡)(?:着|住|紧)(?:了)?我(?:的)?(?:脖子|喉咙|颈)|(?:伤|淤青|瘀青|瘀伤|瘀|疤|伤痕|伤口|红印|巴掌印|手印)(?:都)?(?:是|系)(?:我的?)?(?:爸|妈|爸爸|妈妈|老爸|老妈|老豆|阿爸|阿妈|继父|继母|后爸|后妈|哥哥|叔叔|他|她|他们|佢|佢哋)(?:用[^。！？!?]{0,4})?(?:打|揍|踢|踹|掐|烫|抽|扇)(?:的|出来的|嘅|咗)/,
  },
  // Cantonese (a red team, 7 December): 俾/畀 for 被 (我俾老豆打) — not 打机, 打波, 打电话 ("let me play",
  // "ring") — and 打到我 with what it did (阿爸打到我好痛, 打到我流血), not 佢打到我嘅球.
  {
    id: "zh.abuse.hits-me-cantonese",
    category: "abuse",
    // …打到我周身瘀晒, not 會俾阿媽打死 (a red team, 7 December, Chinese pass).
    pattern:
      /(?<!会|肯定|一定|实|梗系|梗|肯定会)(?:俾|畀)(?:我的?|我嘅)?(?:爸|妈|爸爸|妈妈|老爸|老妈|阿爸|阿妈|老豆|老窦|老母|继父|继母|后爸|后妈|家人|屋企人|叔叔|哥哥|家姐)[^,，。.!！?？]{0,3}?(?:打|揍|踢|抽|虾)(?!机|游戏|波|球|电话|针|牌|麻将|边炉|卡|工|字|扮|扫|篮|排|羽|乒|[a-z])|(?:他|她|佢|佢哋|他们|爸|妈|爸爸|妈妈|老爸|老妈|阿爸|阿妈|老豆|老窦|老母|继父|继母|后爸|后妈|叔叔|哥哥|家姐)[^,，。.!！?？]{0,6}?(?:打|揍|踢)(?:到|得)我(?:好|很|都|成身|全身|周身|浑身|一身|个头|块面)?(?:痛|疼|流血|出血|受伤|瘀|青|喊|哭|晕)/,
  },
  // 把我… (the blow said with 把): 我爸把我打得全身都是淤青, 把我往墙上撞, 把我推下楼梯, 把我的头按进水里, 班上男生把我按在
  // 地上打, 把我堵在厕所里打, 把我关在厕所里 — not 把我推醒, 把我打败, a game or play (a red team, 7 December, Chinese pass).
  {
    id: "zh.abuse.held-down",
    category: "abuse",
    pattern:
      /把我(?:的头)?(?:打|揍)(?:得|到|了|成|伤|哭|出血|肿|一顿)|把我(?:往|向)[^。！？!?]{0,4}?(?:墙|地|桌|柜|门|楼梯)(?:上|角|边)?(?:撞|摔|砸|推|扔|甩|按)|把我(?:推|踢|踹|扔|摔)(?:下|出|落)(?:了)?(?:楼梯|楼|床|窗|阳台)|把我(?:的头|的脸)?(?:按|摁|压)(?:进|入)(?:水里|水中|水盆|水桶|马桶)|把我(?:按|摁|压)在(?:地上|墙上|床上|桌上)[^。！？!?]{0,3}?(?:打|揍|踢|踹|掐)|把我(?:堵|关|锁|拖|拉)(?:在|到|进)[^。！？!?]{0,6}?(?:打|揍|踢|踹)(?!游戏|球|篮球|牌|电话|机)|把我(?:关|锁)(?:在|进)(?:厕所|储物间|器材室|仓库|柜子|衣柜|地下室)(?!外)/,
    unless: { after: /^[^。！？!?]{0,12}(?:游戏|王者|比赛|排位|落花流水|毫无还手|在玩|闹着玩|开玩笑|打闹|哈哈|挠痒)/ },
  },
  // …by a cousin while the student sleeps (表哥趁我睡觉的时候摸我), and 偷看我洗澡 (a red team, 7 December, fourth pass).
  // …让我摸他下面, 手伸进我衣服里, 脱我裤子, 强行亲我, 大髀, 趁家里没人, 叫我不能说出去, 叫我不要跟家人讲 — not a parent's
  // small secret from the other parent (妈妈叫我别告诉爸爸她给我买了新手机) or a teacher's about marks (a red team, 7 December, Chinese pass).
  { id: "zh.abuse.abused", category: "abuse", pattern: /(?:被|俾)(?:人|他|佢|叔叔|阿叔)?非礼|非礼(?:了|咗)?我|阿叔摸(?:了|咗)?我|(?:被|遭到|受到)(?:了)?(?:家暴|虐待|性侵|猥亵|强奸|侵犯|性骚扰)|家暴我|性侵我|猥亵我|(?:摸|掂|揩|抚摸)我(?:的|嘅)?(?:身体|下面|下体|隐私|胸|屁股|私处|大腿|大髀)|(?:他|她|佢|有人|有个(?:大人|男人|叔叔)|叔叔|舅舅|伯伯|继父|后爸|哥哥|表哥|堂哥|姑父|姨父|爷爷|外公|邻居|继兄|老师|教练)(?:晚上|半夜|夜里|经常|一直|总是|又|偷偷|老是|趁我睡着|趁我(?:睡着|睡觉|瞓觉|不注意|一个人)(?:的时候|嘅时候)?|成日|趁(?:家里|屋企)?(?:没人|冇人|没有人)(?:的时候|嘅时候)?)*摸(?:了|咗)?我(?![的嘅]?(?:头|脸|額|额|手))|(?:让|叫|要|要求|逼|强迫)我(?:不要|别|唔好|不准|不许|不能)(?:告诉|同|跟|和|对)(?:别人|任何人|人|家长|爸妈|老师|家人|家里人|父母|屋企人|爸爸妈妈)(?![^。！？!?]{0,16}(?:惊喜|成绩|分数|考试|答案|剧透))|(?:让|叫|要|要求|逼|强迫)我(?:不要|别|唔好|不准|不许|不能)(?:告诉|同|跟|和|对)(?:妈妈|爸爸)(?<!(?:妈妈|妈|爸爸|爸|老妈|老爸|奶奶|爷爷|外婆|外公)(?:叫|让|要)我(?:不要|别)(?:告诉|跟|和|对)(?:妈妈|爸爸)(?=[^。！？!?]{0,16}?(?:买|零花钱|红包|手机|游戏|惊喜|生日|礼物|成绩|分数|考试)))|(?:让|叫|要|要求|逼|强迫|威胁)我(?:不要|别|唔好|不准|不许|不能|唔准)(?:说出去|讲出去|说出来|讲出来|话出去|讲俾人知|话俾人知)(?![^。！？!?]{0,16}(?:惊喜|生日|答案|剧透|结局))|(?:让|叫|要|逼|强迫)我(?:唔好|不要|别|唔准)(?:话|讲|说)(?:俾|畀|给)(?:人|任何人|别人|屋企人|老师|阿妈|阿爸|妈妈|爸爸)(?:知|听)?(?![^。！？!?]{0,16}(?:惊喜|生日|礼物|秘密基地|答案))|(?:让|叫|要|逼|强迫)我(?:发|拍|给他看)(?:裸照|裸体|私密照)|强迫我(?:做|脱|摸|跟他|和他|发生)|偷(?:看|睇|拍|影)我(?:洗澡|冲凉|换衣服|换衫|上厕所|裙底)|(?:逼|硬要|非要|强迫)我(?:做|跟他|和他|同他|跟她|和她)(?:那种事|那个事|那种事情|做爱|睡觉|睡|发生关系|上床)|(?:让|叫|要|逼|强迫|哄)我(?:摸|掂|舔|亲)(?:他|她|佢)(?:的|嘅)?(?:下面|下体|那里|私处|鸡鸡|身体|胸|屁股|大腿|大髀)|手(?:伸|放|摸)(?:进|入|到)(?:了|咗)?我(?:的|嘅)?(?:衣服|裤子|内衣|内裤|裙子|裙底|衫|校服)(?:里|下面|入面)?(?![^。！？!?]{0,6}(?:出汗|冷不冷|挠痒))|(?<!帮|医生|护士|检查)(?:脱|扒|除)(?:了|掉|咗)?我(?:的|嘅)?(?:裤子|衣服|内裤|内衣|裙子|衫|裤)(?![^。！？!?]{0,6}(?:检查|看病|体检|洗澡|换))|强行(?:亲|吻|摸|抱|搂|脱)(?:了|咗)?我|强吻(?:了|咗)?我/ },
  // 他说这是我们之间的秘密，不能告诉爸妈: secrecy asked for by someone (found in a 13-year-old's walk).
  { id: "zh.abuse.our-secret", category: "abuse", pattern: /(?:他|她|叔叔|网友|教练|老师|大叔|哥哥|男朋友|继父|后爸|邻居)[^。！？!?]{0,8}?说[^。！？!?]{0,4}?(?:这是|这个是|是)?我们(?:俩|两个)?(?:之间)?的(?:小)?秘密|我们(?:俩|两个)?(?:之间)?的(?:小)?秘密[,，]?(?:你)?(?:不能|不要|别|不准|不许)(?:告诉|跟|和|对)(?:爸妈|父母|家长|妈妈|爸爸|家里人)/ },
  // …and days without food for weight or on purpose: 为了减肥我三天没吃饭, 我故意三天没吃饭, …是故意的.
  {
    id: "zh.self-harm.not-eating-to-be-thin",
    category: "self_harm",
    // …要瘦到80斤，一个星期只喝水 (a red team, 7 December, Chinese pass).
    // …and 我每天只吃一个苹果，想瘦 (a red team, 7 December, fourth pass).
    pattern: new RegExp(
      `(?:没吃饭|不吃饭|没吃东西|不吃东西|不想吃饭|不想吃东西|没怎么吃|饿着自己|节食)[^。！？!?]{0,12}?(?:想|为了|要|就能|才能)(?:再|变|更|变得)?(?:瘦|变瘦)|(?:为了|想|要)(?:再|变|更)?瘦[^。！？!?]{0,12}?(?:不吃饭|没吃饭|不吃东西|饿着自己|什么都不吃|只喝水|只喝白开水|只饮水)|(?:为了|在|要)减肥[^。！？!?]{0,6}?${ZH_NOT_EATEN_FOR_DAYS}|${ZH_NOT_EATEN_FOR_DAYS}[^。！？!?]{0,10}?(?:减肥|是故意的|故意不吃|不敢吃|怕胖|怕变胖|(?:因为)?(?:我|自己)(?:好|太|很|特别|有点|这么|那么|越来越)胖)|(?:我|自己)(?:好|太|很|特别|有点|这么|那么|越来越)胖[^。！？!?]{0,12}?${ZH_NOT_EATEN_FOR_DAYS}|故意${ZH_DAYS}?(?:了)?(?:都)?(?:不|没|没有)(?:吃饭|吃东西)|我(?:每天|一天|天天)(?:只|就只|只能)吃(?:一个|一点|半个|一口|一顿|几口)[^。！？!?]{0,8}?(?:想|为了|要|才能)(?:再|变|更)?(?:瘦|减肥)`,
    ),
  },
  { id: "zh.abuse.unsafe-home", category: "abuse", pattern: /不敢回家|(?:在)?家(?:里)?(?:很|好|不)?不安全(?!吗|么|嘛)|害怕回家/ },
  // …food refused (我后妈不让我吃饭, not 就不让我吃饭, a threat), kneeling for a night (罚我跪了一晚上), 我哥晚上会钻进我被窝
  // (not into his own bed) (a red team, 7 December, Chinese pass).
  { id: "zh.abuse.more", category: "abuse", pattern: /(?:让|叫|要|要求|逼)(?![^。！？!?]{0,40}(?:惊喜|生日|礼物))我(?:发|拍|影|给他看)(?:照片|相片|相|自拍|裸照|私密照)[^。！？!?]{0,16}?(?:不让|不要|别|唔好|不准|不许)(?:我)?(?:告诉|同|跟|讲|说)|(?:叫|让|要)我(?:send|发)(?:裸照|nudes)|被(?:我)?(?:的)?(?:叔叔|舅舅|伯伯|继父|后爸|爸爸|哥哥|老师|教练|表哥|邻居|男人|陌生人)摸(?:了|过)|(?:继父|后爸|叔叔|舅舅|爸爸|哥|表哥|堂哥|继兄|姑父|姨父|爷爷|外公)[^,，。]{0,4}?(?:晚上|半夜|夜里)(?:会|经常|总是|老是)?(?:进|跑进|钻进|入|走入|走进|闯入)(?:(?:我的?|我嘅)?(?:房间|房(?!子|租|价|东))|(?:我的?|我嘅)(?:被窝|床))(?![^。！？!?,，]{0,3}(?:帮我|给我|看我|叫我|盖被|关灯|拿|打游戏|玩|找|借|吵|聊天))|(?:没人|没有人)给我饭吃|(?:爸|妈|爸爸|妈妈|父母|奶奶|爷爷|阿嬷|阿公|外婆|外公|姥姥|继母|后妈|继父|后爸|他们|家里人)(?:不|从来不|都不)给我(?:饭吃|吃饭|吃的)(?=$|[。!！…,，]|了)|(?:爸|妈|爸爸|妈妈|父母|奶奶|爷爷|继母|后妈|继父|后爸|他们|家里人|屋企人|阿妈|阿爸)(?:都|总是|经常|又|从来)?(?<!就)(?:不让|不准|不许|唔俾|唔畀|唔准)我(?:吃饭|吃东西|食饭|食嘢)(?=$|[。!！…,，]|了)|罚我(?:跪|站|跪着)(?:了)?(?:一晚上|一整晚|整晚|一夜|一整夜|一整天|一天|好几个小时|几个小时|[两三四五六七八九十]个(?:多)?小时|通宵)|罚我(?:睡|睡在|瞓)(?:在)?(?:门外|阳台|外面|地上|街上|厕所)|把我(?:关|锁)在(?:门外|外面|房间|厕所|阳台)(?:里)?(?:一整晚|一晚上|整晚|好几天|一天)/ },
  // immediate danger
  { id: "zh.danger.harm-others", category: "danger", pattern: /(?:要|想|打算|准备|会)(?:偷偷)?(?:带|拿)(?:着)?(?:刀|刀子|菜刀|水果刀|枪|凶器)(?![叉])(?:去|到|进)(?:学校|班|教室)|(?:要|想|打算|准备)(?:去)?(?:捅|砍)(?:死)?(?:他|她|他们|她们|人|同学|老师|那个)/ },
  // …我被赶出家门了 (no one named), 跟蹤緊我, a parent who says they will kill the child (我爸说要打死我 —
  // not 再…就要打死我, a threat of the everyday kind), a knife held up (我爸拿刀威胁我), someone breaking
  // in (有人在撬我家的门), hiding from a drunk parent (…我躲在厕所) (a red team, 7 December, fourth pass).
  // …同学说明天要带刀来砍我, 威胁我如果告诉老师就弄死我, 拿着刀说要砍死我们, Cantonese 跟住我, 我爸在砸门, 被人关在…出不去
  // (not a lift or an escape room); 杀我一局 (a game) passes (a red team, 7 December, Chinese pass).
  { id: "zh.danger", category: "danger", pattern: /(?:把我|我被(?:我的?)?(?:爸妈|父母|爸|妈|爸爸|妈妈|家里人|继父|继母|后爸|后妈)?)赶出(?:了)?(?:家门|家(?![长教]))|(?:有人|陌生人|有个(?:陌生人|男的|男人|人))(?:一直|在|老是|总是|经常)*(?:跟踪|跟着|跟住|跟紧)(?:紧)?我(?!哋|学|玩|一起|做|练|去|走|回家吃饭)|(?:有人|他|她|他们)(?:说|话)?要(?:杀|砍|捅|打死|弄死|打)(?:了)?我(?!电话|手机|的|们|屁股|一局|一把)|(?:说|话|讲|扬言)[^。！？!?,，就再]{0,6}?要(?:带刀|拿刀|揸刀)?(?:来|去)?(?:杀|砍|捅|弄死|掐死)(?:了|死)?我(?!电话|手机|的|们|屁股|一局|一把)(?![^。！？!?]{0,6}(?:哈哈|开玩笑|😂|🤣))|威胁我[^。！？!?]{0,12}?(?:就|会|要)(?:要|会)?(?:杀|砍|捅|打死|弄死|掐死|伤害|杀了|搞死)(?:了)?(?:我|我妈|我家人|我全家|我爸)|(?:放学|下课)(?:后)?(?:要|会|说要)(?:堵|打|揍)我|我(?:今晚|今天|明天|现在|马上)?(?:就)?(?:要|想|打算|准备|已经)(?:去)?离家出走(?![^。！？!?]{0,10}(?:旅行|去玩|开玩笑|哈哈))|我离家出走了|(?:我)?(?:现在)?(?:很|好)?危险(?:了)?[,，!！]?(?:救|帮)|威胁(?:要)?(?:杀|打|伤害)我|(?:爸|妈|爸爸|妈妈|老爸|老妈|继父|继母|后爸|后妈|哥哥|叔叔|老豆|阿爸|阿妈)(?:说|话|讲)(?<!就)要(?:杀|砍|捅|打死|弄死|掐死)(?:了)?我(?![^。！？!?]{0,6}(?:哈哈|开玩笑|😂|🤣))|(?:拿|用|举着|拿着|揸住)(?:刀|菜刀|刀子|枪|棍子|斧头|剪刀)[^。！？!?]{0,6}?(?:威胁|吓|指着|追|砍|捅|杀|砍死|捅死|杀死|杀了)(?:了)?我|有人(?:在|正在)?(?:撬|砸|踹)(?:我家|我们家|我房间|我的房间|我屋企)(?:的|嘅)?(?:门|窗)|(?:爸|妈|爸爸|妈妈|老爸|老豆|阿爸|继父|后爸|他|他们|佢|佢哋)(?:在|正在|一直在|一直|喺度)?(?:砸|踹|劈|撞)(?:我的?|我嘅)?(?:房)?门(?![^。！？!?]{0,6}(?:钉|装修|修|锁坏|钥匙))|(?<!(?:电梯|密室|游戏|副本|梦)[^。！？!?]{0,8})(?:被|俾)(?![^。！？!?]{0,12}(?:电梯|密室|游戏|副本|梦))(?:人|他|她|他们|佢|佢哋|陌生人|坏人)?(?:关|锁|困)(?:了)?(?:在|喺)[^。！？!?]{0,8}?(?:出不去|出唔到|走不了|逃不出|跑不掉|走唔甩)|(?:喝醉|饮醉|砸东西|发疯|拿着?刀|打人|打我妈|打妈妈)[^。！？!?]{0,12}?我(?:现在|只能|正在)?(?:躲|藏|匿)(?:在|喺)?(?:厕所|房间|卫生间|浴室|柜子|衣柜|床底|被子|房)(?:里|入面)?(?=$|[。！!，,…]|不敢|发抖|好怕|很怕|害怕)/ },
];

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Traditional characters that appear in the Chinese rules, folded to their simplified form. */
const TRAD_TO_SIMP: Record<string, string> = Object.fromEntries(
  [
    "殺杀", "著着", "沒没", "無无", "從从", "這这", "個个", "媽妈", "經经", "總总", "電电", "話话", "機机", "來来",
    "殘残", "傷伤", "劃划", "準准", "備备", "計计", "慮虑", "試试", "過过", "嘗尝", "結结", "樓楼", "橋桥", "藥药",
    "遠远", "會会", "們们", "麼么", "義义", "繼继", "後后", "師师", "體体", "隱隐", "蹤踪", "險险", "現现", "裡里",
    "裏里", "關关", "於于", "說说", "燒烧", "決决", "強强", "姦奸", "褻亵", "擾扰", "遭遭", "醉醉", "氣气", "親亲",
    "爺爷", "練练", "鎖锁", "燙烫", "頭头", "衝冲", "掉掉", "開开", "對对", "漢汉", "敢敢", "為为", "嗎吗", "點点",
    "樣样", "幾几", "劑剂", "諾诺", "餓饿", "飯饭", "東东", "絕绝", "顆颗", "讓让", "勸劝", "邊边", "變变",
    "厭厌", "農农", "潔洁", "層层", "馬马", "講讲", "聽听", "訴诉", "麼么",
  ].map((pair) => [pair[0]!, pair[1]!]),
);

/** Characters written in place of 死 to get past filters (亖, an old form of 四, sounds alike). */
const STAND_INS: Record<string, string> = { 亖: "死" };


/**
 * The two forms the rules read, from one reading of the text: base64 runs followed by what they say
 * (encoded-text.ts: "aSB3YW50IHRvIGRpZQ==" is read too), then each form's folding.
 */
export function crisisForms(text: string): { spaced: string; compact: string } {
  const plain = revealEncoded(text)?.text ?? text;
  return { spaced: normaliseForCrisis(plain), compact: compactForCrisis(plain) };
}

/** The skull is laughter here: "i want to 💀😂", "lmao i need to 💀", "so embarrassing i want to 💀". */
const LAUGHING = /\u{1F602}|\u{1F923}|\u{1F62D}|\blol\b|\blmao|\bhaha|\bfunny\b|\bhilarious\b|embarrass|\bcringe\b|\bim dead\b/u;

/** The text as the English rules see it. */
export function normaliseForCrisis(text: string): string {
  // Accents off the letters first ("díe", "kíll", "DİE"): NFKC keeps í a letter of its own, which
  // no rule spells (a walk with a model key, 7 December: each went to the model with no card).
  let s = foldLookalikeLetters(text.normalize("NFKC").normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC")).toLowerCase();
  s = s.replace(/\p{Cf}/gu, "");
  s = s.replace(/[\u2018\u2019\u02bc\u0060\u00b4']/g, "");
  // "havent eaten in 3 days" with the "i" left off, at the start of the message or of a sentence
  // or clause ("so tired. havent eaten in 3 days"): the "i" is put back (NOT_EATEN_FOR_DAYS).
  s = s.replace(/(^|[.!?;:,\n]\s*)((?:(?:ok|okay|so|honestly|tbh|ngl|bro|omg|yeah|um|well|idk|btw|also|literally|fr|lol|dude|guys|hey|hi|and|but)\s+)*)(?=(?:havent|havnt|haven|hvnt|have not|didnt|did not)\s+(?:eaten|ate|eat|had)\b)/g, "$1$2i ");
  // A dropped g on the verbs the rules read ("i been cuttin myself", "hurtin", "starvin"; a red
  // team, 7 December).
  s = s.replace(/\b(cutt|hurt|harm|burn|starv|kill|dy|hitt|punch|scratch|slitt|think)in\b/g, "$1ing");
  // "4ever" is "forever", not a look-alike "aever" ("i wanna sleep 4ever").
  s = s.replace(/\b4\s?ever\b/g, "forever");
  // Look-alike digits and symbols inside a word of letters ("k1ll", "su1c1de", "$elf").
  s = lettersForDigitsInWords(s);
  // A skull or a coffin for "die" after a wish ("i want to 💀"); alone it is laughter ("im 💀").
  if (!LAUGHING.test(s)) s = s.replace(/\b((?:want|wanna|wana|going|gonna|ready|need)(?: to)?\s*)(?:\u{1F480}|\u2620\uFE0F?|\u26B0\uFE0F?|\u{1FAA6})+/gu, "$1 die ");
  // A knife before "myself" is "stab" ("i want to 🔪 myself"; a red team, 7 December, fourth pass).
  s = s.replace(/\u{1F52A}\uFE0F?\s*(?=my\s?self\b)/gu, " stab ");
  // A knot for "hang" in the same place ("i want to 🪢 myself"; a sixth pass).
  s = s.replace(/\u{1FAA2}\uFE0F?\s*(?=my\s?self\b)/gu, " hang ");
  // Punctuation between letters is a space ("self-harm", "end.my.life"); repeated letters stay.
  s = s.replace(/[^\p{L}\p{N}\s]+/gu, " ");
  s = s.replace(/\s+/g, " ").trim();
  // "2" as "to" after an intent word ("i want 2 die").
  s = s.replace(/\b(want|wants|wanna|wnt|wana|going|gonna|need|ready|about|trying|try|plan|planning|deserve|wish i could) 2 (?=[a-z])/g, "$1 to ");
  // Letters spelled out one by one ("k i l l m y s e l f", "k m s") become one word.
  s = s.replace(/\b(?:[a-z] ){2,}[a-z]\b/g, (run) => run.replace(/ /g, ""));
  return s;
}

/**
 * One to three symbols between two Chinese characters, typed to split a word a filter looks for
 * (我想自*杀, 我想自/杀, 我想自.杀; a red team, 7 December, Chinese pass). Not 、 (a list's comma), not ~
 * (a tone: 想死~你了 stays apart), not 。 or a comma; a Latin full stop is one.
 */
const HAN_SPLIT = /(\p{Script=Han})[*/\\·•_|#^.+-]{1,3}(?=\p{Script=Han})/gu;

/**
 * A method half typed in pinyin when the input method is slow (我想tiao楼, 我想跳lou), and 自刹 (自剎,
 * a homophone typed to get past filters), read as the words they are (a walk with a model key,
 * 7 December). Each half only beside its other half: "tiao" alone is not 跳.
 */
const HALF_PINYIN_WORDS: Record<string, string> = {
  tiao楼: "跳楼",
  跳lou: "跳楼",
  ge腕: "割腕",
  割wan: "割腕",
  shang吊: "上吊",
  上diao: "上吊",
  自刹: "自杀",
};
const HALF_PINYIN = new RegExp(Object.keys(HALF_PINYIN_WORDS).join("|"), "g");

/** The text as the Chinese rules see it: no spaces, traditional folded to simplified. */
export function compactForCrisis(text: string): string {
  const s = text.normalize("NFKC").toLowerCase().replace(/\p{Cf}/gu, "").replace(/\s+/g, "");
  // The table first (its choices, e.g. 著 → 着, suit the rules), then every other traditional
  // character (Cantonese 飲, 竇, 輕…) and accents off pinyin ("sǐ" → "si"), then a symbol typed
  // inside a word to get past filters taken out (自*杀, 自/杀, 自.杀; HAN_SPLIT).
  return foldForWords([...s].map((c) => TRAD_TO_SIMP[c] ?? STAND_INS[c] ?? c).join(""))
    .text.replace(HAN_SPLIT, "$1")
    .replace(HALF_PINYIN, (half) => HALF_PINYIN_WORDS[half] ?? half);
}

// ---------------------------------------------------------------------------------------------
// Detection

const CATEGORY_ORDER: readonly CrisisCategory[] = ["suicide", "self_harm", "abuse", "danger", "not_eating"];

/**
 * The result of a message's matches. Not eating for days (`not_eating`) is read as either reading
 * only while the student's own words say neither: beside their own abuse or self-harm match (no
 * food at home, not eating to be thin, hurt at home, cutting) it is read in that light and
 * dropped. A friend's disclosure beside it does not settle the student's own.
 */
function settle(matches: CrisisMatch[]): CrisisResult {
  const reason = matches.some((m) => (m.category === "abuse" || m.category === "self_harm") && !isAboutAFriend(m.rule));
  const kept = reason ? matches.filter((m) => m.category !== "not_eating") : matches;
  const categories = CATEGORY_ORDER.filter((c) => kept.some((m) => m.category === c));
  return { matched: kept.length > 0, categories, matches: kept };
}

/**
 * Words held up to be translated, classified or explained, not said: "translate 'i want to die'
 * into french", "classify this sentence: …", "what does kms mean" — questions this course invites
 * about AI and language (a red team found them raising alerts). Not "say" in general: "when i say
 * i want to die nobody listens" is the student's own. Only the slang rules take "say" too ("why do
 * people say sewer slide"): those are words students ask about. Also a line given to someone else
 * or asked about (found by a red team with "i havent eaten in 3 days"): "the main character says
 * '…'", "in our play i have to say '…'", "is '…' a sad sentence?", "how do you say 我三天没吃饭了 in
 * english", “我三天没吃饭了”用英语怎么说 — never "how do i say it to my mum" or 怎么说出口, a child
 * asking how to tell.
 */
const WORDS_HELD_UP_BEFORE = /\b(?:translate|translated|translation of|classify|classified|sentence|phrase|sentiment of|label|labelled|labeled|example of|the words?|the term|abbreviation)\s*$|\b(?:(?:character|characters|narrator|protagonist|hero|heroine|villain) (?:says|said|say|saying|goes|shouts|whispers|writes|line is)|\b(?:in|for) (?:our|the|my|a|this) (?:play|script|skit|drama|scene|story|film|movie|roleplay|role play|audition|musical)\b.{0,40}\b(?:have to|need to|got to|gotta|get to|must|will|am going to|m going to) (?:say|shout|read|yell|whisper|cry)|my lines? (?:is|are)) (?:i (?:\w+ ){0,2})?$/;
const SAID_BEFORE = /\b(?:say|says|said|saying|type|types|typed|mean by)\s*$/;
/**
 * "…into french" is a language, not "pull me into his car" (a red team, 7 December, fourth pass:
 * any word after "into" read the match as words held up).
 */
const WORDS_HELD_UP_AFTER = /^\s*(?:mean|means|meaning|stand for|stands for|short for|into (?:french|english|chinese|mandarin|cantonese|spanish|german|japanese|korean|pinyin|italian|russian|arabic|hindi|portuguese|latin|welsh|polish|urdu|vietnamese|thai|another language|other languages|(?:simplified|traditional) chinese|emojis?|a (?:sentence|question|poem|haiku|song|story))|in (?:french|english|chinese|spanish|german|japanese|korean|pinyin)|(?:a|an) (?:\w+ ){0,2}(?:sentence|phrase|quote|statement|example))\b/;
const SLANG_RULES = new Set(["en.suicide.kms", "en.suicide.slang"]);
/**
 * The same in Chinese: 如果有人对AI说"我想死", 这句话, 翻译, a character's line (主角说：我想死), a lyric, and a homework
 * hypothetical (如果朋友说想自杀…; a red team, 7 December, Chinese pass). Not 说 alone: 我跟妈妈说我想死 is the student's own.
 */
const WORDS_HELD_UP_BEFORE_ZH = /(?:(?:对|跟|和|同|向)(?:ai|人工智能|机器人|模型|chatgpt|claude|它|聊天机器人)说|用户说|翻译|这句话[：:"“「]?|这句[：:"“「]|(?:主角|角色|人物|反派|女主|男主)(?:说|喊|想)|台词|歌词|howdoyousay|howwouldyousay|howdoisay|howtosay|translate|(?:如果|假如|要是|万一|假设|当)(?:你的?|我们的?)?(?:朋友|同学|别人|有人|一个人|某人|身边的人)(?:跟你|对你|跟我们|对我们)?(?:说|讲|表示|告诉你))(?:是)?[：:"“「]?我?[：:"“「]?$/;
/** …and after the words: 「我三天没吃饭了」用英语怎么说, "…in english", "「…」是什么意思" (a quotation's meaning; not 怎么说出口, a child asking how to tell someone). */
const WORDS_HELD_UP_AFTER_ZH = /^[了啦喇吗]*[”"」』'’]?(?:用|in|into|翻译成|译成|翻成)(?:英语|英文|中文|日语|法语|韩语|english|chinese|french|japanese|korean|spanish|german)|^[了啦喇吗]*[”"」』'’]?(?:怎么|如何|怎样)翻译|^[了啦喇吗]*[”"」』'’](?:是什么意思|什么意思)/;

function heldUp(rule: Rule, text: string, found: RegExpExecArray, zh: boolean): boolean {
  const before = text.slice(Math.max(0, found.index - (zh ? 16 : 80)), found.index);
  const after = text.slice(found.index + found[0].length, found.index + found[0].length + 30);
  if (zh) return WORDS_HELD_UP_BEFORE_ZH.test(before) || WORDS_HELD_UP_AFTER_ZH.test(after);
  return WORDS_HELD_UP_BEFORE.test(before) || WORDS_HELD_UP_AFTER.test(after) || (SLANG_RULES.has(rule.id) && SAID_BEFORE.test(before));
}

/** Whether the words around a match take it back (`Rule.unless`). */
function takenBack(rule: Rule, text: string, found: RegExpExecArray): boolean {
  if (!rule.unless) return false;
  const end = found.index + found[0].length;
  return !!rule.unless.before?.test(text.slice(Math.max(0, found.index - 100), found.index)) || !!rule.unless.after?.test(text.slice(end, end + 100));
}

/** Laughter or embarrassment around a match of a rule that jokes take back (`Rule.jokes`). */
function joked(rule: Rule, text: string, found: RegExpExecArray): boolean {
  if (!rule.jokes) return false;
  const end = found.index + found[0].length;
  return JOKING.test(text.slice(Math.max(0, found.index - 100), found.index)) || JOKING.test(text.slice(end, end + 100));
}

/** Laughing emoji, which the spaced text drops: read as "lol" by the not-eating rule alone. */
const LAUGHING_EMOJI = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}]/gu;
/** …and by the rules that jokes take back (`Rule.jokes`), with the skull ("i want to disappear 💀": "i'm dead"). */
const JOKING_EMOJI = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F480}]/gu;

/**
 * Days without food laughed off with an emoji right after ("i havent eaten in days 😂 whats for
 * lunch"): the rule is read again with the emoji as "lol" (LAUGHED_OFF). Only this rule: a child
 * in crisis may joke, and "i want to die 😂" still matches.
 */
function laughedOff(rule: Rule, text: string): boolean {
  if (rule.jokes && text.match(JOKING_EMOJI)) {
    const again = crisisForms(text.replace(JOKING_EMOJI, " lol ")).spaced;
    const found = rule.pattern.exec(again);
    return !found || takenBack(rule, again, found) || joked(rule, again, found);
  }
  if (rule.id !== "en.not-eating.days" || !text.match(LAUGHING_EMOJI)) return false;
  return !rule.pattern.test(crisisForms(text.replace(LAUGHING_EMOJI, " lol ")).spaced);
}

/**
 * Rules about a friend run first, and what they matched is blanked out before the student's own
 * rules run: "我朋友想自杀" is about the friend (想自杀 alone would read as the student's own), while
 * "my friend wants to kill herself and I want to die too" is about both.
 */
function matchFriendRulesFirst(friendRules: readonly Rule[], text: string, blank: string, matches: CrisisMatch[]): string {
  let rest = text;
  for (const rule of friendRules) {
    const found = rule.pattern.exec(rest);
    if (!found) continue;
    matches.push({ category: rule.category, rule: rule.id, text: found[0] });
    rest = rest.slice(0, found.index) + blank.repeat(found[0].length) + rest.slice(found.index + found[0].length);
  }
  return rest;
}

/**
 * Each table split once into its rules about a friend and the student's own: asking each rule's id
 * on every call cost more than running the rules (about 60 µs a message, read up to five times a turn).
 */
const splitByFriend = (rules: readonly Rule[]) => ({ friends: rules.filter((r) => isAboutAFriend(r.id)), own: rules.filter((r) => !isAboutAFriend(r.id)) });
const EN_SPLIT = splitByFriend(EN);
const ZH_SPLIT = splitByFriend(ZH);

/** Every rule's pattern, for warm-up.server.ts to compile before a student's message needs it. */
export function crisisRulePatterns(): RegExp[] {
  return [...EN, ...EN_RUN_TOGETHER, ...ZH].flatMap((rule) => [rule.pattern, ...(rule.unless ? [rule.unless.before, rule.unless.after] : [])].filter((p): p is RegExp => p instanceof RegExp));
}

/**
 * A message typed backwards to test the screen ("eid ot tnaw i", 了活想不我): a model reads it
 * as easily as forwards. Read forwards too, only when it looks backwards — English function words
 * spelt backwards outnumber them spelt forwards, or a Chinese sentence ends on 我 or starts on a
 * particle — so an ordinary message costs one test, not a second reading.
 */
const BACKWARDS_WORDS_EN = /(?<![\p{L}'])(?:ot|eht|ym|tnaw|annaw|dna|flesym|fles|ti|si|ma|mi|tnod|tnac|lliw|ekil|tsuj|ynam|woh|yhw|tahw|eid|llik|mrah|truh|evil|efil|dne)(?![\p{L}'])/giu;
const FORWARDS_WORDS_EN = /(?<![\p{L}'])(?:to|the|my|want|wanna|and|myself|it|is|am|im|dont|cant|will|like|just|many)(?![\p{L}'])/giu;
const BACKWARDS_ZH = /^[\s"“「]*(?:[了吧啊呢嘛]|杀自|殺自|残自|殘自|伤自|傷自|死想)|(?:我|么怎|麼怎|样怎|樣怎|何如)[\s。！？!?…~～.]*$/u;
/**
 * Words in backwards order, each spelt forwards ("die to want i", "myself hurt to how"): a
 * sentence that ends on "i" or "how", or starts on the word a crisis sentence ends on.
 */
const BACKWARDS_ORDER_EN = /(?:^|[\s,.!?])(?:i|im|how)[\s.!?]*$|^\s*(?:die|dead|myself|harm|life|tonight|suicide)\b/i;

function looksTypedBackwards(text: string): boolean {
  if (/\p{Script=Han}/u.test(text) && BACKWARDS_ZH.test(text)) return true;
  const backwards = text.match(BACKWARDS_WORDS_EN)?.length ?? 0;
  return backwards >= 2 && backwards > (text.match(FORWARDS_WORDS_EN)?.length ?? 0);
}

/**
 * The 1-as-l and spelled-out readings read the whole message again, once or twice: for a message
 * up to this long, as such messages are ("i want to kill myse1f", "h o w t o …"). A long one would
 * pay for them on every message that has a "1st" or a list "a b c d e f" in it.
 */
const OTHER_READINGS_UP_TO = 1_000;

export function detectCrisis(text: string): CrisisResult {
  const forwards = detectCrisisAsWritten(text);
  if (forwards.matched) return forwards;
  if (looksTypedBackwards(text)) {
    const letters = detectCrisisAsWritten([...text].reverse().join(""));
    if (letters.matched) return letters;
  }
  if (BACKWARDS_ORDER_EN.test(text)) return detectCrisisAsWritten(text.split(/\s+/).reverse().join(" "));
  // A 1 stands for an i ("k1ll", read so by the normaliser) or an l ("myse1f", "se1f harm"; a
  // fifth red-team pass): the other reading, only for a message with a 1 beside a letter; a 1
  // before an l stays an i there ("i want to k1ll myse1f").
  if (text.length <= OTHER_READINGS_UP_TO && /\p{L}1|1\p{L}/u.test(text)) {
    const ells = detectCrisisAsWritten(text.replace(/1(?=l)/g, "i").replace(/(?<=\p{L})1+|1+(?=\p{L})/gu, (ones) => "l".repeat(ones.length)));
    if (ells.matched) return ells;
  }
  // spelled out letter by letter: the letters parted into words again (spelled-out.ts)
  if (text.length <= OTHER_READINGS_UP_TO && hasSpelledOutRun(text)) {
    // each reading only when it parts a run into other words than the text already has
    const readings = new Set([respelled(text, false), respelled(text, true)]);
    readings.delete(text);
    for (const reading of readings) {
      const words = detectCrisisAsWritten(reading);
      if (words.matched) return words;
    }
  }
  return forwards;
}

function detectCrisisAsWritten(text: string): CrisisResult {
  const matches: CrisisMatch[] = [];
  const forms = crisisForms(text);
  const spaced = matchFriendRulesFirst(EN_SPLIT.friends, forms.spaced, " ", matches);
  // The English rules also see the letters-only spelling run together ("killmyself").
  const { compact } = forms;
  for (const rule of EN_SPLIT.own) {
    const found = rule.pattern.exec(spaced);
    if (found && !heldUp(rule, spaced, found, false) && !takenBack(rule, spaced, found) && !joked(rule, spaced, found) && !laughedOff(rule, text)) matches.push({ category: rule.category, rule: rule.id, text: found[0] });
  }
  for (const word of spaced.split(" ")) {
    if (word.length < 8) continue;
    for (const rule of EN_RUN_TOGETHER) {
      if (rule.pattern.test(word) && !matches.some((m) => m.rule === rule.id)) {
        matches.push({ category: rule.category, rule: rule.id, text: word });
      }
    }
  }
  if (/\p{Script=Han}/u.test(compact)) {
    const rest = matchFriendRulesFirst(ZH_SPLIT.friends, compact, "，", matches);
    for (const rule of ZH_SPLIT.own) {
      const found = rule.pattern.exec(rest);
      if (found && !heldUp(rule, rest, found, true) && !takenBack(rule, rest, found)) matches.push({ category: rule.category, rule: rule.id, text: found[0] });
    }
  }
  return settle(matches);
}

/**
 * Detection for a new message, also read together with the student's message before it: teens
 * type in bursts ("i just want to" ⏎ "die", "我想" ⏎ "死"), and each half alone says nothing.
 * A match already inside the earlier message alone is not counted again (it was handled then).
 */
export function detectCrisisInTurn(prompt: string, previous: string | null): CrisisResult {
  const own = detectCrisis(prompt);
  if (!previous?.trim()) return own;
  const before = new Set(detectCrisis(previous).matches.map((m) => m.rule));
  // Days without food, said after the reason ("theres no food at home" ⏎ "i havent eaten in 3
  // days"): the earlier message's reason counts again, as what this one means (settle).
  const settles = (m: CrisisMatch) => own.categories.includes("not_eating") && (m.category === "abuse" || m.category === "self_harm") && !isAboutAFriend(m.rule);
  const joined = detectCrisis(`${previous.slice(-200)}\n${prompt}`).matches.filter(
    (m) => (!before.has(m.rule) || settles(m)) && !own.matches.some((o) => o.rule === m.rule),
  );
  if (joined.length === 0) return own;
  return settle([...own.matches, ...joined]);
}

/** The flag codes a crisis match leaves on the message ("crisis_suicide", …). */
export function crisisFlags(result: CrisisResult): string[] {
  return result.categories.map((c) => `${CRISIS_FLAG_PREFIX}${c}`);
}

