/**
 * /admin/models — the school's model connections: add, edit, find models, approve them for
 * students, test with one click, disable, remove. API keys go one way: into the server, sealed.
 * The page shows only whether one is set and its last 4 characters.
 */
import type { InputHTMLAttributes } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ConnectionModel } from "../../db/schema";
import type { MessageKey } from "~/i18n/catalog/en";
import { useT } from "~/i18n/use-t";
import { parseConnectionForm } from "~/forms/model-connections.server";
import {
  connectionSecret,
  getConnection,
  listConnections,
  removeConnection,
  setConnectionEnabled,
  type ConnectionKind,
  type ConnectionView,
} from "~/models/model-connections.server";
import { discoverModels, saveConnection, testConnection, type ConnectionTestResult } from "~/playground/connections.server";
import { baseUrlRefused } from "~/playground/outbound.server";
import { providersConfig } from "~/playground/providers.server";
import { requireAdmin } from "~/utils/auth.server";
import { formObject, readForm } from "~/utils/forms.server";
import { MAX_CHARS } from "~/utils/form-limits";
// an action's error shows inside the site's frame, in the reader's language (error-page.tsx)
export { ErrorPage as ErrorBoundary } from "~/components/ui/error-page";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const config = providersConfig();
  return {
    connections: await listConnections(admin),
    // Read-only: what the environment defines, never its key.
    env: config.claude ? { baseUrl: config.claude.baseURL ?? "https://api.anthropic.com", models: config.claudeModels } : null,
  };
}

type Result = {
  errors?: Record<string, MessageKey>;
  saved?: boolean;
  /** Models approved by this save were added to what new classes may use. */
  offeredToNewClasses?: boolean;
  /** Saved with models, none of them approved: no class can choose it yet. */
  noneApproved?: boolean;
  removed?: boolean;
  /** The form to show again (a failed save, or found models to approve). */
  draft?: Omit<ConnectionView, "id" | "enabled" | "updatedAt"> & { id: string | null };
  /**
   * What "Find models" found. `reached`: the address answered, without a list of models (Ollama,
   * llama-server); otherwise the address itself failed, and the page says why as "Test" does.
   */
  discovered?: { ok: true; n: number } | { ok: false; reached: boolean; code: string; status: number | null };
  test?: { id: string; results: ConnectionTestResult[] };
};

/** Failures where the address itself did not answer as a server (found by a walk through the admin's pages: reported as "no list of models"). */
const UNREACHED = new Set(["connection", "timeout", "address_refused"]);

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = formObject(await readForm(request));
  const id = String(form.id ?? "");
  const intent = String(form.intent ?? "");
  if (intent === "test" || intent === "enable" || intent === "disable" || intent === "remove") {
    const current = await getConnection(admin, id);
    if (!current) return data<Result>({ errors: { id: "models.notFound" } }, { status: 404 });
    if (intent === "test") {
      const results = await testConnection(current, await connectionSecret(admin, id));
      return data<Result>({ test: { id, results } });
    }
    if (intent === "remove") return data<Result>({ removed: await removeConnection(admin, id) });
    await setConnectionEnabled(admin, id, intent === "enable");
    return data<Result>({ saved: true });
  }
  const parsed = parseConnectionForm(form);
  const existing = id ? await getConnection(admin, id) : null;
  if (id && !existing) return data<Result>({ errors: { id: "models.notFound" } }, { status: 404 });
  if (!parsed.ok) {
    return data<Result>({ errors: parsed.errors }, { status: 400 });
  }
  // An address the server's policy refuses is neither saved nor asked for its models (each
  // connection is judged again when it is opened: a name may resolve elsewhere later).
  if (await baseUrlRefused(parsed.data.baseUrl)) {
    const models: ConnectionModel[] = parsed.data.models.map((m) => ({ ...m, approvedBy: null, approvedAt: null }));
    const draft = { id: existing?.id ?? null, name: parsed.data.name, kind: parsed.data.kind, baseUrl: parsed.data.baseUrl, keyHint: existing?.keyHint ?? null, models };
    return data<Result>({ errors: { baseUrl: "models.url.refused" }, draft }, { status: 400 });
  }
  // The saved key goes only to the address it was saved for: a new address (to list its models or
  // to save) needs the key typed again, or any admin session could send the key anywhere.
  if (existing?.keyHint && parsed.data.apiKey === null && parsed.data.baseUrl !== existing.baseUrl) {
    const draft = { id: existing.id, name: parsed.data.name, kind: parsed.data.kind, baseUrl: parsed.data.baseUrl, keyHint: existing.keyHint, models: existing.models };
    return data<Result>({ errors: { apiKey: "models.keyForNewAddress" }, draft }, { status: 400 });
  }
  if (intent === "discover") {
    // Keys typed but not yet saved are used for the listing and not kept.
    const key = parsed.data.apiKey ?? (existing ? await connectionSecret(admin, existing.id) : "");
    const listed = await discoverModels(parsed.data, key);
    const models: ConnectionModel[] = parsed.data.models.map((m) => ({ ...m, approvedBy: null, approvedAt: null }));
    if (listed.ok) {
      for (const m of listed.models) {
        if (!models.some((x) => x.id === m.id)) {
          models.push({ id: m.id, displayName: m.displayName, contextWindow: FOUND_WINDOW[parsed.data.kind], approved: false, approvedBy: null, approvedAt: null });
        }
      }
    }
    return data<Result>({
      draft: { id: existing?.id ?? null, name: parsed.data.name, kind: parsed.data.kind, baseUrl: parsed.data.baseUrl, keyHint: existing?.keyHint ?? null, models },
      discovered: listed.ok
        ? { ok: true, n: listed.models.length }
        : { ok: false, reached: !UNREACHED.has(listed.code), code: listed.code, status: "status" in listed ? (listed.status ?? null) : null },
    });
  }
  const { offeredToNewClasses } = await saveConnection(admin, existing, parsed.data);
  const noneApproved = parsed.data.models.length > 0 && !parsed.data.models.some((m) => m.approved);
  return data<Result>({ saved: true, offeredToNewClasses, noneApproved });
}

