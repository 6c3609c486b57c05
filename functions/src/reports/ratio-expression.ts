/**
 * Reads the formula a ratio carries in the public contract ("(total_current_assets -
 * inventories) / total_current_liabilities", "abs(cost_of_sales) / avg(inventories)", "365 /
 * inventory_turnover + …") into a tree, so the Excel report can rebuild it over the statement
 * cells and the PDF can print it with item names. Any formula the analysis adds later works
 * without a change here.
 */
export type RatioExpression =
  | { op: "number"; value: number }
  | { op: "name"; name: string }
  | { op: "avg" | "abs" | "neg"; of: RatioExpression }
  | { op: "+" | "-" | "*" | "/"; left: RatioExpression; right: RatioExpression };

/** Inputs a statement may not print, derived the ways RATIOS.md allows, in order of preference. */
export const DERIVED_INPUTS: Record<string, string[]> = {
  total_liabilities: [
    "total_current_liabilities + total_non_current_liabilities",
    "total_liabilities_and_equity - total_equity",
  ],
  revenue: ["gross_sales + sales_deductions"],
  net_working_capital: ["total_current_assets - total_current_liabilities"],
};

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*)|([-+*/(),−]))/y;

function tokenize(formula: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    if (/^\s*$/.test(formula.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(formula);
    if (!match) return undefined;
    tokens.push((match[1] ?? match[2] ?? match[3] ?? "").replace("−", "-"));
  }
  return tokens;
}

/** The parsed formula, or undefined when it is not plain arithmetic over names. */
export function parseRatioFormula(formula: string): RatioExpression | undefined {
  const tokens = tokenize(formula.trim());
  if (!tokens || tokens.length === 0) return undefined;
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++];

  function factor(): RatioExpression {
    const token = take();
    if (token === undefined) throw new Error("unexpected end");
    if (token === "-") return { op: "neg", of: factor() };
    if (token === "(") {
      const inner = sum();
      if (take() !== ")") throw new Error("missing )");
      return inner;
    }
    if (/^\d/.test(token)) return { op: "number", value: Number(token) };
    if (!/^[a-z_]/.test(token)) throw new Error(`unexpected ${token}`);
    if ((token === "abs" || token === "avg") && peek() === "(") {
      take();
      const of = sum();
      if (take() !== ")") throw new Error("missing )");
      return { op: token, of };
    }
    return { op: "name", name: token };
  }

  function product(): RatioExpression {
    let left = factor();
    while (peek() === "*" || peek() === "/") {
      const op = take() as "*" | "/";
      left = { op, left, right: factor() };
    }
    return left;
  }

  function sum(): RatioExpression {
    let left = product();
    while (peek() === "+" || peek() === "-") {
      const op = take() as "+" | "-";
      left = { op, left, right: product() };
    }
    return left;
  }

  try {
    const expression = sum();
    return position === tokens.length ? expression : undefined;
  } catch {
    return undefined;
  }
}

const parsed = new Map<string, RatioExpression | undefined>();

export function ratioExpression(formula: string): RatioExpression | undefined {
  if (!parsed.has(formula)) parsed.set(formula, parseRatioFormula(formula));
  return parsed.get(formula);
}
