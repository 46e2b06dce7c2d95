import type { admin as en } from "../en/admin";

export const admin: Record<keyof typeof en, string> = {
};
