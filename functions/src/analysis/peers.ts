/**
 * Peer benchmark: a company's ratios against the median and quartiles of the other companies
 * of the same sector in the same account. Only real peer data is used, never an external
 * benchmark; with fewer than `minPeers` peers no statistics are shown (they would also reveal
 * the figures of individual peers).
 */
import { daysBetween, isIsoDate } from "./calendar";
import { roundTo } from "./number-format";
import { RATIO_KEYS, ratioGroup, ratioUnit } from "./ratio-definitions";
import type { PeerBenchmark, PeerCompany, PeerPosition, PeerReport, RatioKey, RatioResult } from "./types";

export const DEFAULT_MIN_PEERS = 3;
/** A peer's period counts when it ends within six months of the company's (different fiscal years). */
const COMPARABLE_DAYS = 183;

export interface PeerOptions {
  minPeers?: number;
  /** The company's period to benchmark; its latest period with a ratio value by default. */
  period?: string;
}

/** Linear interpolation between closest ranks (Excel QUARTILE.INC / PERCENTILE.INC). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const low = sorted[lower] as number;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - lower);
}

const normaliseSector = (sector: string | null | undefined) =>
  sector?.trim().replace(/\s+/g, " ").toLocaleLowerCase("tr-TR") || undefined;

function latestPeriod(ratios: readonly RatioResult[]): string | undefined {
  return ratios
    .filter((r) => r.value !== null && isIsoDate(r.period))
    .map((r) => r.period)
    .sort()
    .at(-1);
}

/** The peer's ratios for the period ending closest to `period`, if close enough. */
function comparableRatios(peer: PeerCompany, period: string): Map<RatioKey, number> {
  const candidates = [...new Set(peer.ratios.map((r) => r.period))].filter(
    (p) =>
      p === period ||
      (isIsoDate(p) && isIsoDate(period) && Math.abs(daysBetween(p, period)) <= COMPARABLE_DAYS),
  );
  candidates.sort((a, b) => Math.abs(daysBetween(a, period)) - Math.abs(daysBetween(b, period)));
  const chosen = candidates[0];
  const values = new Map<RatioKey, number>();
  for (const ratio of peer.ratios) {
    if (ratio.period === chosen && ratio.value !== null) values.set(ratio.key, ratio.value);
  }
  return values;
}

function positionOf(value: number, p25: number, median: number, p75: number): PeerPosition {
  if (value < p25) return "below_p25";
  if (value < median) return "p25_to_median";
  if (value <= p75) return "median_to_p75";
  return "above_p75";
}

function benchmark(
  key: RatioKey,
  value: number | null,
  peerValues: number[],
  minPeers: number,
): PeerBenchmark {
  const sorted = [...peerValues].sort((a, b) => a - b);
  const result: PeerBenchmark = {
    key,
    group: ratioGroup(key),
    unit: ratioUnit(key),
    value,
    peers: sorted.length,
    median: null,
    p25: null,
    p75: null,
    status: "ok",
  };
  if (sorted.length < minPeers) {
    return {
      ...result,
      status: "insufficient_peers",
      reason: `${sorted.length} peers with a value; ${minPeers} needed`,
    };
  }
  const [p25, median, p75] = [0.25, 0.5, 0.75].map((q) => roundTo(quantile(sorted, q) as number, 6)) as [
    number,
    number,
    number,
  ];
  Object.assign(result, { p25, median, p75 });
  if (value === null)
    return { ...result, status: "no_value", reason: "the company has no value for this ratio" };
  return { ...result, position: positionOf(value, p25, median, p75) };
}

export function benchmarkAgainstPeers(
  company: PeerCompany,
  companies: readonly PeerCompany[],
  options: PeerOptions = {},
): PeerReport {
  const minPeers = options.minPeers ?? DEFAULT_MIN_PEERS;
  const sector = normaliseSector(company.sector);
  const period = options.period ?? latestPeriod(company.ratios) ?? null;
  const report: PeerReport = {
    companyId: company.companyId,
    sector: company.sector?.trim() || null,
    period,
    minPeers,
    peerCompanies: 0,
    status: "insufficient_peers",
    benchmarks: [],
  };
  if (!sector) return { ...report, reason: "the company has no sector" };
  if (!period) return { ...report, reason: "the company has no ratios yet" };

  const seen = new Set<string>([company.companyId]);
  const peers: Array<Map<RatioKey, number>> = [];
  for (const peer of companies) {
    if (seen.has(peer.companyId) || normaliseSector(peer.sector) !== sector) continue;
    const values = comparableRatios(peer, period);
    if (values.size === 0) continue;
    seen.add(peer.companyId);
    peers.push(values);
  }
  const own = new Map(company.ratios.filter((r) => r.period === period).map((r) => [r.key, r.value]));
  const benchmarks = RATIO_KEYS.map((key) =>
    benchmark(
      key,
      own.get(key) ?? null,
      peers.flatMap((p) => (p.has(key) ? [p.get(key) as number] : [])),
      minPeers,
    ),
  );
  const enough = peers.length >= minPeers;
  return {
    ...report,
    peerCompanies: peers.length,
    status: enough ? "ok" : "insufficient_peers",
    ...(enough ? {} : { reason: `${peers.length} peers in the sector; ${minPeers} needed` }),
    benchmarks,
  };
}
