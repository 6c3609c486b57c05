import type { PageWords, Word } from "../../src/pipeline/types";

/**
 * Scores OCR words against the text layer of the digital page they were scanned from: each
 * printed amount is looked up by position, so a dropped leading digit or a split number counts
 * as an error even when the same string appears elsewhere on the page.
 */
const AMOUNT = /^\d{1,3}(\.\d{3})*,\d{2}$/;

export interface AmountScore {
  amounts: number;
  exact: number;
  digits: number;
  digitErrors: number;
  misread: Array<{ expected: string; read: string }>;
}

export function amountWords(textLayer: Word[]): Word[] {
  return textLayer.filter((word) => AMOUNT.test(word.text));
}

export function scoreAmounts(truth: Word[], page: PageWords, slack = { x: 6, y: 4 }): AmountScore {
  const score: AmountScore = { amounts: truth.length, exact: 0, digits: 0, digitErrors: 0, misread: [] };
  for (const expected of truth) {
    const read = page.words
      .filter((word) => {
        const cx = (word.bbox.x0 + word.bbox.x1) / 2;
        const cy = (word.bbox.y0 + word.bbox.y1) / 2;
        return (
          cx >= expected.bbox.x0 - slack.x &&
          cx <= expected.bbox.x1 + slack.x &&
          cy >= expected.bbox.y0 - slack.y &&
          cy <= expected.bbox.y1 + slack.y
        );
      })
      .sort((a, b) => a.bbox.x0 - b.bbox.x0)
      .map((word) => word.text)
      .join("");
    const wanted = digitsOf(expected.text);
    score.digits += wanted.length;
    score.digitErrors += Math.min(wanted.length, editDistance(wanted, digitsOf(read)));
    if (read === expected.text) score.exact += 1;
    else score.misread.push({ expected: expected.text, read });
  }
  return score;
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, "");
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
