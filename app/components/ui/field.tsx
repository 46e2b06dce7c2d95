import type { InputHTMLAttributes } from "react";
import type { MessageKey } from "~/i18n/catalog/en";
import { useT } from "~/i18n/use-t";

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  /** A catalog key from the action's validation, translated here. */
  error?: MessageKey;
  multiline?: boolean;
  rows?: number;
} & Omit<InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>, "name">;

/** A labelled control with its hint and error tied to it for screen readers. */
export function Field({ name, label, hint, error, multiline, rows, ...input }: FieldProps) {
  const t = useT();
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    ...input,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={rows ?? 6} {...common} /> : <input type={input.type ?? "text"} {...common} />}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}
