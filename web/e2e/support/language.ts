import type { Page } from "playwright-core";

/**
 * English words no Turkish sentence uses, and the shape of a raw code (`low_ocr_confidence`,
 * `total_assets`): a Turkish screen showing either leaks the product's internals or a missing
 * translation. Words are matched whole, case-insensitively.
 */
const ENGLISH = [
  "the",
  "and",
  "of",
  "with",
  "failed",
  "check",
  "checks",
  "sum",
  "lines",
  "between",
  "warning",
  "error",
  "retry",
  "upload",
  "uploaded",
  "statement",
  "balance",
  "sheet",
  "income",
  "total",
  "assets",
  "liabilities",
  "equity",
  "revenue",
  "profit",
  "ratio",
  "ratios",
  "missing",
  "found",
  "please",
  "review",
  "reviewed",
  "ready",
  "processing",
  "queued",
  "document",
  "documents",
  "page",
  "pages",
  "password",
  "company",
  "companies",
  "delete",
  "download",
  "report",
  "reports",
  "send",
  "sent",
  "not",
  "checked",
  "confidence",
  "value",
  "values",
  "source",
  "sources",
  "something",
  "went",
  "wrong",

  "again",
  "sign",
  "in",
  "out",
  "analysis",
  "period",
];
const ENGLISH_WORD = new RegExp(`(?<![\\p{L}])(${ENGLISH.join("|")})(?![\\p{L}])`, "giu");
const RAW_CODE = /(?<![\p{L}\d@.])[a-z]+(?:_[a-z]+)+(?![\p{L}\d])/gu;

export interface LanguageLeak {
  text: string;
  found: string;
}

/**
 * The visible text and the accessible names of the page, less the user's own data (`userText`:
 * file names, company names, addresses) and the currency list (names from Intl), checked for
 * English words and raw codes.
 */
export async function englishOnTurkishPage(page: Page, userText: string[] = []): Promise<LanguageLeak[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) =>
      el?.closest("[data-user-text], option, script, style, noscript, svg text");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skip(parent)) continue;
      const style = getComputedStyle(parent);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const text = node.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (skip(el)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
  const leaks: LanguageLeak[] = [];
  for (const shown of texts) {
    const text = userText.reduce((rest, own) => rest.replaceAll(own, " "), shown);
    for (const match of text.matchAll(ENGLISH_WORD)) leaks.push({ text: shown, found: match[0] });
    for (const match of text.matchAll(RAW_CODE)) leaks.push({ text: shown, found: match[0] });
  }
  return leaks;
}
