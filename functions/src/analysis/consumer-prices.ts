/**
 * Consumer-price inflation, December to December, for comparing nominal statements across
 * years. Source: TÜİK (Turkish Statistical Institute), Tüketici Fiyat Endeksi, annual change
 * of December. A deployment adds a year by adding a line here; a year that is missing means
 * no real change is shown for a comparison that spans it, never a guessed one.
 */
export const CONSUMER_PRICES: Record<
  string,
  {
    source: string;
    annualPercent: Record<number, number>;
    /**
     * From this balance-sheet date statements are restated for inflation by rule (TMS 29 in
     * Turkey from 31.12.2023), many without saying so in their headings, while banks are exempt:
     * a comparison ending then or later is not deflated again unless its heading says which.
     */
    restatedFrom?: string;
  }
> = {
  TRY: {
    source: "TÜİK, Tüketici Fiyat Endeksi (Aralık–Aralık)",
    annualPercent: { 2020: 14.6, 2021: 36.08, 2022: 64.27, 2023: 64.77, 2024: 44.38 },
    restatedFrom: "2023-12-31",
  },
};

/**
 * The price rise between two calendar year ends (1.4438 for 31.12.2023 → 31.12.2024 in TRY),
 * or undefined when the periods are not calendar years or a year's rate is not known.
 */
export function priceFactor(currency: string | undefined, from: string, to: string): number | undefined {
  const table = currency ? CONSUMER_PRICES[currency] : undefined;
  if (!table || !from.endsWith("-12-31") || !to.endsWith("-12-31")) return undefined;
  if (table.restatedFrom && to >= table.restatedFrom) return undefined;
  let factor = 1;
  for (let year = Number(from.slice(0, 4)) + 1; year <= Number(to.slice(0, 4)); year++) {
    const rate = table.annualPercent[year];
    if (rate === undefined) return undefined;
    factor *= 1 + rate / 100;
  }
  return factor === 1 ? undefined : factor;
}
