import { createContext, useContext } from "react";

/** The per-request CSP nonce, given to every inline script Remix renders. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
