import type { MessageKey } from '../../../i18n/i18n';
import type { OrderColumn } from '../hooks/use-column-choice';

export const columnLabels: Record<OrderColumn, MessageKey> = {
  number: 'order.number',
  date: 'order.date',
  client: 'card.client',
  products: 'orderList.products',
  quantity: 'orderList.quantity',
  total: 'order.total',
  status: 'order.status',
  paymentStatus: 'orderList.paymentStatus',
  manager: 'orderList.manager',
  tags: 'order.tags',
};
