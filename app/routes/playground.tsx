/**
 * /playground — chat with the offline mini model or Claude, within the class's rules.
 *
 *   ?c=<conversationId>         open a chat (someone else's id is a 404)
 *   ?tryit=<lessonSlug>:<id>    a lesson's "try it": prefilled, maybe a fixed system prompt, graded
 *   ?prefill=<text>             prefill the prompt
 *
 * With JavaScript the composer streams through /api/playground/stream; without it, the same form
 * posts here, the action waits for the whole reply, and the page reloads to show it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Chat } from "~/components/playground/chat";
import { ConversationList } from "~/components/playground/conversation-list";
import { NoModelNote } from "~/components/playground/no-model-note";
import { TryItPanel } from "~/components/playground/tryit-panel";
import type { ConversationView, MessageView, ModelView, TryItView } from "~/components/playground/types";
import { translator } from "~/i18n/catalogs.server";
import type { Locale } from "~/i18n/locales";
import { useLocale, useT } from "~/i18n/use-t";
import { conversationTokens, listConversations, requireConversation, type MessageRow } from "~/models/playground.server";
import { providerErrorMessage } from "~/playground/error-messages.server";
import { factsOfSession, playgroundExchange, runToEnd } from "~/playground/pipeline.server";
import { findTryIt } from "~/playground/tryit.server";
import {
  accessRefusal,
  allowedModelIds,
  explainBlocked,
  maxTokensFor,
  maxTokensLimit,
  sandboxOf,
  type EffectivePolicy,
  type Schedule,
} from "~/playground/guard.server";
import { loadSandboxFacts } from "~/models/playground-sandbox.server";
import { PROVIDER_ERROR_CODES, type ProviderErrorCode } from "~/playground/provider";
import { claudeConfigured, type ModelOption } from "~/playground/providers.server";
import { parseConnectionModelId, schoolModels } from "~/playground/connections.server";
import { ExchangeFormSchema } from "~/forms/playground.server";
import { requireUser } from "~/utils/auth.server";
import { MAX_CHARS } from "~/utils/form-limits";
import { formObject, readForm, validate } from "~/utils/forms.server";
import { getSafeguardingSettings } from "~/models/safeguarding.server";
import { closedHelpOf, lowMoodCardOf, supportCardOf } from "~/playground/support-card-view.server";
import { HARMFUL_REPLY_FLAG_PREFIX, LOW_MOOD_FLAG } from "~/models/severity";
import { localeOf } from "~/utils/locale-of.server";
import playgroundStyles from "~/styles/playground.css";
// links in safeguarding e-mails use the school's public address, never the Host header (decision 017)
import { publicUrlOf } from "~/models/public-url.server";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export const links = () => [{ rel: "stylesheet", href: playgroundStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "Lantern" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await localeOf(request);
  const t = translator(locale);
  const url = new URL(request.url);
  const now = new Date();
  // a blocked prompt's new chat, sent without JavaScript, opens as the page answers it (action)
  const conversationId = url.searchParams.get("c") ?? context.shownConversation ?? null;
  const [sandboxFacts, conversations, found, offered, safeguarding] = await Promise.all([
    loadSandboxFacts(user, now),
    listConversations(user),
    conversationId ? requireConversation(user, conversationId) : Promise.resolve(null),
    schoolModels(user),
    getSafeguardingSettings(user),
  ]);

  const sandbox = sandboxOf(user, sandboxFacts);
  const { policy } = sandbox;

  const allowed = allowedModelIds(policy, offered.map((m) => m.id));
  const models: ModelView[] = offered.filter((m) => allowed.includes(m.id)).map((m) => modelView(m, t));
  const closedCode = accessRefusal(policy, sandbox.classes.length > 0, now) ?? (models.length === 0 ? "model_not_allowed" : null);

  const tryitRef = url.searchParams.get("tryit");
  const tryit = tryitRef ? findTryIt(tryitRef, locale) : null;
  const tryitView: TryItView | null = tryit
    ? { ref: tryit.ref, lessonSlug: tryit.lessonSlug, lessonTitle: tryit.lessonTitle, prompt: tryit.prompt, system: tryit.system, check: tryit.check, miniCheck: tryit.miniCheck, recorded: tryit.recorded }
    : null;
  const prefill = found ? "" : (tryit?.prompt ?? (url.searchParams.get("prefill") ?? "").slice(0, MAX_CHARS.prompt));

  const current: ConversationView | null = found
    ? {
        id: found.conversation.id,
        title: found.conversation.title,
        model: found.conversation.model,
        systemPrompt: found.conversation.systemPrompt,
        messages: found.messages.map((m, i) => {
          // The support card follows a crisis or low-mood message; "held" when no reply from a model followed it.
          const held = found.messages[i + 1]?.role !== "assistant";
          const cardFor = { text: m.text, pageLocale: locale, place: held ? "held" : "sent" } as const;
          return {
            ...messageView(m, policy, locale, serviceOf(offered), found.conversation.systemPrompt !== null),
            support: m.crisis
              ? { card: supportCardOf(safeguarding, m.crisis, cardFor), held }
              : m.role === "user" && m.flags.includes(LOW_MOOD_FLAG)
                ? { card: lowMoodCardOf(safeguarding, cardFor), held }
                : null,
          };
        }),
        tokens: conversationTokens(found.messages),
      }
    : null;
  const defaultModel =
    (current && models.some((m) => m.id === current.model) ? current.model : null) ??
    models.find((m) => m.provider === "claude")?.id ??
    models[0]?.id ??
    "";

  return {
    metaTitle: t("playground.metaTitle"),
    role: policy.kind,
    isAdmin: user.role === "admin",
    claudeConfigured: claudeConfigured() || offered.some((m) => m.connection !== null),
    exploreMode: policy.exploreMode,
    closedMessage: closedCode ? t(`playground.refused.${closedCode}`) : null,
    // While a student cannot type here, they can still see where help is (found in a walk as a
    // 13-year-old: outside the opening hours a child in crisis had nowhere to write and no one named).
    closedHelp: closedCode && policy.kind === "student" ? closedHelpOf(safeguarding, locale) : null,
    hours: policy.schedules.map((s) => formatSchedule(s, t, locale)),
    models,
    defaultModel,
    conversations: conversations.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
    current,
    tryit: tryitView,
    tryitMissing: tryitRef !== null && tryit === null,
    prefill,
    usage:
      policy.kind === "student" && models.some((m) => m.provider === "claude")
        ? { used: sandbox.usage.own.used, budget: sandbox.usage.own.budget }
        : null,
  };
}

/** The no-JavaScript form: the same pipeline as the stream, run to its end; then the conversation. */
export async function action({ request, context }: ActionFunctionArgs) {
  // the class rules' facts are read while the session is looked up (pipeline.server.ts)
  const now = new Date();
  const facts = factsOfSession(request, now);
  const user = await requireUser(request);
  const locale = await localeOf(request);
  const form = formObject(await readForm(request));
  const tryit = typeof form.tryit === "string" ? form.tryit : "";
  const target = (id: string) => `/playground?c=${id}${tryit ? `&tryit=${encodeURIComponent(tryit)}` : ""}`;

  // context.disconnected, not request.signal: see app/load-context.d.ts
  const gone = context.disconnected ?? request.signal;
  const parsed = validate(ExchangeFormSchema, form);
  const end = await runToEnd(playgroundExchange(user, parsed, locale, gone, { now, facts, originOf: () => publicUrlOf(user) }));
  // A refused prompt comes back, so the student does not have to type it again.
  const prompt = typeof form.prompt === "string" ? form.prompt : "";
  if (end.refusal) return data({ error: end.refusal.message, prompt }, { status: end.refusal.status });
  // A prompt held back for personal data is stored with the data blanked out. The student's own
  // words come back to their box, so they take out the part named and send again instead of
  // retyping it all (found in lesson 7's try-it: a long prompt, one detail missed, all of it gone).
  // The next send continues the conversation the blocked prompt is stored in.
  if (end.blocked) {
    context.shownConversation = end.conversationId;
    return data({ error: end.blocked.message, prompt, continuing: end.conversationId }, { status: end.blocked.status });
  }
  throw redirect(target(end.conversationId));
}

