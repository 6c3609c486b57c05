import type { Language } from "./languages";

/** The currencies most Finstat users report in, offered first. */
const COMMON = ["TRY", "USD", "EUR", "GBP"];

export interface CurrencyOption {
  code: string;
  label: string;
}

/**
 * Every ISO 4217 currency the runtime knows, named in the user's language by Intl
 * ("PHP — Filipinler pesosu"): statements come in pesos, rand and cedis too.
 */
export function currencyOptions(language: Language): CurrencyOption[] {
  const names = new Intl.DisplayNames([language], { type: "currency" });
  const option = (code: string) => ({ code, label: `${code} — ${names.of(code) ?? code}` });
  const rest = Intl.supportedValuesOf("currency")
    .filter((code) => !COMMON.includes(code))
    .map(option)
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return [...COMMON.map(option), ...rest];
}
