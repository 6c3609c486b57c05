"use client";

import type { ReactNode } from "react";
import { LanguageProvider } from "../../lib/i18n/language";
import type { Language } from "../../lib/i18n/languages";
import { SessionProvider } from "../../lib/session/session";

export function Providers({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <LanguageProvider initial={language}>
      <SessionProvider>{children}</SessionProvider>
    </LanguageProvider>
  );
}
