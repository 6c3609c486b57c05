import type { Statement } from "../types";
import { foldForMatching } from "./turkish-text";

/**
 * A heading that says the amounts are in the purchasing power of the balance-sheet date: the
 * statement is restated for inflation (TMS 29 / IAS 29) and its periods compare as they are.
 * "31 Aralık 2024 tarihindeki satın alma gücü cinsinden", "enflasyon etkisine göre
 * düzeltilmiş", "in terms of the purchasing power of the Turkish lira at 31 December 2024".
 */
const RESTATED =
  /satin alma gucu|enflasyon (?:etkisine gore |muhasebesine gore )?duzeltil|(?:tms|tfrs|ias) 29|hyperinflation|purchasing power/;

export function mentionsRestatement(text: string): boolean {
  return RESTATED.test(foldForMatching(text));
}

/**
 * What a report's notes say of TMS 29 / IAS 29 for its own statements. Large Turkish reports say
 * it only in a note ("… TMS 29 hükümlerini uygulamak suretiyle enflasyon muhasebesi uygulamasına
 * başlamıştır"), not over the statements. A refusal wins over an application anywhere in the
 * text: banks were told not to restate (Akbank 2024: "… enflasyon düzeltmesine tabi
 * tutulmamasına karar vermiştir") and explain the standard while saying so.
 */
const APPLIED = [
  /satin alma gucunde (?:hazirlanmis|ifade edil|sunul)/,
  /enflasyon muhasebesi(?:ni)? uygula(?:maya basla|mis|narak|makta)/,
  /tms 29 (?:hukumlerini |standardini )?uygula(?:mak suretiyle|narak|nmistir|mistir)/,
  /restated (?:for|to reflect) (?:the )?changes in the general purchasing power/,
  /in terms of the measuring unit current at/,
  /(?:has|have) applied ias 29/,
];
const NOT_APPLIED = [
  /tabi tutulmamas/,
  /uygulanmamas/,
  /uygulanmayacag/,
  /uygulanmasina gerek (?:olmadig|bulunmadig)/,
  /ias 29 (?:has|have|was|were|is) not (?:been )?applied/,
  /(?:has|have) not (?:been )?(?:applied|restated)[a-z ]{0,40}ias 29/,
];

export type RestatementStance = "applied" | "not_applied";

export function restatementStance(pageTexts: readonly string[]): RestatementStance | undefined {
  const text = pageTexts.map(foldForMatching).join(" ").replace(/\s+/g, " ");
  if (!/(?:tms|ias) 29|hyperinflation|yuksek enflasyon/.test(text)) return undefined;
  if (NOT_APPLIED.some((pattern) => pattern.test(text))) return "not_applied";
  return APPLIED.some((pattern) => pattern.test(text)) ? "applied" : undefined;
}

/** Turkish statements fall under TMS 29 from the year ending 31 December 2023. */
const TMS_29_FROM = "2023-12-31";

/**
 * A report that says it applied TMS 29 has its lira statements restated from 2023 on; earlier
 * periods and other currencies are left as their own headings say.
 */
export function applyRestatementStance(statements: Statement[], stance: RestatementStance | undefined): void {
  if (stance !== "applied") return;
  for (const statement of statements) {
    const ends = statement.periods.map((period) => period.end ?? "");
    if (statement.currency === "TRY" && ends.some((end) => end >= TMS_29_FROM)) statement.restated = true;
  }
}
