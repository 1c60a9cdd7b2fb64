// An order's data and the changes made to it (every /orders endpoint); the orders list screen loads by its path.
export * from './api/orders-api';
