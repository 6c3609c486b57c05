/** The fixture generator's public surface, for the benchmark and integration tests. */
export { type AmountStyle, formatPrintedAmount } from "./amountFormat";
export { type CorpusEntry, type CorpusOptions, generateCorpus } from "./generateCorpus";
export { GENERATOR_VERSION, generateStatementPdf } from "./generateStatementPdf";
export { scanVariant, VARIANTS, type Variant } from "./scanVariant";
export {
  type FontFamily,
  randomStatementSpec,
  STYLES,
  type StatementSpec,
  type StyleId,
} from "./statementSpec";
export type { ScanParameters, Truth, TruthLine, TruthStatement } from "./truth";
export { truthArithmeticViolations } from "./truthArithmetic";
