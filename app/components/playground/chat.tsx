/**
 * The chat: stored messages, the reply being streamed, and the composer. Without JavaScript the
 * composer is a plain form posted to the page (the reply appears when complete); with it, the
 * same form streams through /api/playground/stream and can be stopped.
 */
import { Form, useNavigate, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useT } from "~/i18n/use-t";
import { MAX_CHARS } from "~/utils/form-limits";
import { ContextMeter } from "./context-meter";
import { MessageBubble } from "./message-view";
import { preloadReplyMarkdown } from "./reply-text";
import type { ConversationView, MessageView, ModelView, TryItView } from "./types";
import { useChatStream } from "./use-chat-stream";
import { WaitingNote } from "./waiting-note";
import { Button } from "~/components/ui/button";

export interface ChatProps {
  conversation: ConversationView | null;
  models: ModelView[];
  defaultModel: string;
  exploreMode: boolean;
  /** Why the user cannot send right now (closed, switched off…), or null. */
  closedMessage: string | null;
  tryit: TryItView | null;
  prefill: string;
  /** From the no-JavaScript form post. */
  actionError: string | null;
  /** The conversation a blocked prompt was stored in, which the next send of the no-JavaScript form continues. */
  continuing?: string | null;
  /** A student sees that the list is their class's choice. */
  student: boolean;
}

