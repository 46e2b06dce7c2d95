import { describe, expect, it } from "vitest";
import { crisisFlags, detectCrisis, detectCrisisInTurn, normaliseForCrisis } from "~/playground/crisis";

/** Disclosures that must reach an adult: English, 简体中文, 繁體中文, typos and indirect forms. */
const MUST_MATCH: [string, string][] = [
  // English, direct
  ["suicide", "I want to kill myself"],
  ["suicide", "i'm going to kill my self tonight"],
  ["suicide", "honestly kms"],
  ["suicide", "I want to unalive myself"],
  ["suicide", "thinking about how to unalive"],
  ["suicide", "I want to die"],
  ["suicide", "i just wanna die"],
  ["suicide", "I wish I was dead"],
  ["suicide", "i wish i had never been born"],
  ["suicide", "I want to end my life"],
  ["suicide", "sometimes I think about ending it all"],
  ["suicide", "I want to commit suicide"],
  ["suicide", "I have tried suicide before"],
  ["suicide", "I feel suicidal"],
  ["suicide", "im so suicidal rn"],
  ["suicide", "I've been thinking about suicide a lot"],
  ["suicide", "I'm going to take all my pills"],
  ["suicide", "i want to jump off the bridge"],
  ["suicide", "I want to hang myself"],
  // English, indirect
  ["suicide", "I don't want to be here anymore"],
  ["suicide", "i dont want to be alive any more"],
  ["suicide", "I don't want to live anymore"],
  ["suicide", "there's no reason to live"],
  ["suicide", "I have nothing to live for"],
  ["suicide", "everyone would be better off without me"],
  ["suicide", "they'd be happier if I was gone"],
  ["suicide", "i want to go to sleep and never wake up"],
  ["suicide", "life isn't worth living"],
  ["suicide", "I can't go on like this anymore"],
  ["suicide", "I feel like nobody likes me and I want to die"],
  // English, typos, spacing, look-alike letters, full-width
  ["suicide", "i wanna kil myslef"],
  ["suicide", "k i l l m y s e l f"],
  ["suicide", "I want to k1ll mys3lf"],
  ["suicide", "thinking of sucide"],
  ["suicide", "ｉ ｗａｎｔ ｔｏ ｄｉｅ"],
  ["suicide", "i want to un-alive myself"],
  ["suicide", "I    want   to\u200b die"],
  ["suicide", "K.M.S"],
  ["suicide", "i wanna end it"],
  ["suicide", "nobody would care if i died"],
  ["suicide", "i want to disappear forever"],
  ["suicide", "i took a bunch of pills"],
  ["suicide", "i overdosed last night"],
  // self-harm
  ["self_harm", "I feel like nobody likes me and I want to hurt myself"],
  ["self_harm", "I keep cutting myself"],
  ["self_harm", "i started hurting myself again"],
  ["self_harm", "I cut myself on purpose"],
  ["self_harm", "there are scars on my arms from cutting my wrists"],
  ["self_harm", "I've been self-harming"],
  ["self_harm", "i relapsed and self harmed"],
  ["self_harm", "I can't stop hurting myself"],
  // abuse
  ["abuse", "my dad hits me when he's drunk"],
  ["abuse", "my stepdad beats me"],
  ["abuse", "he touches me and I don't like it"],
  ["abuse", "I am being abused at home"],
  ["abuse", "I'm scared to go home"],
  ["abuse", "my mom slapped me again"],
  ["abuse", "I don't feel safe at home"],
  // danger
  ["danger", "someone is following me home"],
  ["danger", "I'm in danger please help"],
  ["danger", "he threatened to kill me"],
  // 简体中文
  ["suicide", "我想死"],
  ["suicide", "我真的好想死"],
  ["suicide", "不想活了"],
  ["suicide", "我活不下去了"],
  ["suicide", "活着好累"],
  ["suicide", "活着真的没意思"],
  ["suicide", "我想自杀"],
  ["suicide", "我有自杀的念头"],
  ["suicide", "我想结束自己的生命"],
  ["suicide", "我想跳楼"],
  ["suicide", "没有我大家会更好"],
  ["suicide", "我想从这个世界消失"],
  ["suicide", "睡着了就不要醒来"],
  ["suicide", "我 想 死"],
  ["self_harm", "我又自残了"],
  ["self_harm", "我想伤害自己"],
  ["self_harm", "我偷偷割腕"],
  ["abuse", "他打我"],
  ["abuse", "我爸爸经常打我"],
  ["abuse", "妈妈喝醉了就打我"],
  ["abuse", "我被家暴了"],
  ["abuse", "我不敢回家"],
  ["abuse", "叔叔摸我的身体"],
  ["danger", "有人一直跟踪我"],
  ["danger", "他说要杀了我"],
  // 繁體中文
  ["suicide", "活著好累"],
  ["suicide", "我想自殺"],
  ["suicide", "我不想活了"],
  ["suicide", "沒有我大家會更好"],
  ["suicide", "我想結束自己的生命"],
  ["suicide", "我想跳樓"],
  ["suicide", "活著沒意思"],
  ["self_harm", "我想傷害自己"],
  ["self_harm", "我又自殘了"],
  ["abuse", "我媽媽總是打我"],
  ["abuse", "繼父打我"],
  ["abuse", "我被虐待"],
  ["danger", "有人跟蹤我"],
  ["suicide", "想死"],
  // full-width, zero-width
  ["suicide", "我\u200b想\u200b死"],  // Found in review: how 13-year-olds actually type it
  ["suicide", "i should just die"],
  ["suicide", "i deserve to die"],
  ["suicide", "im done with life"],
  ["suicide", "idw to live anymore"],
  ["suicide", "i tried to hang myself"],
  ["suicide", "i swallowed a bottle of pills"],
  ["suicide", "i just took all of my moms sleeping pills"],
  ["suicide", "i took 20 pills"],
  ["suicide", "wo xiang si"],
  ["suicide", "wo bu xiang huo le"],
  ["suicide", "wo xiang zs"],
  ["self_harm", "i cut myself again"],
  ["self_harm", "i cut myself last night"],
  ["self_harm", "i have been cutting"],
  ["self_harm", "i burn myself with a lighter"],
  ["self_harm", "i scratch myself until i bleed"],
  ["self_harm", "i punch walls until my hands bleed"],
  ["abuse", "my dad beats me up"],
  ["abuse", "my brother keeps hitting me"],
  ["abuse", "someone is touching me and told me not to tell"],
  ["abuse", "he told me not to tell anyone what he did"],
  ["abuse", "he made me touch him"],
  ["abuse", "he sent me nudes and asked for mine"],
  ["abuse", "im scared of my stepdad"],
  ["danger", "my dad said he will kill me"],
  ["danger", "im scared hes going to hurt me"],
  ["suicide", "死了算了"],
  ["suicide", "我要去死"],
  ["suicide", "我想轻生"],
  ["suicide", "我想一了百了"],
  ["suicide", "我想zs"],
  ["suicide", "我吃了一整瓶药"],
  ["suicide", "大家都讨厌我，我想消失"],
  ["abuse", "他摸我"],
  ["abuse", "有人让我不要告诉别人他摸我"],
  ["abuse", "有个大人让我发裸照"],
  ["abuse", "我被爸爸打"],
  ["abuse", "爸爸用皮带抽我"],
  // 繁體 and Cantonese
  ["suicide", "我唔想生存"],
  ["suicide", "唔想活落去"],
  ["suicide", "我想輕生"],
  ["abuse", "爸爸飲醉酒就打我"],
  ["abuse", "我老豆打我"],
  ["abuse", "佢摸我"],
  ["abuse", "有人叫我唔好同人講佢摸我"],
];

