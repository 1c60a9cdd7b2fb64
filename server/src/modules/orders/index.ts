export {
  applyCallToOrder,
  autoCancelDueOrders,
  callNotYetApplied,
  callStateUpdate,
  callsFallingDue,
  findDueOrder,
  findDueOrders,
  findOrdersFallingDue,
  flagPaymentCheck,
  queueFields,
} from './order-queue.js';
export type { PersonalHold } from './order-queue.js';
export { OrderModel, callInfoSchema } from './order.model.js';
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
export { requeueAfterPhoneFix } from './order-queue.js';
export { orderTimelineSources } from './order-timeline.js';
