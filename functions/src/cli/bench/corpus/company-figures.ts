import type { Random } from "./random";

/**
 * The economic facts of a generated company, finer than any printed statement: every template
 * prints each concept it uses in exactly one leaf line, so every subtotal a template prints is
 * the plain sum of its leaves and the arithmetic holds in every style. Values are integers in
 * minor units of the printed unit, in the additive sign convention.
 */
export const ASSET_CONCEPTS = [
  "cash_on_hand",
  "cash_bank",
  "cash_other",
  "st_investments",
  "tr_customers",
  "tr_notes",
  "tr_allowance",
  "or_shareholders",
  "or_other",
  "inv_raw",
  "inv_goods",
  "inv_other",
  "prepaid_current",
  "oca_vat",
  "oca_advances",
  "ppe_land",
  "ppe_buildings",
  "ppe_machinery",
  "ppe_vehicles",
  "ppe_fixtures",
  "ppe_accumulated_depreciation",
  "int_rights",
  "int_leasehold",
  "int_accumulated_amortisation",
  "nca_prepaid",
  "nca_other",
] as const;

export const LIABILITY_CONCEPTS = [
  "stb_bank",
  "stb_current_portion",
  "tp_suppliers",
  "tp_notes",
  "ocl_payables",
  "ocl_employees",
  "ocl_taxes",
  "ocl_provisions",
  "ltb_bank",
  "ltb_leases",
  "oncl_severance",
  "oncl_deferred_tax",
] as const;

export const EQUITY_CONCEPTS = [
  "eq_capital",
  "eq_unpaid_capital",
  "eq_reserves",
  "eq_treasury",
  "eq_retained",
  "eq_current_profit",
] as const;

export const INCOME_CONCEPTS = [
  "gs_domestic",
  "gs_export",
  "gs_other",
  "sd_returns",
  "sd_discounts",
  "sd_other",
  "cos_products",
  "cos_goods",
  "opex_research",
  "opex_selling",
  "opex_admin",
  "ooi_fx",
  "ooi_other",
  "ooe_fx",
  "ooe_other",
  "fin_income",
  "fin_expense_short",
  "fin_expense_long",
  "xo_income",
  "xo_expense",
  "tax_current",
  "tax_deferred",
] as const;

export type Concept =
  | (typeof ASSET_CONCEPTS)[number]
  | (typeof LIABILITY_CONCEPTS)[number]
  | (typeof EQUITY_CONCEPTS)[number]
  | (typeof INCOME_CONCEPTS)[number];

export type Figures = Record<Concept, number>;

/** Relative size of each concept within its block; negative bounds mark contra accounts. */
const WEIGHTS: Partial<Record<Concept, [number, number]>> = {
  cash_on_hand: [0.002, 0.01],
  cash_bank: [0.03, 0.12],
  cash_other: [0.001, 0.01],
  st_investments: [0.01, 0.06],
  tr_customers: [0.08, 0.2],
  tr_notes: [0.01, 0.05],
  or_shareholders: [0.002, 0.02],
  or_other: [0.005, 0.03],
  inv_raw: [0.03, 0.1],
  inv_goods: [0.04, 0.15],
  inv_other: [0.005, 0.02],
  prepaid_current: [0.003, 0.02],
  oca_vat: [0.005, 0.03],
  oca_advances: [0.001, 0.01],
  ppe_land: [0.02, 0.08],
  ppe_buildings: [0.05, 0.15],
  ppe_machinery: [0.08, 0.25],
  ppe_vehicles: [0.01, 0.04],
  ppe_fixtures: [0.01, 0.04],
  int_rights: [0.005, 0.03],
  int_leasehold: [0.002, 0.02],
  nca_prepaid: [0.001, 0.01],
  nca_other: [0.003, 0.03],
  stb_bank: [0.1, 0.3],
  stb_current_portion: [0.02, 0.08],
  tp_suppliers: [0.15, 0.35],
  tp_notes: [0.02, 0.08],
  ocl_payables: [0.02, 0.06],
  ocl_employees: [0.01, 0.04],
  ocl_taxes: [0.01, 0.05],
  ocl_provisions: [0.005, 0.03],
  ltb_bank: [0.1, 0.3],
  ltb_leases: [0.01, 0.06],
  oncl_severance: [0.01, 0.05],
  oncl_deferred_tax: [0.005, 0.03],
};

export interface FigureRequest {
  /** The concepts the template prints; every other concept is 0. */
  concepts: ReadonlySet<Concept>;
  periodCount: number;
  /** Order of magnitude of total assets, in minor units of the printed unit. */
  totalAssetsScale: number;
  /** Per period, concepts printed as a blank cell and therefore 0 in the arithmetic. */
  blank: Array<ReadonlySet<Concept>>;
}

/** Figures per period (index 0 = current year), each balancing on its own. */
export function generateFigures(rng: Random, request: FigureRequest): Figures[] {
  const growth = new Map<Concept, number>();
  const current = oneYear(rng, request, request.totalAssetsScale, 0, growth);
  const years = [current];
  for (let p = 1; p < request.periodCount; p++) {
    years.push(oneYear(rng, request, request.totalAssetsScale * rng.uniform(0.7, 1.05), p, growth));
  }
  return years;
}

