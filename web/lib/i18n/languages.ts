import type { Language } from "@finstat/functions/analysis/types";

export type { Language };

export const LANGUAGES: readonly Language[] = ["tr", "en"];
export const LANGUAGE_COOKIE = "finstat_lang";

export function parseLanguage(value: string | undefined | null): Language {
  return value === "en" ? "en" : "tr";
}
