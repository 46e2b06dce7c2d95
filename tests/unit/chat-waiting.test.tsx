/**
 * The playground chat with a slow or usage-less model connection (issue 13): token counts the
 * server had to estimate read "about N", and a long wait for the first token is explained.
 */
import { act, render, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MessageBubble } from "~/components/playground/message-view";
import type { MessageView } from "~/components/playground/types";
import { WAITING_NOTE_DELAY_MS, WaitingNote } from "~/components/playground/waiting-note";
import { en } from "~/i18n/catalog/en";
import { zhHans } from "~/i18n/catalog/zh-Hans";
import type { Locale } from "~/course/types";
import { I18nProvider } from "~/i18n/use-t";

function inLocale(locale: Locale, ui: ReactElement) {
  return <I18nProvider locale={locale} messages={locale === "en" ? en : zhHans}>{ui}</I18nProvider>;
}

const reply: MessageView = {
  id: "r1",
  role: "assistant",
  text: "Hello!",
  model: "llama",
  inputTokens: 1200,
  outputTokens: 35,
  status: "complete",
  note: null,
};

function tokensLine(locale: Locale, message: MessageView): string {
  const { container, unmount } = render(
    inLocale(locale, <MessageBubble message={message} modelLabel="Llama" tryit={null} prompt="" provider="claude" />),
  );
  const text = container.querySelector(".pg-tokens")?.textContent ?? "";
  unmount();
  return text;
}

describe("token counts", () => {
  it("say 'about' when the endpoint reported no usage", () => {
    expect(tokensLine("en", { ...reply, estimated: true })).toBe("about 1,200 tokens in · about 35 out");
    expect(tokensLine("zh-Hans", { ...reply, estimated: true })).toBe("输入约 1,200 个词元 · 输出约 35 个");
  });

  it("are plain when the provider counted them", () => {
    expect(tokensLine("en", reply)).toBe("1,200 tokens in · 35 out");
    expect(tokensLine("zh-Hans", reply)).toBe("输入 1,200 个词元 · 输出 35 个");
  });
});

describe("waiting for the first token", () => {
  afterEach(() => vi.useRealTimers());

  it("explains the wait after a few seconds, politely, and goes away when text arrives", () => {
    vi.useFakeTimers();
    const { rerender } = render(inLocale("en", <WaitingNote waiting />));
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toBe("");

    act(() => vi.advanceTimersByTime(WAITING_NOTE_DELAY_MS - 100));
    expect(status.textContent).toBe("");
    act(() => vi.advanceTimersByTime(100));
    expect(status.textContent).toBe(en["playground.waiting"]);
    expect(status.textContent).toContain("up to a minute");

    // The first token arrives (or the student stops, or an error ends it): waiting is over.
    rerender(inLocale("en", <WaitingNote waiting={false} />));
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("says it in Chinese, and never when the reply starts quickly", () => {
    vi.useFakeTimers();
    const { rerender } = render(inLocale("zh-Hans", <WaitingNote waiting />));
    act(() => vi.advanceTimersByTime(1000));
    rerender(inLocale("zh-Hans", <WaitingNote waiting={false} />));
    act(() => vi.advanceTimersByTime(WAITING_NOTE_DELAY_MS * 2));
    expect(screen.getByRole("status").textContent).toBe("");

    rerender(inLocale("zh-Hans", <WaitingNote waiting />));
    act(() => vi.advanceTimersByTime(WAITING_NOTE_DELAY_MS));
    expect(screen.getByRole("status").textContent).toContain("可能要等上一分钟");
  });
});
