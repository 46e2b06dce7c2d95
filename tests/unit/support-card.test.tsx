/**
 * The support card's advice follows what the child wrote: hurt by someone, it does not send them
 * to "a parent or carer" (who may be that someone).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SupportCard } from "~/components/playground/support-card";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { I18nProvider } from "~/i18n/use-t";

const render = (locale: "en" | "zh-Hans", hurtBySomeone: boolean) =>
  renderToStaticMarkup(
    <I18nProvider locale={locale} messages={locale === "en" ? en : zhHans}>
      <SupportCard card={{ helpContact: null, helpLine: null, hurtBySomeone }} held />
    </I18nProvider>,
  );

describe("the support card", () => {
  it.each([
    ["en", en],
    ["zh-Hans", zhHans],
  ] as const)("in %s: a parent for distress, not for a child who is hurt", (locale, messages) => {
    expect(render(locale, false)).toContain(messages["safeguarding.card.talk"]);
    const hurt = render(locale, true);
    expect(hurt).toContain(messages["safeguarding.card.talkHurt"]);
    expect(hurt).not.toContain(messages["safeguarding.card.talk"]);
  });
});
