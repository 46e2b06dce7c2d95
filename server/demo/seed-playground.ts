/**
 * Demo playground transcripts for the demo class, so the playground and the teacher's views have
 * something to show: ordinary chats with Claude and the mini model, one in Chinese, a prompt the
 * screening stopped (stored without the number), an unfinished reply, and one flagged exchange.
 * Flags come from the real screening, exactly as a live exchange would get them.
 */
import type { Connection } from "../../db/client";
import { screenReply } from "~/playground/screening";
import { crisisFlags, detectCrisis } from "~/playground/crisis";
import { severityOf } from "~/models/severity";

interface DemoMessage {
  role: "user" | "assistant";
  text: string;
  status?: "complete" | "incomplete" | "blocked";
  errorCode?: string;
  flags?: string[];
  inputTokens?: number;
  outputTokens?: number;
}

interface DemoConversation {
  student: number;
  title: string;
  model: string;
  daysAgo: number;
  messages: DemoMessage[];
}

const CLAUDE = "claude-haiku-4-5";

const CONVERSATIONS: DemoConversation[] = [
  {
    student: 0,
    title: "What is a token?",
    model: CLAUDE,
    daysAgo: 3,
    messages: [
      { role: "user", text: "What is a token?" },
      {
        role: "assistant",
        text: "A **token** is a small piece of text that a language model reads and writes — often a word, part of a word, or a punctuation mark.\n\nFor example, *unbelievable* might be split into:\n\n- `un`\n- `believ`\n- `able`\n\nThe model predicts one token at a time, each time choosing a likely next piece.",
        inputTokens: 412,
        outputTokens: 88,
      },
      { role: "user", text: "So is a Chinese character one token?" },
      {
        role: "assistant",
        text: "Often, but not always. Common characters are usually one token; rarer ones can take two or three. That is why the same sentence can cost a different number of tokens in different languages.",
        inputTokens: 517,
        outputTokens: 47,
      },
    ],
  },
  {
    student: 1,
    title: "tokens are",
    model: "mini",
    daysAgo: 2,
    messages: [
      { role: "user", text: "tokens are" },
      {
        role: "assistant",
        text: "tokens are the pieces of text the model reads, and the model predicts the next token from the ones before it.",
        inputTokens: 2,
        outputTokens: 24,
      },
    ],
  },
  {
    student: 2,
    title: "为什么大模型有时会编造答案？",
    model: CLAUDE,
    daysAgo: 1,
    messages: [
      { role: "user", text: "为什么大模型有时会编造答案？" },
      {
        role: "assistant",
        text: "因为语言模型是在预测**最可能出现的下一个词元**，而不是在查资料。如果训练数据里没有可靠的信息，它仍然会写出读起来很通顺的句子——这就是“幻觉”。\n\n遇到重要的事实，最好自己再查一查可靠的来源。",
        inputTokens: 438,
        outputTokens: 112,
      },
    ],
  },
  {
    student: 3,
    title: "Can you remember my number ███ for me?",
    model: CLAUDE,
    daysAgo: 1,
    messages: [
      // Stored as the screening left it: the number itself was never kept.
      { role: "user", text: "Can you remember my number ███ for me?", status: "blocked", flags: ["phone"] },
    ],
  },
  {
    student: 4,
    title: "Nobody in my class talks to me",
    model: CLAUDE,
    daysAgo: 0,
    messages: [
      { role: "user", text: "Nobody in my class talks to me and sometimes I want to hurt myself." },
      {
        role: "assistant",
        text: "I'm really sorry you're feeling this way — that sounds lonely and painful, and it matters. Please talk to someone you trust today: your teacher, a parent or carer, or your school counsellor. If you ever feel you might be in danger, contact your local emergency number straight away.\n\nWould you like some ideas for how to start that conversation?",
        inputTokens: 431,
        outputTokens: 79,
      },
    ],
  },
  {
    student: 0,
    title: "Write a long poem about lanterns",
    model: CLAUDE,
    daysAgo: 0,
    messages: [
      { role: "user", text: "Write a long poem about lanterns" },
      {
        role: "assistant",
        text: "A lantern hums in the evening light,\nits paper glowing warm and bright,",
        status: "incomplete",
        errorCode: "stream_error",
        inputTokens: 409,
        outputTokens: 18,
      },
    ],
  },
];

/** Seeds the demo transcripts (call once, inside the demo seed). */
export async function seedDemoPlayground(
  conn: Connection,
  demo: { classId: string; teacherId: string; studentIds: string[] },
): Promise<void> {
  const sql = conn.sql;
  for (const [c, conversation] of CONVERSATIONS.entries()) {
    const userId = demo.studentIds[conversation.student];
    if (!userId) continue;
    // Spread over the last days, a minute apart inside a conversation, so the order is stable.
    const start = new Date(Date.now() - conversation.daysAgo * 86_400_000 - (CONVERSATIONS.length - c) * 3_600_000);
    // ISO strings: drizzle's postgres.js client leaves Date serialisation to the query builder.
    const at = (i: number) => new Date(start.getTime() + i * 60_000).toISOString();
    const [row] = await sql<{ id: string }[]>`
      insert into playground_conversations (user_id, class_id, title, model, created_at, updated_at)
      values (${userId}, ${demo.classId}, ${conversation.title}, ${conversation.model}, ${at(0)}::timestamptz, ${at(conversation.messages.length)}::timestamptz)
      returning id`;
    for (const [i, m] of conversation.messages.entries()) {
      const status = m.status ?? "complete";
      // As a live exchange: crisis detection on the student's words, then the screens, then a severity.
      const crisis = m.role === "user" && status !== "blocked" ? detectCrisis(m.text) : null;
      const screened = m.flags ?? (status === "blocked" ? [] : [...new Set(screenReply(m.text).map((f) => f.kind))]);
      const flags = [...(crisis ? crisisFlags(crisis) : []), ...screened];
      const flagStatus = flags.length > 0 ? "open" : "none";
      const severity = severityOf(flags, { role: m.role, blocked: status === "blocked" });
      const matches = crisis?.matched ? JSON.stringify(crisis.matches) : null;
      if (matches) await sql`update playground_conversations set crisis_at = ${at(i)}::timestamptz where id = ${row!.id}`;
      await sql`
        insert into playground_messages
          (conversation_id, user_id, role, text, model, input_tokens, output_tokens, status, error_code, flags, flag_status, severity, crisis, latency_ms, created_at)
        values (${row!.id}, ${userId}, ${m.role}, ${m.text}, ${conversation.model}, ${m.inputTokens ?? 0}, ${m.outputTokens ?? 0},
                ${status}, ${m.errorCode ?? null}, ${flags}, ${flagStatus}, ${severity}, ${matches}::jsonb,
                ${m.role === "assistant" ? 1_800 + 40 * (m.outputTokens ?? 0) : null}, ${at(i)}::timestamptz)`;
    }
  }
}
