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
