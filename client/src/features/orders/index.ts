// An order's data and the changes made to it (every /orders endpoint); the orders list screen loads by its path.
export * from './api/orders-api';
// The list's search field, which waits for a pause in typing; the clients list searches the same way.
export { DebouncedSearchField } from './components/DebouncedSearchField';
