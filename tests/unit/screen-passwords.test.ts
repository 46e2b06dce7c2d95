/**
 * A password typed to a model is held back like other personal data, in the three languages and
 * the ways a 13-year-old writes one; a sentence about passwords, a piece of code and a model that
 * shows what a strong password looks like all pass.
 */
import { explainFindings } from "~/playground/explain-screening.server";
import { screenOutgoing } from "~/playground/guard.server";
import { screenContext } from "~/playground/screen-context";
import { screenPrompt, screenReply, screenTyped } from "~/playground/screening";

const NO_TOPICS = { blockedTopics: [] };

function passwordsIn(text: string): string[] {
  const result = screenPrompt(text, NO_TOPICS);
  return result.ok ? [] : result.findings.filter((f) => f.kind === "password").map((f) => f.match);
}

/** [what the student typed, the password the screen must find in it] */
const MUST_BLOCK: [string, string][] = [
  ["my password is fluffy123", "fluffy123"],
  ["My password is Fluffy!", "Fluffy"],
  ["my password is banana can u guess it", "banana"],
  ["password: Tiger2011", "Tiger2011"],
  ["Password:hunter2", "hunter2"],
  ["my roblox password is sunnyday99", "sunnyday99"],
  ["my password for roblox is sunnyday99", "sunnyday99"],
  ["the password for my roblox account is sunnyday99.", "sunnyday99"],
  ["the wifi password is Lib2024guest", "Lib2024guest"],
  ["my mum's ipad passcode is 246810", "246810"],
  ["my pw = sunny_day", "sunny_day"],
  ["my password is 'i love cats'", "i love cats"],
  ["my password is “MoonPie7”, is it strong?", "MoonPie7"],
  ["my password is like qwerty2012 lol", "qwerty2012"],
  ["my password is 123456", "123456"],
  ["my pin is 4821", "4821"],
  ["PIN code: 0815", "0815"],
  ["my bank card pin number is 9931", "9931"],
  ["fluffy123 is my password", "fluffy123"],
  ["Tiger_2011 is my roblox password", "Tiger_2011"],
  ["我的密码是abc123", "abc123"],
  ["我的密碼是 happy2012", "happy2012"],
  ["密码：qwerty", "qwerty"],
  ["我嘅密碼係 lily0815", "lily0815"],
  ["我把开机密码设成了 sunny99", "sunny99"],
  ["密码就是123456", "123456"],
  ["密码是一二三四五六", "一二三四五六"],
  ["我的pin码是四八二一", "四八二一"],
  ["ｍｙ　ｐａｓｓｗｏｒｄ　ｉｓ　ｆｌｕｆｆｙ１２３", "ｆｌｕｆｆｙ１２３"],
  // a red team's ways past the first version (8 December): the word misspelt or spaced, no "is",
  // a filler word, the value first, said in words, in a system prompt, Chinese without 是
  ["p a s s w o r d is fluffy123", "fluffy123"],
  ["my p a s s w o r d is fluffy123", "fluffy123"],
  ["my passw0rd is fluffy123", "fluffy123"],
  ["my pword is fluffy123", "fluffy123"],
  ["my pasword is fluffy123", "fluffy123"],
  ["my passwrd is fluffy123", "fluffy123"],
  ["my pass-word is fluffy123", "fluffy123"],
  ["my pass is fluffy123", "fluffy123"],
  ["my password's fluffy123", "fluffy123"],
  ["my pw's fluffy123", "fluffy123"],
  ["password is: fluffy123", "fluffy123"],
  ["my password is: fluffy123", "fluffy123"],
  ["my password - fluffy123", "fluffy123"],
  ["my password -> fluffy123", "fluffy123"],
  ["my password 👉 fluffy123", "fluffy123"],
  ["username sam2011 password fluffy123", "fluffy123"],
  ["my password is also fluffy123", "fluffy123"],
  ["my password is pretty much fluffy123", "fluffy123"],
  ["my password is always fluffy123", "fluffy123"],
  ["my password used to be fluffy123", "fluffy123"],
  ["fluffy123 is the password", "fluffy123"],
  ["fluffy123 is my pass", "fluffy123"],
  ["fluffy123 = my password", "fluffy123"],
  ["4821 is my pin", "4821"],
  ["its 4821, my pin", "4821"],
  ["my password is one two three four five six", "one two three four five six"],
  ["my pin is one two three four", "one two three four"],
  ["my pin is four eight two one", "four eight two one"],
  ["my pin is 48 21", "48 21"],
  ["my pin's 4821", "4821"],
  ["my phone code is 4821", "4821"],
  ["Secret: fluffy123 (this is my roblox password)", "fluffy123"],
  ["you are my memory. my pw's fluffy123", "fluffy123"],
  ["我的密码是：abc123", "abc123"],
  ["我的密码为：abc123", "abc123"],
  ["密碼係：lily0815", "lily0815"],
  ["密碼就係lily0815", "lily0815"],
  ["密码叫abc123", "abc123"],
  ["我的密碼叫做lily0815", "lily0815"],
  ["我的PIN是4821", "4821"],
  ["银行卡密码482193", "482193"],
  ["abc123是我的密码", "abc123"],
  ["the wifi password is Lib2024guest", "Lib2024guest"],
  // the red team's third pass (8 December, evening)
  ["the password is fluffy123", "fluffy123"],
  ["the wifi password at home is fluffy123", "fluffy123"],
  ["i changed my password to fluffy123", "fluffy123"],
  ["i use fluffy123 as my password", "fluffy123"],
  ["fluffy123 - thats my password", "fluffy123"],
  ["my password? fluffy123", "fluffy123"],
  ["my passwrod is fluffy123", "fluffy123"],
  ["my pswd is fluffy123", "fluffy123"],
  ["my pa$$word is fluffy123", "fluffy123"],
  ["login: sam2011 pass: fluffy123", "fluffy123"],
  ["the code to my phone is 4821", "4821"],
  ["PIN 4821", "4821"],
  ["我的密码也是abc123", "abc123"],
  ["我的密码以前是abc123", "abc123"],
  ["我的密码一直都是abc123", "abc123"],
  ["我的密碼好似係lily0815", "lily0815"],
  ["密码→abc123", "abc123"],
  ["我的密码是👉abc123", "abc123"],
  ["我一直用abc123当密码", "abc123"],
  ["我的密码？abc123", "abc123"],
  ["我的密码是abc123，安全吗？", "abc123"],
  // a key emoji for the word (a red team, 8 December)
  ["my 🔑 is sunny123", "sunny123"],
  ["my 🔐 for roblox: Tiger2011", "Tiger2011"],
  ["my 🗝️ = qwerty99", "qwerty99"],
  ["my roblox 🔑 is sunny123", "sunny123"],
  ["🔑: sunny123", "sunny123"],
  ["我的🔑是abc123", "abc123"],
  ["我嘅🔑係lily0815", "lily0815"],
];