/** Look-alikes that must pass: figures of speech, computing, history, literature, games. */
const MUST_PASS: string[] = [
  "this homework is killing me",
  "how do I kill the process in linux",
  "kill -9 the server process",
  "kill two birds with one stone",
  "I'm dead tired after football",
  "lol I'm dead, that meme",
  "my phone died in class",
  "I could die of embarrassment",
  "I'm dying to see the new movie",
  "the battery is dying",
  "the plant in our classroom is dying",
  "millions died in the Second World War",
  "how many soldiers were killed at the Battle of Hastings?",
  "why did Romeo and Juliet commit suicide in the play?",
  "write a history summary of the war in Vietnam",
  "what is the suicide rate in Japan compared to Korea?",
  "how do language models handle self-harm questions?",
  "my brother beat me at chess again",
  "she beat me in the 100m race",
  "she hit me up on discord",
  "he hit me back with a great idea",
  "I ran 5 kms this morning",
  "the station is 10 km away",
  "I hurt my knee playing football",
  "I want to dye my hair blue",
  "I want to die laughing at this joke",
  "we are killing it at basketball",
  "this is a killer app",
  "I would kill for a pizza right now",
  "how do I end my turn in chess?",
  "the game ends when you die three times",
  "my grandmother died last year and we visited her grave",
  "I want to be here when the results come out",
  "I don't want to be here in the rain",
  "the dead sea is very salty",
  "deadline is tomorrow",
  "the character in the novel wants revenge",
  "my mom is going to be mad about my grades",
  "in the game my character keeps dying",
  "can you explain how tokens are counted?",
  "what does temperature do in a language model?",
  "I want to learn about the history of the Titanic sinking",
  "a knife is a tool in the kitchen",
  "our teacher touched on the topic of RLHF",
  "the coach kicked the ball to me",
  "skills myself? I taught myself coding",
  "I'm going to kill myself laughing at this",
  "I want to die in minecraft hardcore and start again",
  "who wants to die first in among us lol",
  "help me write a suicide prevention poster",
  "self-harm awareness week poster ideas",
  "I'm literally dying of laughter",
  "I want to end it with a strong conclusion, how?",
  // 简体中文
  "我笑死了",
  "笑死我了哈哈",
  "累死了今天",
  "热死了",
  "想死你了！好久不见",
  "吓死我了",
  "气死我了",
  "作业多得要死",
  "他打我电话没接",
  "打死我也不说",
  "游戏里我不想死",
  "第二次世界大战死了很多人",
  "什么是自残？健康课上讲过",
  "希特勒在柏林自杀的历史",
  "救命这道题好难",
  "我们今天学了杀毒软件",
  "明天考试我死定了",
  "如何写一个想死的角色",
  "我想写一个想自杀的角色的故事，老师布置的作文",
  // 繁體中文
  "我笑死了啦",
  "熱死了",
  "想死你了",
  "他打我電話",
  "這個遊戲太難了，我一直死",
  "二戰時很多士兵死亡",
  "累死我了",  // Found in review
  "I'd die for a pizza",
  "this game kills me",
  "In biology, cells die by apoptosis",
  "my dad hit me with a great idea",
  "my dad hits me up on whatsapp",
  "I cut myself shaving this morning",
  "she told me not to tell anyone about the surprise party",
  "my brother beat me up in smash bros",
  "i took my pills this morning like the doctor said",
  "狗狗死了我好难过",
  "妈妈摸我的头说没关系",
  "爷爷去世了我很难过",
  "历史课：秦始皇是怎么死的",
  "狼人杀怎么玩",
];

