export {
  applyCallToOrder,
  findDueOrder,
  findDueOrders,
  findOrdersFallingDue,
  nextOrderCallAfter,
  flagPaymentCheck,
  queueFields,
} from './order-call-state.js';
export { clientOrderSummaries, parkOrdersAwaitingContact, requeueAfterPhoneFix } from './order-contact-wait.js';
export { autoCancelDueOrders } from './order-auto-cancel.js';
export type { OrderDoc } from './order.model.js';
export { findOrderIdsCompletedBetween, getOrderDoc, listOrders, toOrderDto } from './order.service.js';
export { createFollowUpOrder, createOrder, followUpPrice, type FollowUpPrice } from './order-create.service.js';
export { changeOrderStatus, setOrderStatus } from './order-status.service.js';
export { clientOrdersRoutes, ordersRoutes, requestIp } from './orders.routes.js';
export { paymentCheckRoutes } from './order-payment-check.routes.js';
export { orderTimelineSources, recordOrderEvent } from './order-timeline.js';
export { addOrderNote, listOrderNotes } from './order-notes.service.js';
export { scheduleCustomerCallback } from './order-customer-callback.js';
export { orderBulkRoutes } from './order-bulk.routes.js';
export { failInterruptedBulkJobs, watchBulkJobs } from './order-bulk.service.js';
export { orderExportRoutes } from './order-export.routes.js';
export { orderNumbers } from './order-export.js';
