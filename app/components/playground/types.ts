/** What the playground page's loader gives its components. Pure types. */
import type { RecordedReply, TryItCheck } from "~/course/types";
import type { MessageStatus, SupportCardView } from "~/playground/chat-events";

export interface ModelView {
  id: string;
  /** Already in the reader's language ("Mini model (offline) — not Claude", "Claude Haiku 4.5"). */
  label: string;
  provider: "mini" | "claude";
  /** Who sees the prompts, already in the reader's language ("on this school's server"). */
  where: string;
  contextWindow: number;
  /** Reply length in guided mode, and the most explore mode allows. */
  maxTokens: { guided: number; explore: number };
}

export interface MessageView {
  id: string;
  role: "user" | "assistant";
  text: string;
  model: string | null;
  inputTokens: number;
  outputTokens: number;
  /** The endpoint reported no usage, so the counts are our estimate (live view only: not stored). */
  estimated?: boolean;
  status: MessageStatus | "streaming";
  /** Why it was blocked or failed, in the reader's language. */
  note: string | null;
  /** A prompt that matched crisis detection: the support card follows it; `held`: no model saw it. */
  support?: { card: SupportCardView; held: boolean } | null;
}

export interface ConversationView {
  id: string;
  title: string;
  model: string;
  systemPrompt: string | null;
  messages: MessageView[];
  /** The conversation's size as the model last counted it (input + output of the last reply). */
  tokens: number;
}

export interface ConversationSummary {
  id: string;
  title: string;
  model: string;
  updatedAt: string;
}

export interface TryItView {
  ref: string;
  lessonSlug: string;
  lessonTitle: string;
  prompt: string;
  system: string | null;
  check: TryItCheck;
  /** With the offline mini model, the check on the student's prompt (null: the reply check). */
  miniCheck: TryItCheck | null;
  /** A real model's reply, offered when the class has none (lessons/…/recorded.yaml). */
  recorded: RecordedReply | null;
}
