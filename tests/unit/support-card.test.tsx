/**
 * The support card's advice follows what the child wrote: hurt by someone, it does not send them
 * to "a parent or carer" (who may be that someone); worried about a friend, it asks them to tell
 * an adult about the friend even if the friend asked them to keep it secret. Its words are in the
 * language the child wrote in, whatever the page's.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SupportCard } from "~/components/playground/support-card";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { zhHant } from "~/i18n/catalog/zh-Hant";
import type { Locale } from "~/i18n/locales";
import { I18nProvider } from "~/i18n/use-t";
import type { SupportCardView } from "~/playground/chat-events";
import { detectCrisis } from "~/playground/crisis";
import { closedHelpOf, lowMoodCardOf, supportCardOf, type CardPlace } from "~/playground/support-card-view.server";

const NO_CONTACTS = { helpContact: "", helpLine: "" };
const CATALOG = { en, "zh-Hans": zhHans, "zh-Hant": zhHant } as const;

/** Messages of each kind, written in each of the page's languages. */
const WRITTEN = {
  en: { own: "i want to kill myself", hurt: "my dad hits me", friend: "my friend wants to kill herself", notEating: "i havent eaten in 3 days", lowMood: "nobody cares about me" },
  "zh-Hans": { own: "我想自杀", hurt: "我爸打我", friend: "我朋友想自杀怎么办", notEating: "我三天没吃饭了", lowMood: "没人在乎我" },
} as const;
type Kind = keyof (typeof WRITTEN)["en"];

function cardOf(locale: "en" | "zh-Hans", kind: Kind, place: CardPlace = "held"): SupportCardView {
  const text = WRITTEN[locale][kind];
  const at = { text, pageLocale: locale, place };
  return kind === "lowMood" ? lowMoodCardOf(NO_CONTACTS, at) : supportCardOf(NO_CONTACTS, detectCrisis(text).matches, at);
}

const renderCard = (pageLocale: Locale, card: SupportCardView) =>
  renderToStaticMarkup(
    <I18nProvider locale={pageLocale} messages={CATALOG[pageLocale]}>
      <SupportCard card={card} />
    </I18nProvider>,
  ).replaceAll("&#x27;", "'");

const render = (locale: "en" | "zh-Hans", kind: Kind, place: CardPlace = "held") => renderCard(locale, cardOf(locale, kind, place));

describe("the support card", () => {
  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
  ] as const)("in %s: a parent for distress, not for a child who is hurt", (locale, messages) => {
    expect(render(locale, "own")).toContain(messages["safeguarding.card.talk"]);
    const hurt = render(locale, "hurt");
    expect(hurt).toContain(messages["safeguarding.card.talkHurt"]);
    expect(hurt).not.toContain(messages["safeguarding.card.talk"]);
  });

  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
  ] as const)("in %s: a friend at risk — tell an adult about them, even if asked to keep it secret", (locale, messages) => {
    const friend = render(locale, "friend");
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
    const card = render(locale, "notEating");
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
    const mini = render(locale, "lowMood");
    expect(mini).toContain(messages["safeguarding.card.lowMoodTitle"]);
    expect(mini).toContain(messages["safeguarding.card.lowMoodTalk"]);
    expect(mini).toContain(messages["safeguarding.card.noContact"]);
    expect(mini).toContain(messages["safeguarding.card.lowMoodNotSent"]);
    for (const crisisWord of ["title", "talk", "teacher", "danger", "notSent"] as const) expect(mini).not.toContain(messages[`safeguarding.card.${crisisWord}`]);
    expect(render(locale, "lowMood", "sent")).toContain(messages["safeguarding.card.lowMoodSent"]);
    expect(render(locale, "lowMood", "lesson")).toContain(messages["safeguarding.card.lowMoodInLesson"]);
  });
});