export function Chat({
  conversation,
  models,
  defaultModel,
  exploreMode,
  closedMessage,
  tryit,
  prefill,
  actionError,
  continuing = null,
  student,
}: ChatProps) {
  const t = useT();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const formRef = useRef<HTMLFormElement>(null);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [modelId, setModelId] = useState(defaultModel);
  // A model picked before the page hydrated is in the list, not in state: React does not read a
  // select back when it hydrates, and its next render would put the default back, so a student on
  // a slow network who chose the offline model had the message sent to Claude (found by a
  // browser test that picked before hydration). The list is read once, on mount; later, another
  // conversation's model replaces the choice.
  const modelRef = useRef<HTMLSelectElement>(null);
  const pickedBeforeHydration = useRef(true);
  useEffect(() => {
    const picked = pickedBeforeHydration.current ? modelRef.current?.value : undefined;
    pickedBeforeHydration.current = false;
    setModelId(picked && models.some((m) => m.id === picked) ? picked : defaultModel);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the models come with defaultModel
  }, [defaultModel]);
  const model = models.find((m) => m.id === modelId) ?? models[0];
  const conversationId = conversation?.id ?? null;
  const tryitQuery = tryit ? `&tryit=${encodeURIComponent(tryit.ref)}` : "";

  // A new conversation's page is opened once its exchange has settled, when the reply is stored:
  // then its data holds the reply. Navigating there as the stream started raced the reply — one
  // that ended first navigated again, or asked for fresh data, while the page's data was still
  // arriving, and the browser aborted it mid-body ("BodyStreamBuffer was aborted"). Until then
  // the exchange shows as pending on this page.
  // The prompt box is keyed by the conversation, so that opening another one from the list gives
  // a fresh box. The conversation this page's own message just started keeps the box the student
  // typed in: a new one lost the keyboard's focus, and anything typed meanwhile.
  // "New chat" (a link: this component stays) is a fresh box again, so each new chat's box is
  // numbered: counted on the way back to no conversation (the new chat renders again, its reply
  // arriving, before it opens — and keeps its box).
  const newChats = useRef(0);
  const shownId = useRef(conversationId);
  if (shownId.current !== conversationId) {
    if (conversationId === null) newChats.current++;
    shownId.current = conversationId;
  }
  const boxKey = `${conversationId ?? `new-${newChats.current}`}:${prefill}`;
  const startedHere = useRef<{ id: string; key: string } | null>(null);
  const promptKey = startedHere.current?.id === conversationId ? startedHere.current.key : boxKey;
  // On a phone the composer fills the screen and the answer arrives above it: brought into view
  // once the message is sent.
  const showReply = useRef(false);
  const { pending, send, stop, clear, streaming } = useChatStream({
    onStart() {
      if (promptRef.current) promptRef.current.value = "";
    },
    onSettled(id) {
      if (id && id !== conversationId) {
        startedHere.current = { id, key: promptKey };
        navigate(`/playground?c=${id}${tryitQuery}`, { preventScrollReset: true });
      } else revalidator.revalidate();
    },
    messages: { networkError: t("playground.networkError"), stopped: t("playground.stopped") },
  });

  // The pending exchange belongs on screen while its stored messages have not arrived yet.
  const stored = conversation?.messages ?? [];
  const mine =
    pending !== null &&
    (pending.conversationId === conversationId || (conversation === null && pending.baseCount === 0));
  const arrived = mine ? stored.length - pending.baseCount : 0;
  const held = pending?.support?.held === true;
  const expected = held ? (pending?.regenerate ? 0 : 1) : pending?.regenerate || pending?.error?.code === "blocked" ? 1 : 2;
  const settled = pending !== null && pending.state !== "streaming";
  useEffect(() => {
    if (mine && settled && pending.error?.stored !== false && arrived >= expected) clear();
  }, [mine, settled, arrived, expected, pending, clear]);
  // A prompt held back for personal data is stored blanked out: the student's own words stay in
  // the box, to take out the part named and send again. In a new chat the box is a new one once
  // the page opens the conversation the prompt was stored in (the box is keyed by it), so they
  // are put back there (found in lesson 7's try-it: a long edit lost for one detail missed).
  const blockedPrompt = pending?.error?.code === "blocked" ? pending.prompt : null;
  useEffect(() => {
    if (blockedPrompt && promptRef.current && promptRef.current.value === "") promptRef.current.value = blockedPrompt;
  }, [blockedPrompt, conversationId]);

  const shown: MessageView[] = [...stored];
  if (mine && pending && pending.error?.stored !== false) {
    if (!pending.regenerate && arrived < 1 && pending.prompt) {
      shown.push({
        id: "pending-prompt",
        role: "user",
        text: pending.prompt,
        model: pending.model,
        inputTokens: 0,
        outputTokens: 0,
        status: pending.error?.code === "blocked" ? "blocked" : "complete",
        note: pending.error?.code === "blocked" ? pending.error.message : null,
        support: pending.support,
      });
    }
    if (arrived < expected && pending.error?.code !== "blocked" && !held) {
      shown.push({
        id: "pending-reply",
        role: "assistant",
        text: pending.text,
        model: pending.model,
        inputTokens: pending.usage?.inputTokens ?? 0,
        outputTokens: pending.usage?.outputTokens ?? 0,
        estimated: pending.usage?.estimated ?? false,
        status:
          pending.state === "streaming"
            ? "streaming"
            : pending.state === "done"
              ? pending.withheld
                ? "incomplete"
                : "complete"
              : pending.text
                ? "incomplete"
                : "error",
        note: pending.withheld ?? pending.error?.message ?? null,
      });
    }
  }
  const messagesRef = useRef<HTMLOListElement>(null);
  const shownCount = shown.length;
  useEffect(() => {
    if (!showReply.current || shownCount === 0) return;
    showReply.current = false;
    // the student's own message at the top, the answer under it (the last one, when regenerating)
    const sent = messagesRef.current?.querySelectorAll(".from-user");
    sent?.[sent.length - 1]?.scrollIntoView({ block: "nearest" });
  }, [shownCount]);
  const refusedNow = pending?.state === "error" && pending.error && !pending.error.stored ? pending.error.message : null;
  // A crisis message the model never saw is not asked again: the support card is its answer.
  const lastSent = stored.findLast((m) => m.role === "user" && m.status !== "blocked");
  const canRegenerate = lastSent !== undefined && !lastSent.support?.held;
  const labelOf = (id: string | null) => models.find((m) => m.id === id)?.label ?? null;
  const liveTokens =
    mine && pending?.usage ? pending.usage.inputTokens + pending.usage.outputTokens : (conversation?.tokens ?? 0);
  const disabled = closedMessage !== null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (streaming || disabled) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget, submitter);
    showReply.current = true;
    void send(form, { conversationId, baseCount: stored.length });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <section className="pg-chat" aria-labelledby="pg-chat-title">
      <h2 id="pg-chat-title" className="visually-hidden">
        {conversation?.title || t("playground.newChat")}
      </h2>
      {model ? <ContextMeter tokens={liveTokens} model={model} /> : null}
      {shown.length === 0 ? (
        <p className="pg-empty muted">{t("playground.empty")}</p>
      ) : (
        <ol className="pg-messages" aria-live="polite" aria-busy={streaming} ref={messagesRef}>
          {shown.map((m, i) => (
            <MessageBubble
              key={m.id}
              message={m}
              modelLabel={labelOf(m.model)}
              tryit={tryit}
              prompt={shown.slice(0, i).findLast((x) => x.role === "user")?.text ?? ""}
              provider={models.find((x) => x.id === m.model)?.provider ?? (m.model === "mini" ? "mini" : "claude")}
            />
          ))}
        </ol>
      )}
      <WaitingNote waiting={mine && pending?.state === "streaming" && pending.text === "" && !held} />

      <Form method="post" ref={formRef} onSubmit={onSubmit} className="pg-composer card" aria-label={t("playground.prompt.label")}>
        {refusedNow || actionError ? (
          <p className="alert error" role="alert">
            {refusedNow ?? actionError}
          </p>
        ) : null}
        <fieldset disabled={disabled} className="pg-fieldset">
          <legend className="visually-hidden">{t("playground.prompt.label")}</legend>
          <input type="hidden" name="conversationId" value={conversationId ?? continuing ?? ""} />
          {tryit ? <input type="hidden" name="tryit" value={tryit.ref} /> : null}
          <div className="pg-composer-row">
            <div className="field pg-model">
              <label htmlFor="pg-model">{t("playground.model.label")}</label>
              <select
                id="pg-model"
                ref={modelRef}
                name="model"
                value={modelId}
                onChange={(e) => setModelId(e.target.value)}
                aria-describedby={student ? "pg-model-hint" : undefined}
              >
                {models.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
              {student ? (
                <p id="pg-model-hint" className="hint">
                  {t("playground.model.hint")}
                </p>
              ) : null}
              {model ? (
                <p className="hint small" data-testid="model-where">
                  {t("playground.model.where", { where: model.where })}
                </p>
              ) : null}
            </div>
          </div>
          {tryit?.system ? (
            <div className="pg-fixed-system small">
              <p className="muted">{t("playground.fixedSystem")}</p>
              <blockquote>{tryit.system}</blockquote>
            </div>
          ) : null}
          {exploreMode && model ? (
            <ExploreSettings
              model={model}
              systemPrompt={tryit?.system ? null : (conversation?.systemPrompt ?? "")}
            />
          ) : (
            <p className="small muted">{t("playground.guided")}</p>
          )}
          <div className="field">
            <label htmlFor="pg-prompt">{t("playground.prompt.label")}</label>
            <textarea
              id="pg-prompt"
              name="prompt"
              ref={promptRef}
              rows={4}
              maxLength={MAX_CHARS.prompt}
              defaultValue={prefill}
              key={promptKey}
              onKeyDown={onKeyDown}
              onFocus={preloadReplyMarkdown}
              onPointerEnter={preloadReplyMarkdown}
              aria-describedby="pg-prompt-hint"
            />
            <p id="pg-prompt-hint" className={hydrated ? "hint pg-shortcut" : "hint"}>
              {/* the shortcut needs JavaScript: without it, the note says how the answer comes */}
              {hydrated ? t("playground.prompt.hint") : t("playground.noJsNote")}
            </p>
          </div>
          <div className="row pg-buttons">
            <Button type="submit" name="intent" value="send" className="primary" inactive={streaming}>
              {t("playground.send")}
            </Button>
            {streaming ? (
              <button type="button" className="danger" onClick={stop}>
                {t("playground.stop")}
              </button>
            ) : null}
            {canRegenerate ? (
              <Button
                type="submit"
                name="intent"
                value="regenerate"
                className="secondary"
                inactive={streaming}
                title={t("playground.regenerate.hint")}
                aria-describedby="pg-regenerate-hint"
              >
                {t("playground.regenerate")}
              </Button>
            ) : null}
            {canRegenerate ? (
              <span id="pg-regenerate-hint" className="visually-hidden">
                {t("playground.regenerate.hint")}
              </span>
            ) : null}
          </div>
        </fieldset>
      </Form>
    </section>
  );
}

