/**
 * What a student (12–17) reads when a playground call fails: what happened and what to do next,
 * in their language. Set-up problems say plainly that it is not the student's fault and that the
 * teacher can fix it. Pure data: safe to import from the browser.
 */
import type { ProviderErrorCode } from "./provider";

export type PlaygroundLocale = "en" | "zh-Hans" | "zh-Hant";

const MESSAGES: Record<PlaygroundLocale, Record<ProviderErrorCode, string>> = {
  en: {
    bad_request:
      "{service} couldn't accept that request. Try rewording your prompt or starting a new chat. If it keeps happening, tell your teacher.",
    auth: "The playground isn't set up right: its key for {service} doesn't work. It's not your fault — please tell your teacher.",
    permission:
      "The playground isn't allowed to use {service} right now. It's not your fault — please tell your teacher.",
    not_found:
      "The playground is set to a {service} model that doesn't exist. It's not your fault — please tell your teacher.",
    too_large: "That's too much text for {service} in one go. Try a shorter prompt, or start a new chat.",
    rate_limited: "Lots of questions are going to {service} right now. Wait a minute, then try again.",
    server: "Something went wrong on {service}'s side. Wait a moment and try again.",
    overloaded: "{service} is very busy right now. Wait a minute or two, then try again.",
    timeout: "{service} took too long to answer. Try again — a shorter question can help.",
    connection:
      "The playground couldn't reach {service}. Try again in a moment. If it keeps happening, tell your teacher.",
    stream_error:
      "{service} stopped in the middle of its answer, so what you see may be unfinished. Try asking again.",
    aborted: "Stopped. You can change your prompt and send it again.",
  },
  "zh-Hans": {
    bad_request: "{service} 没能接受这次的请求。试着换个说法，或者开始新的对话。如果一直这样，请告诉老师。",
    auth: "练习场还没有设置好：连接 {service} 的密钥不能用。这不是你的错，请告诉老师。",
    permission: "练习场现在没有使用 {service} 的权限。这不是你的错，请告诉老师。",
    not_found: "练习场设置了一个不存在的 {service} 模型。这不是你的错，请告诉老师。",
    too_large: "这段文字太长了，{service} 一次处理不了。试着写短一点，或者开始新的对话。",
    rate_limited: "现在向 {service} 提问的人太多了。请等一分钟再试。",
    server: "{service} 那边出了点问题。请稍等一会儿再试。",
    overloaded: "{service} 现在太忙了。请等一两分钟再试。",
    timeout: "{service} 回答得太久了。请再试一次，问题短一点会更快。",
    connection: "练习场暂时连不上 {service}。请稍后再试；如果一直这样，请告诉老师。",
    stream_error: "{service} 回答到一半停下了，你看到的内容可能不完整。请再问一次。",
    aborted: "已停止。你可以修改提示词，再发送一次。",
  },
  "zh-Hant": {
    bad_request: "{service} 沒辦法接受這次的要求。換個說法試試看，或開始新的對話。如果一直這樣，請跟老師說。",
    auth: "練習場還沒設定好：連到 {service} 的金鑰沒辦法用。這不是你的錯，請跟老師說。",
    permission: "練習場現在沒有使用 {service} 的權限。這不是你的錯，請跟老師說。",
    not_found: "練習場設定了一個不存在的 {service} 模型。這不是你的錯，請跟老師說。",
    too_large: "這段文字太長了，{service} 一次處理不了。試著寫短一點，或開始新的對話。",
    rate_limited: "現在太多人在問 {service} 問題了。請等一分鐘再試試看。",
    server: "{service} 那邊出了點問題。請稍等一下再試試看。",
    overloaded: "{service} 現在太忙了。請等一兩分鐘再試試看。",
    timeout: "{service} 回答太久了。請再試一次，問題短一點會比較快。",
    connection: "練習場暫時連不上 {service}。請稍後再試；如果一直這樣，請跟老師說。",
    stream_error: "{service} 回答到一半就停了，你看到的內容可能不完整。請再問一次。",
    aborted: "已經停止了。你可以修改提示詞，再送出一次。",
  },
};

function isPlaygroundLocale(locale: string): locale is PlaygroundLocale {
  return Object.hasOwn(MESSAGES, locale);
}

/**
 * Unknown locales fall back to English rather than showing nothing. `service` names what failed:
 * Claude, or the school connection's name ("School lab server"), so a student of a class on a
 * local model is not told that Claude is busy.
 */
export function providerErrorMessage(code: ProviderErrorCode, locale: string, service = "Claude"): string {
  return MESSAGES[isPlaygroundLocale(locale) ? locale : "en"][code].replaceAll("{service}", service);
}
