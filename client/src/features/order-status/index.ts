// Moving an order between statuses (with its letter) and its auto-cancel date.
export { StatusMenu } from './components/StatusMenu';
export { AutoCancelEditor } from './components/AutoCancelEditor';