describe("which words the card uses, from what the message matched", () => {
  const cardFor = (text: string) => supportCardOf(NO_CONTACTS, detectCrisis(text).matches, { text, pageLocale: "en", place: "held" });

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
    expect(cardFor("my friend's dad hits her")).toMatchObject({ hurtBySomeone: false, aboutAFriend: true, notEating: false, lowMood: false });
    expect(cardFor("my friend's dad hits her").words.talk).toBe(en["safeguarding.card.talkFriend"]);
    expect(cardFor("my dad hits me")).toMatchObject({ hurtBySomeone: true, aboutAFriend: false });
  });

  it("the school's contacts, trimmed, in the card's words; none written, the card's own words", () => {
    const at = { text: "i want to die", pageLocale: "en", place: "held" } as const;
    expect(supportCardOf({ helpContact: " Ms Chen, room 204 ", helpLine: " Childline 0800 1111 " }, [], at).words).toMatchObject({
      contact: "At school: Ms Chen, room 204",
      line: "Help line: Childline 0800 1111",
    });
    expect(supportCardOf(NO_CONTACTS, [], at).words).toMatchObject({ contact: en["safeguarding.card.noContact"], line: en["safeguarding.card.noLine"] });
  });

  it("the last line says where the card is: instead of a model's answer, before one, or beside a lesson's answer", () => {
    const footer = (place: CardPlace) => supportCardOf(NO_CONTACTS, [], { text: "i want to die", pageLocale: "en", place }).words.footer;
    expect([footer("held"), footer("sent"), footer("lesson")]).toEqual([en["safeguarding.card.notSent"], en["safeguarding.card.sent"], en["safeguarding.card.inLesson"]]);
  });
});

describe("the card speaks the language the student wrote in", () => {
  const card = (text: string, pageLocale: Locale) => supportCardOf(NO_CONTACTS, detectCrisis(text).matches, { text, pageLocale, place: "held" });

  it.each([
    ["我不想活了", "en", "zh-Hans"],
    ["我想自殺", "en", "zh-Hant"],
    ["我唔想再活落去", "en", "zh-Hant"],
    ["i want to kill myself", "zh-Hans", "en"],
    ["i want to kill myself", "zh-Hant", "en"],
    ["我想自杀", "zh-Hant", "zh-Hans"],
  ] as const)("%s on a page in %s: the card in %s, marked with its language", (text, pageLocale, lang) => {
    const view = card(text, pageLocale);
    expect(view.lang).toBe(lang);
    expect(view.words.title).toBe(CATALOG[lang]["safeguarding.card.title"]);
    expect(view.words.talk).toBe(CATALOG[lang]["safeguarding.card.talk"]);
    const html = renderCard(pageLocale, view);
    expect(html).toContain(`lang="${lang}"`);
    expect(html).toContain(CATALOG[lang]["safeguarding.card.body"]);
    expect(html).not.toContain(CATALOG[pageLocale]["safeguarding.card.body"]);
  });

  it.each([
    ["我不想活了", "zh-Hans"],
    ["我不想活了", "zh-Hant"],
    ["i want to die", "en"],
  ] as const)("%s on a page in %s: the page's language, and no language mark of its own", (text, pageLocale) => {
    const html = renderCard(pageLocale, card(text, pageLocale));
    expect(html).toContain(CATALOG[pageLocale]["safeguarding.card.title"]);
    expect(html).not.toContain("lang=");
  });

  it("a closed playground names where help is, in the page's language, with the school's help line only when it set one", () => {
    expect(closedHelpOf({ helpContact: "Ms Chen", helpLine: "" }, "en")).toBe(`${en["playground.closedHelp"]} At school: Ms Chen`);
    expect(closedHelpOf({ helpContact: "", helpLine: "12355" }, "zh-Hans")).toBe(
      `${zhHans["playground.closedHelp"]} ${zhHans["safeguarding.card.noContact"]} ${zhHans["safeguarding.card.line"].replace("{line}", "12355")}`,
    );
  });
});