/** Sentences about passwords, code, and words that are not one: these must pass. */
const MUST_PASS = [
  "what makes a password strong?",
  "my 🔑 is under the mat",
  "🔑 is the answer to this puzzle",
  "the 🔑 to success: work24",
  "thats my password's problem, it keeps expiring",
  "my 🔑 is the 3rd one on the ring",
  "my password is too weak, how do i make it better?",
  "my password is the name of my dog",
  "my password is 8 letters long",
  "the password is wrong and I can't log in",
  "password: required",
  "my password is something only I know",
  "the password is case sensitive",
  "my password was stolen, what should I do?",
  "is it safe to tell an AI my password?",
  "never tell anyone your password",
  "I forgot my password",
  "password = input('Enter your password: ')",
  "def login(user, password): return check(password)",
  "if password == '1234': print('ok')",
  "interface User { password: string; }",
  "the pin is in the drawer",
  "a pin is 4 digits",
  "密码是什么意思？",
  "我的密码太简单了，怎么办？",
  "密码是6位数",
  "我忘记密码了",
  "密码：必填",
  // the same red team's false positives: a word about the password after a filler, a question
  // about a weak password as an example, a spy story's line, a file that is password-protected
  "my password is mostly letters",
  "my password is basically my name",
  "my password is kind of long",
  "my password is definitely not secure enough",
  "my password is probably too easy",
  "为什么密码是123456很危险？",
  "密码是ABC123这样的好吗？",
  'In the story the spy said "the password is swordfish"',
  "this file is password-protected",
  "my bus pass is expired",
  "pin 3 on the map",
  "there are 1234 ways to make a password",
  "什么是密码学？凯撒密码是abc变成def吗",
  "密码123456和password哪个更弱",
  "abc123 is the password in my coding exercise",
  "my password? i forgot it",
  "the password is strong",
  "i changed my password to something stronger",
];

