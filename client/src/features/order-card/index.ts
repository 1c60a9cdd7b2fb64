// The order card, shown on the workbench and on the order's own page.
export { OrderCard } from './components/OrderCard';
