import type { MessageKey } from "~/i18n/catalog/en";
import type { PasswordProblem } from "./password.server";

export const PASSWORD_PROBLEM_KEYS: Record<PasswordProblem, MessageKey> = {
  too_short: "auth.password.tooShort",
  too_long: "auth.password.tooLong",
  too_common: "auth.password.tooCommon",
  too_simple: "auth.password.tooSimple",
};
