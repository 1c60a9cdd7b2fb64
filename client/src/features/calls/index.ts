// Calling an order or a task from any screen, and the outbox that saves calls in the background.
export { CallButtons, type CallButtonsProps } from './components/CallButtons';
export { PendingCalls } from './components/PendingCalls';
export { isTyping } from './outcomes';
export type { CallTarget } from './api/calls-api';
