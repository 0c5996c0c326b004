// The dashboard's figures (the `dashboard` query), as the API computes them and the panel
// shows them. Part of the contract (contract/README.md). `Instant` is a Date in the API and
// the ISO text it travels as in the panel.

/** How many requests have one value (a status, a channel, a type). */
export type CountBy = { key: string; count: number };

export type DashboardFigures<Instant> = {
  period: { from: Instant; to: Instant };
  openTotal: number;
  openByStatus: CountBy[];
  overdue: number;
  decidedInPeriod: number;
  decidedWithinDue: number;
  /** decidedWithinDue / decidedInPeriod, 0–1; null when nothing was decided. */
  decidedWithinDueShare: number | null;
  /** Median hours from submission to decision (or answer) for those decided in the period. */
  medianHoursToDecision: number | null;
  submittedInPeriod: number;
  byChannel: CountBy[];
  byType: CountBy[];
};