describe("crisis detection", () => {
  it("has at least 60 phrasings that must match and 60 look-alikes", () => {
    expect(MUST_MATCH.length).toBeGreaterThanOrEqual(60);
    expect(MUST_PASS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(MUST_MATCH)("matches %s: %s", (category, text) => {
    const result = detectCrisis(text);
    expect(result.matched, `"${text}" → ${normaliseForCrisis(text)}`).toBe(true);
    expect(result.categories).toContain(category);
  });

  it.each(MUST_PASS)("lets a look-alike pass: %s", (text) => {
    const result = detectCrisis(text);
    expect(result.matches, `"${text}" → ${normaliseForCrisis(text)}`).toEqual([]);
  });

  it("names each category once as a flag", () => {
    expect(crisisFlags(detectCrisis("I want to die and I keep cutting myself. I want to kill myself"))).toEqual([
      "crisis_suicide",
      "crisis_self_harm",
    ]);
  });
});

describe("a disclosure typed in bursts", () => {
  it.each([
    ["i just want to", "die", "suicide"],
    ["i wanna", "unalive", "suicide"],
    ["everyone would be better off", "without me", "suicide"],
    ["我想", "死", "suicide"],
    ["我爸爸喝醉了就", "打我", "abuse"],
  ] as const)("%s ⏎ %s", (previous, prompt, category) => {
    expect(detectCrisis(prompt).matched).toBe(false);
    expect(detectCrisisInTurn(prompt, previous).categories).toContain(category);
  });

  it("does not count again what the earlier message already said", () => {
    expect(detectCrisisInTurn("what is a token?", "I want to die").matched).toBe(false);
  });

  it("lets two ordinary messages pass", () => {
    expect(detectCrisisInTurn("die laughing at this joke", "I want to").matched).toBe(false);
    expect(detectCrisisInTurn("in minecraft hardcore", "i want to die").matched).toBe(false);
    expect(detectCrisisInTurn("how do I", "kill the process").matched).toBe(false);
  });
});