function ExploreSettings({
  model,
  systemPrompt,
}: {
  model: ModelView;
  /** null: a lesson fixes the system prompt. */
  systemPrompt: string | null;
}) {
  const t = useT();
  return (
    <details className="pg-explore">
      <summary>{t("playground.explore.title")}</summary>
      {systemPrompt !== null ? (
        <div className="field">
          <label htmlFor="pg-system">{t("playground.explore.system")}</label>
          <p id="pg-system-hint" className="hint">
            {t("playground.explore.systemHint")}
          </p>
          <textarea id="pg-system" name="system" rows={3} maxLength={MAX_CHARS.systemPrompt} defaultValue={systemPrompt} aria-describedby="pg-system-hint" />
        </div>
      ) : null}
      <div className="pg-explore-numbers">
        <div className="field">
          <label htmlFor="pg-temperature">{t("playground.explore.temperature")}</label>
          <p id="pg-temperature-hint" className="hint">
            {t("playground.explore.temperatureHint")}
          </p>
          <input id="pg-temperature" name="temperature" type="number" min={0} max={1} step={0.1} defaultValue={1} aria-describedby="pg-temperature-hint" />
        </div>
        <div className="field">
          <label htmlFor="pg-max-tokens">{t("playground.explore.maxTokens")}</label>
          <p id="pg-max-tokens-hint" className="hint">
            {t("playground.explore.maxTokensHint", { max: model.maxTokens.explore })}
          </p>
          <input
            id="pg-max-tokens"
            name="maxTokens"
            type="number"
            min={1}
            max={model.maxTokens.explore}
            step={1}
            key={model.id}
            defaultValue={model.maxTokens.guided}
            aria-describedby="pg-max-tokens-hint"
          />
        </div>
      </div>
    </details>
  );
}
