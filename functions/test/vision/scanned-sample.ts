import { generateStatementPdf } from "../../src/cli/bench/corpus/generate-statement-pdf";
import { scanVariant, type Variant } from "../../src/cli/bench/corpus/scan-variant";
import {
  randomStatementSpec,
  type StatementSpec,
  type StyleId,
} from "../../src/cli/bench/corpus/statement-spec";
import type { Truth } from "../../src/cli/bench/corpus/truth";

/**
 * One generated statement document for the vision tests: by default a one-page English
 * balance sheet, scanned (rendered by poppler, skewed, noised, JPEG'd) so that the pages go
 * through real OCR. Deterministic: the same seed gives the same figures and layout.
 */
export async function scannedSample(
  options: { seed?: number; style?: StyleId; variant?: Variant; spec?: Partial<StatementSpec> } = {},
): Promise<{ id: string; pdf: Uint8Array; truth: Truth }> {
  const style = options.style ?? "ifrs";
  const seed = options.seed ?? 11;
  const variant = options.variant ?? "scan300";
  const id = `vision-${style}-${seed}-${variant}`;
  const digital = await generateStatementPdf(
    randomStatementSpec(seed, style, {
      id,
      statements: ["balance_sheet"],
      statementsPerPage: 1,
      continueBalanceSheet: false,
      font: "DejaVuSans",
      fontSize: 9,
      periodCount: 2,
      ...options.spec,
    }),
  );
  const document = variant === "digital" ? digital : await scanVariant(digital.pdf, digital.truth, variant);
  return { id, pdf: document.pdf, truth: document.truth };
}
