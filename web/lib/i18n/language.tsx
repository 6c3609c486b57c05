"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { LANGUAGE_COOKIE, type Language } from "./languages";
import { type MessageKey, messages } from "./messages";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** Replaces `{name}` placeholders; a missing value stays visible rather than silently empty. */
function interpolate(text: string, values?: Record<string, string | number>): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function LanguageProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initial);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    // A year; read by the root layout so the next page load renders in the chosen language.
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser accountants use.
    document.cookie = `${LANGUAGE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<LanguageState>(() => {
    const dictionary = messages[language];
    return {
      language,
      setLanguage,
      t: (key, values) => interpolate(dictionary[key], values),
    };
  }, [language, setLanguage]);

  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useI18n(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useI18n outside LanguageProvider");
  return state;
}
