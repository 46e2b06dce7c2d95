/**
 * The support card's advice follows what the child wrote: hurt by someone, it does not send them
 * to "a parent or carer" (who may be that someone); worried about a friend, it asks them to tell
 * an adult about the friend even if the friend asked them to keep it secret.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SupportCard } from "~/components/playground/support-card";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { I18nProvider } from "~/i18n/use-t";
import { detectCrisis } from "~/playground/crisis";
import { supportCardOf } from "~/playground/support-card-view";

const NO_CONTACTS = { helpContact: "", helpLine: "" };

const render = (locale: "en" | "zh-Hans", card: { hurtBySomeone?: boolean; aboutAFriend?: boolean; notEating?: boolean; lowMood?: boolean }, held = true) =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} messages={locale === "en" ? en : zhHans}>
      <SupportCard card={{ helpContact: null, helpLine: null, hurtBySomeone: false, aboutAFriend: false, notEating: false, lowMood: false, ...card }} held={held} />
    </I18nProvider>,
  ).replaceAll("&#x27;", "'");

describe("the support card", () => {
  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
  ] as const)("in %s: a parent for distress, not for a child who is hurt", (locale, messages) => {
    expect(render(locale, {})).toContain(messages["safeguarding.card.talk"]);
    const hurt = render(locale, { hurtBySomeone: true });
    expect(hurt).toContain(messages["safeguarding.card.talkHurt"]);
    expect(hurt).not.toContain(messages["safeguarding.card.talk"]);
  });

  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
  ] as const)("in %s: a friend at risk — tell an adult about them, even if asked to keep it secret", (locale, messages) => {
    const friend = render(locale, { aboutAFriend: true });
    expect(friend).toContain(messages["safeguarding.card.talkFriend"]);
    expect(friend).toContain(messages["safeguarding.card.teacherFriend"]);
    expect(friend).toContain(messages["safeguarding.card.dangerFriend"]);
    expect(friend).not.toContain(messages["safeguarding.card.talk"]);
    expect(messages["safeguarding.card.talkFriend"]).toMatch(locale === "en" ? /secret/ : /保密/);
  });

  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
  ] as const)("in %s: not eating for days — words for no food at home and for not eating on purpose, no parent sent for", (locale, messages) => {
    const card = render(locale, { notEating: true });
    expect(card).toContain(messages["safeguarding.card.talkNotEating"]);
    expect(card).toContain(messages["safeguarding.card.dangerNotEating"]);
    expect(card).toContain(messages["safeguarding.card.teacher"]);
    for (const other of ["talk", "talkHurt"] as const) expect(card).not.toContain(messages[`safeguarding.card.${other}`]);
    expect(card).not.toContain(`<li>${messages["safeguarding.card.danger"]}</li>`);
    // both readings named, neither assumed; no parent or carer (who may be why there is no food)
    expect(messages["safeguarding.card.talkNotEating"]).toMatch(locale === "en" ? /food at home.*eating/ : /家里.*吃东西/);
    expect(messages["safeguarding.card.talkNotEating"]).not.toMatch(locale === "en" ? /parent|on purpose|weight/ : /父母|故意|减肥|瘦/);
    expect(messages["safeguarding.card.talkNotEating"]).toMatch(locale === "en" ? /not your fault/ : /不是你的错/);
  });

  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
  ] as const)("in %s: low mood — kind words and the school's contacts, none of the crisis card's", (locale, messages) => {
    const mini = render(locale, { lowMood: true });
    expect(mini).toContain(messages["safeguarding.card.lowMoodTitle"]);
    expect(mini).toContain(messages["safeguarding.card.lowMoodTalk"]);
    expect(mini).toContain(messages["safeguarding.card.noContact"]);
    expect(mini).toContain(messages["safeguarding.card.lowMoodNotSent"]);
    for (const crisisWord of ["title", "talk", "teacher", "danger", "notSent"] as const) expect(mini).not.toContain(messages[`safeguarding.card.${crisisWord}`]);
    expect(render(locale, { lowMood: true }, false)).toContain(messages["safeguarding.card.lowMoodSent"]);
  });
});

describe("which words the card uses, from what the message matched", () => {
  const cardFor = (text: string) => supportCardOf(NO_CONTACTS, detectCrisis(text).matches);

  it.each([
    "my friend wants to kill herself what do i do",
    "my best friend said she's going to kill herself",
    "my sister has been cutting herself",
    "我朋友想自杀怎么办",
    "我閨蜜在自殘",
  ])("about a friend: %s", (text) => {
    expect(cardFor(text)).toMatchObject({ aboutAFriend: true, hurtBySomeone: false });
  });

  it.each([
    // the student's own disclosure comes first, even beside a friend's
    "my friend wants to kill herself and i want to die too",
    "我朋友想死，我也想死",
    "i want to kill myself",
  ])("the student's own: %s", (text) => {
    expect(cardFor(text)).toMatchObject({ aboutAFriend: false });
  });

  it.each(["i havent eaten in 3 days", "我三天没吃饭了", "我好几天没吃东西了"])("not eating for days, no reason given: %s", (text) => {
    expect(cardFor(text)).toMatchObject({ notEating: true, hurtBySomeone: false, aboutAFriend: false });
  });

  it.each([
    // no food at home: someone is not looking after them
    ["i havent eaten in 3 days, theres no food at home", { hurtBySomeone: true, notEating: false }],
    ["我三天没吃饭了，家里没有吃的", { hurtBySomeone: true, notEating: false }],
    // on purpose: the card's usual words, and no one hurting them
    ["i havent eaten in 3 days on purpose", { hurtBySomeone: false, notEating: false }],
    ["我已经三天没吃饭了，想再瘦一点", { hurtBySomeone: false, notEating: false }],
    // the student's own wish to die comes first
    ["i havent eaten in 3 days and i want to die", { hurtBySomeone: false, notEating: false }],
  ] as const)("a reason said, or more than not eating: %s", (text, card) => {
    expect(cardFor(text)).toMatchObject(card);
  });

  it("a friend who is hurt at home: about the friend, and the student is not told to avoid their own parents", () => {
    expect(cardFor("my friend's dad hits her")).toEqual({ helpContact: null, helpLine: null, hurtBySomeone: false, aboutAFriend: true, notEating: false, lowMood: false });
    expect(cardFor("my dad hits me")).toMatchObject({ hurtBySomeone: true, aboutAFriend: false });
  });

  it("the school's contacts, trimmed; none written is null (the card's own words)", () => {
    expect(supportCardOf({ helpContact: " Ms Chen, room 204 ", helpLine: "" }, [])).toMatchObject({ helpContact: "Ms Chen, room 204", helpLine: null });
  });
});
