"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, unwrap } from "../api/client";
import { ApiError, isApiError } from "../api/errors";
import { rememberSession } from "../api/session-token";
import type { SessionUser } from "../api/types";

type SessionStatus = "loading" | "signedIn" | "signedOut";

interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  signIn(email: string, password: string): Promise<void>;
  register(input: { email: string; password: string; fullName: string }): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>("loading");
  const [user, setUser] = useState<SessionUser | null>(null);

  const accept = useCallback((body: { user: SessionUser; csrfToken: string }) => {
    rememberSession(body.csrfToken);
    setUser(body.user);
    setStatus("signedIn");
  }, []);

  useEffect(() => {
    let cancelled = false;
    unwrap(api().auth.me.$get())
      .then((body) => {
        if (!cancelled) accept(body);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (!isApiError(error) || error.status !== 401) console.error(error);
        rememberSession(null);
        setUser(null);
        setStatus("signedOut");
      });
    return () => {
      cancelled = true;
    };
  }, [accept]);

  const signIn = useCallback(
    async (email: string, password: string) =>
      accept(await unwrap(api().auth.login.$post({ json: { email, password } }))),
    [accept],
  );

  // Registering answers the same whether or not the address is taken, and gives no session:
  // logging in with the new password is what tells the user it worked.
  const register = useCallback(
    async (input: { email: string; password: string; fullName: string }) => {
      await unwrap(api().auth.register.$post({ json: input }));
      try {
        await signIn(input.email, input.password);
      } catch (error) {
        if (!isApiError(error, "invalid_credentials")) throw error;
        throw new ApiError(
          "registration_sign_in_failed",
          error.status,
          "We could not sign you in with this address and password. If the address already has an account, sign in with its password; we have sent it an e-mail about this.",
        );
      }
    },
    [signIn],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(api().auth.logout.$post());
    } finally {
      rememberSession(null);
      setUser(null);
      setStatus("signedOut");
    }
  }, []);

  const value = useMemo(
    () => ({ status, user, signIn, register, signOut }),
    [status, user, signIn, register, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}
