/**
 * Reading one ratio input from a period: a printed canonical value, or one of the derivations
 * RATIOS.md allows (total liabilities, revenue) and net working capital. A derived input is
 * reported with how it was derived so the accountant can retrace it.
 */
import type { CanonicalKey } from "../pipeline/types";

export type InputName = CanonicalKey | "net_working_capital";

export interface ResolvedInput {
  value: number;
  /** How the value was derived; absent for a printed value. */
  derivedHow?: string;
  /** The printed values the input was read or derived from. */
  components: Partial<Record<CanonicalKey, number>>;
}

type Values = Partial<Record<CanonicalKey, number>>;

interface Derivation {
  how: string;
  parts: Array<{ key: CanonicalKey; sign: 1 | -1 }>;
}

const DERIVATIONS: Partial<Record<InputName, Derivation[]>> = {
  total_liabilities: [
    {
      how: "total_current_liabilities + total_non_current_liabilities",
      parts: [
        { key: "total_current_liabilities", sign: 1 },
        { key: "total_non_current_liabilities", sign: 1 },
      ],
    },
    {
      how: "total_liabilities_and_equity - total_equity",
      parts: [
        { key: "total_liabilities_and_equity", sign: 1 },
        { key: "total_equity", sign: -1 },
      ],
    },
  ],
  revenue: [
    {
      how: "gross_sales + sales_deductions",
      parts: [
        { key: "gross_sales", sign: 1 },
        { key: "sales_deductions", sign: 1 },
      ],
    },
  ],
  net_working_capital: [
    {
      how: "total_current_assets - total_current_liabilities",
      parts: [
        { key: "total_current_assets", sign: 1 },
        { key: "total_current_liabilities", sign: -1 },
      ],
    },
  ],
};

function derive(values: Values, derivation: Derivation): ResolvedInput | undefined {
  const components: Values = {};
  let value = 0;
  for (const part of derivation.parts) {
    const printed = values[part.key];
    if (printed === undefined) return undefined;
    components[part.key] = printed;
    value += part.sign * printed;
  }
  return { value, derivedHow: derivation.how, components };
}

/** The input's value in a period, or undefined when neither printed nor derivable. */
export function resolveInput(values: Values, name: InputName): ResolvedInput | undefined {
  if (name !== "net_working_capital") {
    const printed = values[name];
    if (printed !== undefined) return { value: printed, components: { [name]: printed } };
  }
  for (const derivation of DERIVATIONS[name] ?? []) {
    const derived = derive(values, derivation);
    if (derived) return derived;
  }
  return undefined;
}
