export const orderStatuses = [
  'pending',
  'reserved',
  'paid',
  'processing',
  'shipped',
  'completed',
  'on_hold',
  'cancelled',
  'failed',
  'refunded',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const defaultListStatuses: OrderStatus[] = ['pending', 'reserved', 'paid'];

/** Statuses an admin may move an order to by hand, from each status. */
export const statusTransitions: Record<OrderStatus, OrderStatus[]> = {
  pending: ['reserved', 'paid', 'processing', 'on_hold', 'cancelled', 'failed'],
  reserved: ['pending', 'paid', 'processing', 'on_hold', 'cancelled', 'failed'],
  // Back to awaiting payment: a payment taken back or found missing.
  paid: ['reserved', 'processing', 'shipped', 'completed', 'on_hold', 'refunded'],
  processing: ['shipped', 'completed', 'on_hold', 'cancelled', 'refunded'],
  shipped: ['completed', 'refunded'],
  completed: ['refunded'],
  on_hold: ['pending', 'reserved', 'paid', 'processing', 'cancelled'],
  cancelled: ['pending'],
  failed: ['pending', 'cancelled'],
  refunded: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return statusTransitions[from].includes(to);
}

export const paymentStatuses = ['unpaid', 'partially_paid', 'paid', 'refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const paymentMethods = ['card', 'transfer', 'cash'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/**
 * The status recorded payments move an order to by themselves, or null. Paying the total moves an
 * order to `paid` wherever the table allows; money taken back from a paid order (a refund or a
 * correction) that leaves its total uncovered puts it back to `reserved`, awaiting payment and in
 * the call queue again. Orders further on (processing, shipped...) keep their status: refunding
 * those is an admin's decision.
 */
export function statusAfterPayment(
  status: OrderStatus,
  before: PaymentStatus,
  after: PaymentStatus,
): OrderStatus | null {
  if (after === 'paid') return status !== 'paid' && canTransition(status, 'paid') ? 'paid' : null;
  if (before === 'paid' && status === 'paid') return 'reserved';
  return null;
}

/** Derived from the payments, never set by hand. */
export function derivePaymentStatus(totalMinor: number, paidMinor: number, refunded: boolean): PaymentStatus {
  if (refunded) return 'refunded';
  if (paidMinor <= 0) return 'unpaid';
  return paidMinor >= totalMinor ? 'paid' : 'partially_paid';
}
