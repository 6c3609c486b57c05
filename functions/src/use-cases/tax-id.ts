/**
 * Turkish tax identifiers: a company's 10-digit VKN (Vergi Kimlik Numarası) or a sole
 * trader's 11-digit TCKN (T.C. Kimlik Numarası). Both end in check digits, so a typo is
 * caught before a report carries a wrong number.
 */
export function isValidVkn(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const shifted = (digits[i]! + 9 - i) % 10;
    let weighted = (shifted * 2 ** (9 - i)) % 9;
    if (shifted !== 0 && weighted === 0) weighted = 9;
    sum += weighted;
  }
  return (10 - (sum % 10)) % 10 === digits[9];
}

export function isValidTckn(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = d.slice(0, 10).reduce((s, n) => s + n, 0) % 10;
  return tenth === d[9] && eleventh === d[10];
}

export function isValidTaxId(value: string): boolean {
  return value.length === 10 ? isValidVkn(value) : isValidTckn(value);
}
