import type { Language } from "../i18n/languages";

/**
 * A number typed by a reviewer, read the way the UI language writes it: Turkish 1.234.567,89,
 * English 1,234,567.89. Parentheses or a leading minus make it negative. Returns null when
 * the text is not a number, so nothing is saved by mistake.
 */
export function parseAmountInput(text: string, language: Language): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, "").replace(/[−–]/g, "-");
  if (s === "") return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  }
  const group = language === "tr" ? "." : ",";
  const decimal = language === "tr" ? "," : ".";
  const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plain = new RegExp(`^\\d+(\\${decimal}\\d+)?$`);
  if (!grouped.test(s) && !plain.test(s)) return null;
  const normalised = s.split(group).join("").replace(decimal, ".");
  const value = Number(normalised);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
