export {
  applyCallToOrder,
  findDueOrder,
  findDueOrders,
  findOrdersFallingDue,
  nextOrderCallAfter,
  flagPaymentCheck,
  queueFields,
  requeueAfterPhoneFix,
} from './order-call-state.js';
export { autoCancelDueOrders } from './order-auto-cancel.js';
export type { OrderDoc } from './order.model.js';
export { findOrderIdsCompletedBetween, getOrderDoc, listOrders, toOrderDto } from './order.service.js';
export { createFollowUpOrder, createOrder } from './order-create.service.js';
export { changeOrderStatus, setOrderStatus } from './order-status.service.js';
export { clientOrdersRoutes, ordersRoutes, requestIp } from './orders.routes.js';
export { orderTimelineSources, recordOrderEvent } from './order-timeline.js';
