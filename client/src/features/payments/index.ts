// An order's payments and payment reminders.
export { PaymentsPanel } from './components/PaymentsPanel';
export { OrderPayments } from './components/OrderPayments';
