import type { Order } from '@callboard/shared';

/** The order's editable fields as the audit log keeps them: the API's names and units. */
export function orderAuditView(order: Order): Record<string, unknown> {
  const { items, discount, total, managerId, tags, funnel, stage, autoCancelAt, paymentMethod } = order;
  const { delivery, source, channel, income, expenses, status, number, clientId } = order;
  return {
    number,
    clientId,
    status,
    items,
    discount,
    total,
    managerId,
    tags,
    funnel,
    stage,
    autoCancelAt,
    paymentMethod,
    delivery,
    source,
    channel,
    income,
    expenses,
  };
}