/**
 * The context window a found model starts with, for the admin to correct: Claude's, and a cautious
 * one for a school's own server (Ollama and llama-server run most models with a few thousand
 * tokens unless told otherwise; 200,000 there made the students' context meter meaningless).
 */
const FOUND_WINDOW: Record<ConnectionKind, number> = { claude: 200_000, compatible: 200_000, local: 8_192 };

export default function AdminModels() {
  const { connections, env } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT();
  return (
    <section aria-labelledby="models-h" className="dash stack">
      <h2 id="models-h">{t("models.title")}</h2>
      <p className="muted">{t("models.lead")}</p>
      {result?.saved ? (
        <div className="alert success" role="status">
          {t("models.saved")}
          {result.offeredToNewClasses ? <p>{t("models.offeredToNewClasses")}</p> : null}
          {result.noneApproved ? <p>{t("models.noneApproved", { edit: t("models.edit"), approved: t("models.approved") })}</p> : null}
        </div>
      ) : null}
      {result?.removed ? (
        <div className="alert success" role="status">
          {t("models.removed")}
        </div>
      ) : null}
      <p className="small muted">{t("models.mini")}</p>
      <p>
        <a href="/admin/models/approved.csv" download>
          {t("models.csv.download")}
        </a>
      </p>
      <div className="card">
        <h3>{t("models.env.title")}</h3>
        {env ? (
          <>
            <p className="small muted">{t("models.env.body")}</p>
            <p>
              <code>{env.baseUrl}</code> — {env.models.join(", ")}
            </p>
          </>
        ) : (
          <p className="small muted">{t("models.env.none")}</p>
        )}
      </div>
      {connections.length === 0 ? <p>{t("models.none")}</p> : null}
      {connections.map((c) => (
        <div className="card" key={c.id} data-connection={c.id}>
          <h3>
            {c.name}<span className="small muted">{t("common.inParentheses", { text: c.enabled ? t("models.enabled") : t("models.disabled") })}</span>
          </h3>
          <p className="small muted">
            {t(`models.kind.${c.kind}`)} · <code>{c.baseUrl}</code> ·{" "}
            {t("models.approvedCount", { approved: c.models.filter((m) => m.approved).length, total: c.models.length })}
          </p>
          {result?.test?.id === c.id ? <TestResults results={result.test.results} /> : null}
          <Form method="post" className="row">
            <input type="hidden" name="id" value={c.id} />
            <button type="submit" name="intent" value="test" className="secondary small-button">
              {t("models.test")}
            </button>
            <button type="submit" name="intent" value={c.enabled ? "disable" : "enable"} className="secondary small-button">
              {c.enabled ? t("models.disable") : t("models.enable")}
            </button>
            <button type="submit" name="intent" value="remove" className="danger small-button">
              {t("models.remove")}
            </button>
          </Form>
          <details open={result?.draft?.id === c.id}>
            <summary>{t("models.edit")}</summary>
            <ConnectionForm connection={result?.draft?.id === c.id ? result.draft : c} result={result?.draft?.id === c.id ? result : undefined} />
          </details>
        </div>
      ))}
      <div className="card">
        <h3>{t("models.add")}</h3>
        <ConnectionForm
          key={connections.length}
          connection={result?.draft && result.draft.id === null ? result.draft : null}
          result={result?.draft?.id === null || (result?.errors && !result.draft) ? result : undefined}
        />
      </div>
    </section>
  );
}

