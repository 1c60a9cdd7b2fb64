export {
  applyCallToOrder,
  findDueOrder,
  findDueOrders,
  findOrdersFallingDue,
  flagPaymentCheck,
  queueFields,
  requeueAfterPhoneFix,
} from './order-call-state.js';
export { autoCancelDueOrders } from './order-auto-cancel.js';
export { OrderModel } from './order.model.js';
export type { OrderDoc } from './order.model.js';
export {
  createFollowUpOrder,
  createOrder,
  getOrderDoc,
  listOrders,
  recordOrderEvent,
  setOrderStatus,
  toOrderDto,
} from './order.service.js';
export { clientOrdersRoutes, ordersRoutes, requestIp } from './orders.routes.js';
export { orderTimelineSources } from './order-timeline.js';
