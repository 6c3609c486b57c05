"use client";

import { useI18n } from "../../lib/i18n/language";
import { LANGUAGES } from "../../lib/i18n/languages";

/** Two toggle buttons; the pressed one is the language in use (aria-pressed for screen readers). */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t("nav.language")}</legend>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language === code}
          aria-label={code === "tr" ? "Türkçe" : "English"}
          onClick={() => setLanguage(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
