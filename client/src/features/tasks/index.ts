// An order's tasks, shown on its card (the own tasks screen loads by its path).
export { OrderTasks } from './components/OrderTasks';
