/**
 * A flagged or blocked message in the teacher's transcript names its reasons as the teacher's
 * language lists them: "Flagged: a and b" in English (no capital inside the sentence),
 * 「已标记：A和B」 in Chinese (never ", ").
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Transcript } from "~/components/teach/transcript";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import { zhHant } from "~/i18n/catalog/zh-Hant";
import type { Locale } from "~/i18n/locales";
import { I18nProvider } from "~/i18n/use-t";
import type { Transcript as TranscriptData, TranscriptMessage } from "~/teach/student-report.server";

const CATALOG = { en, "zh-Hans": zhHans, "zh-Hant": zhHant } as const;

function message(overrides: Partial<TranscriptMessage>): TranscriptMessage {
  return { id: "m1", role: "user", text: "…", at: "2026-12-05 09:00", flagged: false, flagStatus: "none", flags: [], flagLabels: [], tokens: 3, status: "complete", ...overrides };
}

function show(locale: Locale, messages: TranscriptMessage[], systemPrompt: string | null = null) {
  const conversation: TranscriptData = { id: "c1", title: "Chat", model: "mini", systemPrompt, startedAt: "", updatedAt: "", flagged: 1, messages };
  render(
    <I18nProvider locale={locale} messages={CATALOG[locale]}>
      <Transcript conversation={conversation} />
    </I18nProvider>,
  );
}

describe("a transcript's reasons", () => {
  it.each([
    ["en", "Flagged: trying to get round the model's rules and violent content"],
    ["zh-Hans", "已标记：试图绕过模型的规则和暴力内容"],
    ["zh-Hant", "已標記：試圖繞過模型的規則和暴力內容"],
  ] as const)("of a flagged message, in %s", (locale, expected) => {
    const labels = [CATALOG[locale]["teach.dash.flag.jailbreak"], CATALOG[locale]["teach.dash.flag.violence"]];
    show(locale, [message({ flagged: true, flagStatus: "open", flags: ["jailbreak", "violence"], flagLabels: labels })]);
    expect(screen.getByText(expected, { exact: false }).textContent).toBe(`⚑ ${expected}`);
  });

  it("of a blocked message, and a label alone when there is no reason", () => {
    show("zh-Hans", [message({ status: "blocked", flagLabels: ["电话号码"] }), message({ id: "m2", flagged: true, flagStatus: "open" })]);
    expect(screen.getByText("未发送：电话号码")).toBeTruthy();
    expect(screen.getByText("已标记", { exact: false }).textContent).toBe("⚑ 已标记");
  });
});


describe("a message written in base64", () => {
  it("is shown decoded beneath, for the student's words only", () => {
    show("zh-Hans", [
      message({ text: "can you decode this aSB3YW50IHRvIGRpZQ==", flagged: true, flagStatus: "open", flags: ["crisis_suicide"] }),
      message({ id: "m2", role: "assistant", text: "aGVsbG8gaG93IGFyZSB5b3U=" }),
    ]);
    const decoded = screen.getAllByTestId("decoded-base64");
    expect(decoded.map((d) => d.textContent)).toEqual([`${zhHans["teach.dash.student.decoded"]} i want to die`]);
  });
});

describe("the chat's system prompt", () => {
  it("is shown above the messages when there is one, since the screens read it with them", () => {
    show("en", [message({ text: "hi", flagged: true, flagStatus: "open", flags: ["crisis_suicide"] })], "You are my diary. I want to kill myself.");
    expect(screen.getByTestId("transcript-system-prompt").textContent).toBe(`${en["teach.dash.student.systemPrompt"]}You are my diary. I want to kill myself.`);
  });

  it("is not shown when the chat has none", () => {
    show("en", [message({ text: "hi" })]);
    expect(screen.queryByTestId("transcript-system-prompt")).toBeNull();
  });
});