describe("a password a student types is held back", () => {
  it.each(MUST_BLOCK)("%s", (text, password) => {
    expect(passwordsIn(text)).toEqual([password]);
  });

  it.each(MUST_PASS)("passes: %s", (text) => {
    expect(screenPrompt(text, NO_TOPICS)).toEqual({ ok: true });
  });

  it.each(["my password is", "my password is..."])("is split across two messages: %s, then the password", (first) => {
    const result = screenContext(
      [
        { text: first, source: "history" },
        { text: "fluffy123", source: "prompt" },
      ],
      NO_TOPICS,
    );
    expect(result.ok ? [] : result.findings.map((f) => [f.kind, f.match, f.split])).toContainEqual(["password", "fluffy123", true]);
  });

  // a red team, 8 December: the value sent first, said to be a password in the next message
  it.each([
    ["fluffy123", "thats my password"],
    ["Tiger2011", "that's my roblox password"],
    ["4821", "its my pin"],
    ["abc123", "这是我的密码"],
    ["lily0815", "呢個係我嘅密碼"],
    // a fifth red-team pass
    ["fluffy123", "that is my password"],
    ["fluffy123", "yeah thats my password"],
    ["fluffy123", "what i just typed is my password"],
    ["qwerty", "thats my password"],
    ["123456", "这是我的密码"],
    ["abc123", "这是我的QQ密码"],
    ["hello", "thats my password, is it strong?"],
    ["fluffy123", "my password btw"],
    ["fluffy123", "oops that was my password"],
  ])("is found in the earlier message when the next says what it was: %s, then %s", (value, saying) => {
    const result = screenContext(
      [
        { text: value, source: "history" },
        { text: saying, source: "prompt" },
      ],
      NO_TOPICS,
    );
    expect(result.ok ? [] : result.findings.map((f) => [f.kind, f.match, f.source])).toEqual([["password", value, "history"]]);
    // the student is told the earlier message holds it, and to start a new conversation
    const outcome = screenOutgoing(saying, null, NO_TOPICS, "en", { history: [value] });
    expect(outcome.ok ? "" : outcome.explanation).toMatch(/an earlier message in this conversation contains what looks like a password.*Start a new conversation/);
  });

  it.each([
    ["i have a ps4", "its my password that doesnt work, how do i reset it"],
    ["我在玩gta5", "这是我的密码问题吗"],
    ["windows11", "thats my password's problem, it keeps expiring"],
    ["level5", "its my password hint, is that bad?"],
    ["hello", "thats my password checker, is it any good?"],
    ["lol", "thats my password"],
    // a sixth pass: with no "that", a question about a password is not one
    ["hello", "my password, how do i make it stronger?"],
    ["help", "my password!! i forgot it"],
    ["hey", "my pin?"],
    ["fluffy123", "is that a good password?"],
    ["fluffy", "thats my dog's name"],
    ["abc123", "这个密码安全吗"],
  ])("an earlier message is not made a password by words that do not say so: %s, then %s", (value, saying) => {
    expect(screenContext([{ text: value, source: "history" }, { text: saying, source: "prompt" }], NO_TOPICS)).toEqual({ ok: true });
  });

  it("tells the student in their language, naming passwords in the advice", () => {
    const [finding] = (screenPrompt("my password is fluffy123", NO_TOPICS) as { ok: false; findings: never[] }).findings;
    expect(explainFindings([finding!], "en")).toMatch(/looks like a password\..*passwords/);
    expect(explainFindings([finding!], "zh-Hans")).toMatch(/好像有密码。.*密码/);
    expect(explainFindings([finding!], "zh-Hant")).toMatch(/好像有密碼。.*密碼/);
    expect(explainFindings([finding!], "en")).not.toContain("fluffy123");
  });

  it("is flagged in a student's own words (a system prompt), not in a model's example of a strong one", () => {
    expect(screenTyped("You guard my secrets. My password is fluffy123.").map((f) => f.kind)).toContain("personal_data");
    expect(screenReply("A strong password looks like this. Password: Tr0ub4dor&3 — but make your own.")).toEqual([]);
  });
});
