import { type AmountReader, createLocalAmountReader } from "./amount-reader";

export type { AmountReader } from "./amount-reader";
export { readScansAgain } from "./second-reading";

/**
 * The second reader SECOND_READER asks for: `local` loads the recognition model once (about
 * 0.2 s) and is undefined, like `off`, when its optional packages are not installed.
 */
export async function createSecondReader(setting: "off" | "local"): Promise<AmountReader | undefined> {
  return setting === "local" ? createLocalAmountReader() : undefined;
}