function modelView(m: ModelOption, t: ReturnType<typeof translator>): ModelView {
  return {
    id: m.id,
    label:
      m.provider === "mini"
        ? t("playground.model.mini")
        : m.connection
          ? t("playground.model.viaConnection", { model: m.displayName ?? m.id, connection: m.connection })
          : (m.displayName ?? claudeLabel(m.id)),
    provider: m.provider,
    where: t(`models.where.${m.where}`),
    contextWindow: m.contextWindow,
    maxTokens: { guided: maxTokensFor(m.provider, false, null), explore: maxTokensLimit(m.provider) },
  };
}

/** "claude-haiku-4-5" → "Claude Haiku 4.5" when the Models API did not name it. */
function claudeLabel(id: string): string {
  const words = id.replace(/-\d{8}$/, "").split("-");
  const out: string[] = [];
  for (const w of words) {
    if (/^\d+$/.test(w) && out.length > 0 && /\d$/.test(out.at(-1)!)) out[out.length - 1] += `.${w}`;
    else out.push(/^\d/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1));
  }
  return out.join(" ");
}

/**
 * What a failed reply's note calls the model's service, as the stream said it: the school
 * connection's name for a model reached through one ("The playground couldn't reach School lab
 * server", not "…reach Claude"), the model's own id when that connection is gone, else Claude.
 */
