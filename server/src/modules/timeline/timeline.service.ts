import type { TimelineItem } from '@callboard/shared';

/**
 * The order's timeline is joined in the application (no $lookup on FerretDB): each module that
 * owns a kind of entry (calls, notes, letters, payments, tasks, attachments, status changes)
 * registers a source that lists its entries for one order.
 */
export type TimelineSource = (orderId: string) => Promise<TimelineItem[]>;

const sources: TimelineSource[] = [];

export function registerTimelineSource(source: TimelineSource): void {
  sources.push(source);
}

/** Every entry of the order, newest first. */
export async function orderTimeline(orderId: string): Promise<TimelineItem[]> {
  const lists = await Promise.all(sources.map((s) => s(orderId)));
  return lists.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
