import type { Alert } from "../analysis/types";

/** Alerts a report's summary shows; the rest follow in its appendix (PDF) or Alerts sheet (Excel). */
export const SUMMARY_ALERTS = 5;

const ORDER: Record<Alert["severity"], number> = { critical: 0, warning: 1, info: 2 };

/** Most severe first; within a severity, the analysis's own order (newest period, ratios first). */
export function rankAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