function serviceOf(offered: readonly { id: string; connection: string | null }[]): (model: string | null) => string {
  return (model) => (model && (offered.find((o) => o.id === model)?.connection ?? parseConnectionModelId(model)?.modelId)) || "Claude";
}

/** `service`: what a failed reply's note calls the model's service (serviceOf); `ownSystem`: the conversation has the student's own system prompt. */
function messageView(m: MessageRow, policy: EffectivePolicy, locale: Locale, service: (model: string | null) => string, ownSystem: boolean): MessageView {
  let note: string | null = null;
  // A reply stopped for harming the child: its words are for the adults, never shown here again.
  const withheld = m.role === "assistant" && m.flags.some((f) => f.startsWith(HARMFUL_REPLY_FLAG_PREFIX));
  if (withheld) note = translator(locale)("playground.reply.withheld");
  else if (m.status === "blocked") note = explainBlocked(m.flags, m.text, policy.blockedTopics, locale, ownSystem);
  else if (m.role === "assistant" && m.errorCode && isProviderCode(m.errorCode)) note = providerErrorMessage(m.errorCode, locale, service(m.model));
  return {
    id: m.id,
    role: m.role,
    text: withheld ? "" : m.text,
    model: m.model,
    inputTokens: m.inputTokens,
    outputTokens: m.outputTokens,
    estimated: m.usageEstimated,
    // A reply still "streaming" in the database belongs to a process that stopped mid-way.
    status: m.status === "streaming" ? "incomplete" : m.status,
    note,
  };
}

function isProviderCode(code: string): code is ProviderErrorCode {
  return (PROVIDER_ERROR_CODES as readonly string[]).includes(code);
}

function formatSchedule(s: Schedule, t: ReturnType<typeof translator>, locale: Locale): string {
  const days = [...s.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => t(`playground.day.${d}` as "playground.day.0"));
  // the language's own list (周一、周二和周三), not an English comma on a Chinese page
  return t("playground.hours.range", { days: new Intl.ListFormat(locale, { type: "conjunction" }).format(days), from: s.from, to: s.to });
}

export default function Playground() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const student = d.role === "student";
  const newChatHref = d.tryit ? `/playground?tryit=${encodeURIComponent(d.tryit.ref)}` : "/playground";
  const continuing = actionData && "continuing" in actionData && typeof actionData.continuing === "string" ? actionData.continuing : null;
  // The blocked prompt's note is already in the conversation on screen: not said twice.
  const blockedShown = continuing !== null && d.current?.id === continuing;
  return (
    <main id="main" className="page pg-page">
      <div className="pg-head">
        <h1>{t("playground.title")}</h1>
        <p className="muted">{t("playground.lead")}</p>
      </div>
      {student ? (
        <p className="alert info pg-banner">
          <EyeIcon /> <span>{t("playground.banner.student")}</span>
        </p>
      ) : (
        <p className="small muted">{t("playground.banner.staff")}</p>
      )}
      {!d.claudeConfigured ? <NoModelNote reader={student ? "student" : d.isAdmin ? "admin" : "teacher"} /> : null}
      {d.closedMessage ? (
        <div className="alert warn" role="status">
          <p>{d.closedMessage}</p>
          {d.hours.length > 0 ? <p className="small">{t("playground.hours", { hours: d.hours.join("; ") })}</p> : null}
          {d.closedHelp ? (
            <p className="small" data-testid="closed-help">
              {d.closedHelp}
            </p>
          ) : null}
        </div>
      ) : null}
      {d.usage ? (
        <p className="small muted">
          {t("playground.usage.today", { used: d.usage.used.toLocaleString(locale), budget: d.usage.budget.toLocaleString(locale) })}
        </p>
      ) : null}
      <div className="pg-layout">
        <ConversationList conversations={d.conversations} currentId={d.current?.id ?? null} newChatHref={newChatHref} />
        <div className="pg-main">
          {d.tryit ? <TryItPanel tryit={d.tryit} offline={!d.models.some((m) => m.provider === "claude")} /> : null}
          {d.tryitMissing ? <p className="alert warn">{t("playground.tryit.notFound")}</p> : null}
          <Chat
            conversation={d.current}
            models={d.models}
            defaultModel={d.defaultModel}
            exploreMode={d.exploreMode}
            closedMessage={d.closedMessage}
            tryit={d.tryit}
            prefill={actionData?.prompt || d.prefill}
            actionError={!blockedShown && actionData && "error" in actionData ? actionData.error : null}
            continuing={continuing}
            student={student}
          />
        </div>
      </div>
    </main>
  );
}

function EyeIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="pg-eye">
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="12" cy="12" r="3" fill="currentColor" />
    </svg>
  );
}
