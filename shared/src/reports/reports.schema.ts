import { z } from 'zod';
import { isoDate, objectId } from '../common/common.schema.js';
import type { CallOutcome } from '../orders/call.schema.js';
import type { QueueReason } from '../calls/call.schema.js';

/** Calls that spoke with the client: completed, a callback agreed, already paid, or refused (cancelled). */
export const reachedOutcomes = [
  'completed',
  'callback',
  'already_paid',
  'cancelled',
] as const satisfies readonly CallOutcome[];

export const isReached = (outcome: CallOutcome) => (reachedOutcomes as readonly CallOutcome[]).includes(outcome);

/** A report spans at most a year and a day (a leap year's 366 days, both ends inclusive). */
export const maxReportDays = 366;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** From and to: calendar dates in the call centre's time zone, both inclusive. */
const dateRange = {
  from: isoDate,
  to: isoDate,
};

function checkRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = dayNumber(range.to) - dayNumber(range.from) + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (days > maxReportDays)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${maxReportDays} days after from` });
}

export const summaryQuery = z
  .object({ ...dateRange, managerId: objectId.optional() })
  .strict()
  .superRefine(checkRange);
export type SummaryQuery = z.infer<typeof summaryQuery>;

export const callsExportQuery = z.object(dateRange).strict().superRefine(checkRange);
export type CallsExportQuery = z.infer<typeof callsExportQuery>;

/** GET /api/reports/floor: one due item. `itemId` is the order's or call task's id. */
export type FloorQueueItem = {
  itemId: string;
  kind: 'order' | 'task';
  orderId: string | null;
  orderNumber: number | null;
  clientName: string;
  /** Why it is due, in English; `why` is the same for translation. */
  reason: string;
  why: QueueReason;
  dueAt: string;
  /** The last call on it, or when it was created if never called. */
  waitingSince: string;
  clientTimeZone: string | null;
  /** HH:mm on the client's clock, null when the client's zone is unknown. */
  clientLocalTime: string | null;
  /** Due, but the client's calling hours are closed now, so nobody is offered it. */
  outsideCallingHours: boolean;
  heldBy?: { id: string; name: string; since: string };
};

export type FloorManager = {
  id: string;
  name: string;
  signedIn: boolean;
  holding?: { itemId: string; kind: 'order' | 'task'; since: string };
  callsToday: number;
};

export type FloorReport = {
  /** The longest-waiting due items, at most `floorQueueLimit` of them (totals.due counts them all). */
  queue: FloorQueueItem[];
  managers: FloorManager[];
  totals: { due: number; held: number; callsToday: number; reachedToday: number };
};

export const floorQueueLimit = 200;

export type OutcomeCounts = Record<CallOutcome, number>;

/** The figures of a summary row; see docs/api-additions.md for how each is defined. */
export type SummaryFigures = {
  calls: number;
  reached: number;
  contactRate: number;
  outcomes: OutcomeCounts;
  talkSeconds: number;
  avgTalkSeconds: number | null;
  avgAttemptsToReach: number | null;
  speedToFirstCallSeconds: number | null;
  paidWithin7Days: number;
  lettersSent: number;
  lettersFailed: number;
};

export type SummaryReport = {
  from: string;
  to: string;
  timeZone: string;
  managers: (SummaryFigures & { id: string; name: string; email: string })[];
  team: SummaryFigures;
  byHour: { hour: number; calls: number; reached: number }[];
};
