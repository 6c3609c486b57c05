/**
 * What a second reader's text says an amount cell holds, as a magnitude, or undefined when the
 * text is not cleanly one amount. The recognition network often swaps "." and "," as
 * thousands separators (45.667,20 for 45,667.20), so the marks are not trusted: a mark before
 * exactly two digits at the end is the decimal mark, every other mark groups three digits, and
 * a reading whose groups are not three digits wide is no reading (the reader is unsure; better
 * no second opinion than a wrong one for the arithmetic to weigh).
 */
export function cellAmount(text: string): number | undefined {
  // A currency sign or letter printed or misread before the figure ("P", "₱", "$", "R").
  const body = text
    .replace(/\s+/g, "")
    .replace(/^[([-]?(?:[A-Za-z₱$€£₺]{1,2})/, "")
    .replace(/^\(|\)$|^-|^[–—−]/g, "");
  if (!/^\d[\d.,]*\d$|^\d$/.test(body)) return undefined;
  const parts = body.split(/[.,]/);
  let fraction = "";
  const last = parts[parts.length - 1] as string;
  if (parts.length > 1 && last.length === 2) {
    fraction = last;
    parts.pop();
  }
  const [head, ...groups] = parts as [string, ...string[]];
  if (head.length === 0 || head.length > (groups.length > 0 ? 3 : 15)) return undefined;
  if (groups.some((g) => g.length !== 3)) return undefined;
  return Number(`${head}${groups.join("")}.${fraction || "0"}`);
}