/** One line for a single model or a failure of the whole connection; a list naming each model otherwise. */
function TestResults({ results }: { results: ConnectionTestResult[] }) {
  const t = useT();
  const line = (r: ConnectionTestResult) => t(`models.test.${r.code}`, { model: r.model ?? "", ms: r.latencyMs, status: r.status ?? "" });
  const allOk = results.every((r) => r.code === "ok");
  return (
    <div className={allOk ? "alert success" : "form-error"} role="status">
      {results.length === 1 ? (
        <span data-test-code={results[0]!.code}>{line(results[0]!)}</span>
      ) : (
        <>
          <p>{allOk ? t("models.test.allOk", { count: results.length }) : t("models.test.someFailed", { count: results.filter((r) => r.code !== "ok").length, total: results.length })}</p>
          <ul>
            {results.map((r) => (
              <li key={r.model} data-test-code={r.code}>
                <code>{r.model}</code> — {r.code === "ok" ? t("models.test.okInList", { ms: r.latencyMs }) : line(r)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type Editable = Omit<ConnectionView, "id" | "enabled" | "updatedAt"> & { id: string | null };

function ConnectionForm({ connection, result }: { connection: Editable | null; result?: Result }) {
  const t = useT();
  const errors = result?.errors ?? {};
  const c = connection;
  const models = c?.models ?? [];
  // Ids unique on the page: one form per connection, and the new one.
  const p = `conn-${c?.id ?? "new"}`;
  return (
    <Form method="post" className="stack" noValidate>
      {c?.id ? <input type="hidden" name="id" value={c.id} /> : null}
      {result?.discovered ? (
        <p role="status" className="small">
          {result.discovered.ok
            ? t("models.discovered", { count: result.discovered.n })
            : // a refused key is the key's problem, not a server without a list of models
              result.discovered.reached && result.discovered.code !== "auth" && result.discovered.code !== "permission"
              ? t("models.discoverFailed", { reason: result.discovered.status ?? "—" })
              : t(`models.test.${result.discovered.code}` as "models.test.connection", { status: result.discovered.status ?? "" })}
        </p>
      ) : null}
      <Text id={`${p}-name`} name="name" label={t("models.name")} defaultValue={c?.name ?? ""} error={errors.name} required maxLength={MAX_CHARS.connectionName} />
      <div className="field">
        <label htmlFor={`${p}-kind`}>{t("models.kind")}</label>
        <select id={`${p}-kind`} name="kind" defaultValue={c?.kind ?? "local"}>
          {(["claude", "local", "compatible"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`models.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <Text id={`${p}-url`} name="baseUrl" type="url" label={t("models.baseUrl")} hint={t("models.baseUrlHint")} defaultValue={c?.baseUrl ?? ""} error={errors.baseUrl} required />
      <label className="choice">
        <input type="checkbox" name="insecureOk" />
        <span>{t("models.insecureOk")}</span>
      </label>
      <Text
        id={`${p}-key`}
        name="apiKey"
        type="password"
        autoComplete="off"
        label={t("models.apiKey")}
        hint={c?.keyHint ? t("models.keySet", { hint: c.keyHint }) : `${t("models.keyNone")} ${t("models.apiKeyHint")}`}
        error={errors.apiKey}
      />
      {c?.keyHint ? (
        <label className="choice">
          <input type="checkbox" name="removeKey" />
          <span>{t("models.removeKey")}</span>
        </label>
      ) : null}
      <fieldset>
        <legend>{t("models.models")}</legend>
        {errors.models ? <p className="field-error">{t(errors.models)}</p> : null}
        {models.map((m, i) => (
          <div key={m.id} className="row model-row">
            <input type="hidden" name={`model.${i}.id`} value={m.id} />
            <code>{m.id}</code>
            <label>
              <span className="visually-hidden">{t("models.displayName")}</span>
              <input type="text" name={`model.${i}.name`} defaultValue={m.displayName} placeholder={t("models.displayName")} />
            </label>
            <label>
              <span className="small">{t("models.contextWindow")}</span>
              <input name={`model.${i}.window`} type="number" min={1000} defaultValue={m.contextWindow} />
            </label>
            <label className="choice">
              <input type="checkbox" name={`model.${i}.approved`} defaultChecked={m.approved} />
              <span>{t("models.approved")}</span>
            </label>
            {m.approvedAt ? <span className="small muted">{t("models.approvedBy", { date: m.approvedAt.slice(0, 10) })}</span> : null}
            <label className="choice">
              <input type="checkbox" name={`model.${i}.remove`} />
              <span>{t("models.removeModel")}</span>
            </label>
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${p}-new`}>{t("models.newModels")}</label>
          <textarea id={`${p}-new`} name="newModels" rows={2} aria-describedby={`${p}-new-hint`} spellCheck={false} autoCapitalize="none" />
          <p id={`${p}-new-hint`} className="hint small muted">
            {t("models.newModelsHint")}
          </p>
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" name="intent" value="discover" className="secondary">
          {t("models.discover")}
        </button>
        <button type="submit" name="intent" value="save" className="primary">
          {t("models.save")}
        </button>
      </div>
    </Form>
  );
}

function Text({ id, label, hint, error, ...input }: { id: string; name: string; label: string; hint?: string; error?: MessageKey } & InputHTMLAttributes<HTMLInputElement>) {
  const t = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input id={id} type="text" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