function oneYear(
  rng: Random,
  request: FigureRequest,
  scale: number,
  period: number,
  shape: Map<Concept, number>,
): Figures {
  const has = (c: Concept) => request.concepts.has(c) && !request.blank[period]?.has(c);
  // The same company from year to year: each concept keeps its relative size, give or take.
  const weight = (c: Concept): number => {
    const range = WEIGHTS[c] ?? [0, 0];
    let base = shape.get(c);
    if (base === undefined) {
      base = rng.uniform(range[0], range[1]);
      shape.set(c, base);
    }
    return base * rng.uniform(0.85, 1.15);
  };
  const f = Object.fromEntries(
    [...ASSET_CONCEPTS, ...LIABILITY_CONCEPTS, ...EQUITY_CONCEPTS, ...INCOME_CONCEPTS].map((c) => [c, 0]),
  ) as Figures;
  const amount = (c: Concept, base: number) => {
    if (has(c)) f[c] = Math.round(base * weight(c));
  };

  for (const c of ASSET_CONCEPTS) amount(c, scale);
  const ppeGross = f.ppe_land + f.ppe_buildings + f.ppe_machinery + f.ppe_vehicles + f.ppe_fixtures;
  if (has("ppe_accumulated_depreciation"))
    f.ppe_accumulated_depreciation = -Math.round(ppeGross * rng.uniform(0.2, 0.55));
  const intangibleGross = f.int_rights + f.int_leasehold;
  if (has("int_accumulated_amortisation"))
    f.int_accumulated_amortisation = -Math.round(intangibleGross * rng.uniform(0.15, 0.5));
  const receivables = f.tr_customers + f.tr_notes;
  if (has("tr_allowance")) f.tr_allowance = -Math.round(receivables * rng.uniform(0.01, 0.06));
  const totalAssets = ASSET_CONCEPTS.reduce((sum, c) => sum + f[c], 0);

  // Liabilities: a share of total assets split by weight.
  const liabilityShare = rng.uniform(0.3, 0.62);
  const liabilityWeights = LIABILITY_CONCEPTS.filter(has).map((c) => [c, weight(c)] as const);
  const weightSum = liabilityWeights.reduce((s, [, w]) => s + w, 0) || 1;
  for (const [c, w] of liabilityWeights) f[c] = Math.round((totalAssets * liabilityShare * w) / weightSum);
  const totalLiabilities = LIABILITY_CONCEPTS.reduce((sum, c) => sum + f[c], 0);

  // A document printing only the income statement still belongs to a company of some size.
  incomeStatement(rng, f, has, Math.round((totalAssets > 0 ? totalAssets : scale) * rng.uniform(0.5, 1.5)));
  const netIncome = INCOME_CONCEPTS.reduce((sum, c) => sum + f[c], 0);

  const equity = totalAssets - totalLiabilities;
  if (has("eq_capital")) f.eq_capital = Math.round(equity * rng.uniform(0.12, 0.3));
  if (has("eq_unpaid_capital")) f.eq_unpaid_capital = -Math.round(f.eq_capital * rng.uniform(0.02, 0.2));
  if (has("eq_reserves")) f.eq_reserves = Math.round(equity * rng.uniform(0.02, 0.12));
  if (has("eq_treasury")) f.eq_treasury = -Math.round(equity * rng.uniform(0.01, 0.05));
  if (request.concepts.has("eq_current_profit")) f.eq_current_profit = netIncome;
  // Retained earnings is the plug: whatever makes assets = liabilities + equity. A template
  // without a retained-earnings line cannot balance, so every template must print one.
  const otherEquity =
    f.eq_capital + f.eq_unpaid_capital + f.eq_reserves + f.eq_treasury + f.eq_current_profit;
  f.eq_retained = equity - otherEquity;
  return f;
}

function incomeStatement(rng: Random, f: Figures, has: (c: Concept) => boolean, revenue: number): void {
  const split = (concepts: Concept[], total: number) => {
    const present = concepts.filter(has);
    const weights = present.map(() => rng.uniform(0.2, 1));
    const sum = weights.reduce((s, w) => s + w, 0);
    let left = total;
    present.forEach((c, i) => {
      const value = i === present.length - 1 ? left : Math.round((total * (weights[i] ?? 0)) / sum);
      f[c] = value;
      left -= value;
    });
  };
  const deductionRate = rng.uniform(0.01, 0.06);
  const grossSales = Math.round(revenue / (1 - deductionRate));
  split(["gs_domestic", "gs_export", "gs_other"], grossSales);
  split(["sd_returns", "sd_discounts", "sd_other"], -Math.round(grossSales * deductionRate));
  split(["cos_products", "cos_goods"], -Math.round(revenue * rng.uniform(0.56, 0.84)));
  split(["opex_research", "opex_selling", "opex_admin"], -Math.round(revenue * rng.uniform(0.07, 0.2)));
  split(["ooi_fx", "ooi_other"], Math.round(revenue * rng.uniform(0.003, 0.04)));
  split(["ooe_fx", "ooe_other"], -Math.round(revenue * rng.uniform(0.003, 0.04)));
  split(["fin_income"], Math.round(revenue * rng.uniform(0.001, 0.02)));
  split(["fin_expense_short", "fin_expense_long"], -Math.round(revenue * rng.uniform(0.005, 0.06)));
  split(["xo_income"], Math.round(revenue * rng.uniform(0, 0.01)));
  split(["xo_expense"], -Math.round(revenue * rng.uniform(0, 0.01)));
  const taxable = INCOME_CONCEPTS.reduce((sum, c) => sum + f[c], 0);
  // A loss gives a small deferred-tax benefit; a profit a tax charge of about 22%.
  if (taxable > 0) {
    const tax = -Math.round(taxable * rng.uniform(0.18, 0.25));
    const current = has("tax_deferred") ? Math.round(tax * rng.uniform(0.7, 1)) : tax;
    if (has("tax_current")) f.tax_current = current;
    if (has("tax_deferred")) f.tax_deferred = has("tax_current") ? tax - current : tax;
  } else {
    split(["tax_deferred", "tax_current"], Math.round(-taxable * rng.uniform(0, 0.05)));
  }
}
