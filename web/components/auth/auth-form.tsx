"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { useI18n } from "../../lib/i18n/language";
import { useSession } from "../../lib/session/session";
import { ErrorMessage } from "../ui/error-message";
import { Field } from "../ui/field";

const MIN_PASSWORD = 10;

/** Only paths on this site are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/companies";
}

export function AuthForm({ mode }: { mode: "signIn" | "signUp" }) {
  const { t } = useI18n();
  const session = useSession();
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (session.status === "signedIn") router.replace(next);
  }, [session.status, router, next]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (mode === "signUp" && password.length < MIN_PASSWORD) {
      setPasswordError(t("auth.passwordTooShort", { min: MIN_PASSWORD }));
      return;
    }
    setPasswordError(null);
    setBusy(true);
    try {
      if (mode === "signIn") await session.signIn(email, password);
      else await session.register({ email, password, fullName });
      router.replace(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const signUp = mode === "signUp";
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title">{signUp ? t("auth.signUpTitle") : t("auth.signInTitle")}</h1>
      <p className="lead">{signUp ? t("auth.signUpLead") : t("auth.signInLead")}</p>
      <form onSubmit={submit} noValidate={false} className="stack">
        {signUp && (
          <Field id="fullName" label={t("auth.fullName")}>
            {(describedBy) => (
              <input
                id="fullName"
                name="fullName"
                autoComplete="name"
                required
                value={fullName}
                aria-describedby={describedBy}
                onChange={(e) => setFullName(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field id="email" label={t("auth.email")}>
          {(describedBy) => (
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              aria-describedby={describedBy}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="password"
          label={t("auth.password")}
          hint={signUp ? t("auth.passwordHint", { min: MIN_PASSWORD }) : undefined}
          error={passwordError}
        >
          {(describedBy, invalid) => (
            <input
              id="password"
              name="password"
              type="password"
              autoComplete={signUp ? "new-password" : "current-password"}
              required
              minLength={signUp ? MIN_PASSWORD : undefined}
              value={password}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <ErrorMessage error={error} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("common.pleaseWait") : signUp ? t("auth.signUpAction") : t("auth.signInAction")}
        </button>
      </form>
      <p className="auth-card__switch">
        {signUp ? t("auth.haveAccount") : t("auth.noAccount")}{" "}
        <Link
          href={`${signUp ? "/signin" : "/signup"}${next !== "/companies" ? `?next=${encodeURIComponent(next)}` : ""}`}
        >
          {signUp ? t("auth.signInLink") : t("auth.signUpLink")}
        </Link>
      </p>
    </section>
  );
}
