/**
 * The playground's server-sent events, shared by the stream route (which writes them) and the
 * chat in the browser (which reads them). Pure and tiny: it ships in the browser bundle.
 *
 *   start   the conversation this exchange belongs to (new chats learn their id here)
 *   text    a piece of the reply
 *   usage   input and output tokens, as the provider counted them (`estimated` when we counted)
 *   done    the reply is complete and stored, or was stopped for harming the child (`withheld`)
 *   support the message matched crisis detection (crisis.ts) or low mood (low-mood.ts): show the
 *           support card; `held` when the message was not sent to a model (for a crisis, the
 *           school's default; for low mood, the mini model), then `done` follows
 *   error   the exchange ended early or was refused; `message` is in the student's language
 */
import type { Locale } from "~/i18n/locales";

/**
 * The support card: which card it is, and its words, chosen and filled in on the server
 * (support-card-view.server.ts) in the language the student wrote in.
 */
export interface SupportCardView {
  /** The card's language: the student's message's, which may not be the page's. */
  lang: Locale;
  words: SupportCardWords;
  /**
   * The message said someone hurts them: the card then does not send the child to "a parent or
   * carer" (who may be that someone), but to a teacher or another adult they trust.
   */
  hurtBySomeone: boolean;
  /**
   * The message was about someone the student knows ("my friend wants to kill herself"): the card
   * asks them to tell an adult about their friend, even if the friend asked them to keep it secret.
   */
  aboutAFriend: boolean;
  /**
   * The student's own words said only that they have not eaten for days, not why (crisis.ts,
   * `not_eating`): the card speaks to both readings — no food at home, or eating that has become
   * hard — sends them to an adult who is not necessarily a parent, and says what to do if they
   * feel faint.
   */
  notEating: boolean;
  /**
   * Low mood, not a crisis (low-mood.ts): gentler words, the same contacts, and no alert; a model
   * that cannot talk about feelings (the mini model) does not answer after it.
   */
  lowMood: boolean;
}

/** The card's fixed words (the catalog's `safeguarding.card` area), with the school's contacts in `contact` and `line`. */
export type SupportCardWords = Record<"label" | "title" | "body" | "talk" | "teacher" | "contact" | "line" | "danger" | "footer", string>;

export type MessageStatus = "complete" | "incomplete" | "error" | "blocked";

export type StreamEvent =
  | { type: "start"; conversationId: string; title: string; model: string }
  | { type: "support"; card: SupportCardView; held: boolean }
  | { type: "text"; text: string }
  | { type: "usage"; inputTokens: number; outputTokens: number; /** Counted from the text: the endpoint reported none. */ estimated?: boolean }
  | {
      type: "done";
      messageId: string;
      stopReason: string | null;
      flagged: boolean;
      /**
       * The reply turned harmful to the child and was stopped (harmful-reply.ts): what to show
       * instead of its words, in the student's language. The words already shown are taken away.
       */
      withheld?: string;
    }
  | {
      type: "error";
      /** A provider error code ("timeout", "aborted", …) or a refusal ("blocked", "busy", …). */
      code: string;
      message: string;
      /** How the stored message ended, when one was stored. */
      status?: MessageStatus;
      conversationId?: string;
      messageId?: string;
    };

export function encodeEvent(event: StreamEvent): string {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

const EVENT_TYPES = new Set(["start", "support", "text", "usage", "done", "error"]);

/**
 * Reads SSE text as it arrives in arbitrary chunks; calls `onEvent` for each complete frame.
 * Frames are separated by a blank line; each has one `event:` and one `data:` line (ours do).
 */
export function createEventParser(onEvent: (event: StreamEvent) => void): (chunk: string) => void {
  let buffer = "";
  return (chunk) => {
    buffer += chunk.replace(/\r\n/g, "\n");
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = "";
      let data = "";
      for (const line of frame.split("\n")) {
        if (line.startsWith("event:")) type = line.slice(6).trim();
        else if (line.startsWith("data:")) data += line.slice(5).trimStart();
      }
      if (!EVENT_TYPES.has(type)) continue;
      try {
        onEvent({ type, ...(JSON.parse(data || "{}") as object) } as StreamEvent);
      } catch {
        // A malformed frame is skipped; the stream's end still settles the UI.
      }
    }
  };
}
