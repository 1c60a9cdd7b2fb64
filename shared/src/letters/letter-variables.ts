import type { OrderStatus } from '../orders/order-status.js';
import type { Locale } from '../users/users.schema.js';

// Apart from the letter schemas: the order card needs these names, and importing them must not
// bring zod into the workbench's bundle.

/**
 * The variables a letter template may use, written `<$name>` (or `{$name}`). The client's editor
 * builds its variable chips from this list; the server substitutes exactly these.
 */
export const letterVariables = [
  'name',
  'order_number',
  'total',
  'currency',
  'payment_link',
  'bank_account',
  'payment_instructions',
  'manager_name',
  'company_name',
  'status',
  'message',
  'status_link',
  'items',
  'tracking_number',
  'delivery_date',
] as const;
export type LetterVariable = (typeof letterVariables)[number];

export const letterVariableLabels: Record<Locale, Record<LetterVariable, string>> = {
  en: {
    name: 'Client name',
    order_number: 'Order number',
    total: 'Total',
    currency: 'Currency',
    payment_link: 'Payment link',
    bank_account: 'Bank account',
    payment_instructions: 'How to pay',
    manager_name: 'Manager name',
    company_name: 'Company name',
    status: 'Order status',
    message: 'Status message',
    status_link: 'Status link',
    items: 'Items table',
    tracking_number: 'Tracking number',
    delivery_date: 'Expected delivery date',
  },
  es: {
    name: 'Nombre del cliente',
    order_number: 'Número de pedido',
    total: 'Total',
    currency: 'Moneda',
    payment_link: 'Enlace de pago',
    bank_account: 'Cuenta bancaria',
    payment_instructions: 'Cómo pagar',
    manager_name: 'Nombre del gestor',
    company_name: 'Nombre de la empresa',
    status: 'Estado del pedido',
    message: 'Mensaje del estado',
    status_link: 'Enlace de estado',
    items: 'Tabla de artículos',
    tracking_number: 'Número de seguimiento',
    delivery_date: 'Fecha de entrega prevista',
  },
};

/** Status names as letters print them (the `<$status>` variable). */
export const orderStatusLabels: Record<Locale, Record<OrderStatus, string>> = {
  en: {
    pending: 'Pending',
    reserved: 'Reserved',
    paid: 'Paid',
    processing: 'Processing',
    shipped: 'Shipped',
    completed: 'Completed',
    on_hold: 'On hold',
    cancelled: 'Cancelled',
    failed: 'Failed',
    refunded: 'Refunded',
  },
  es: {
    pending: 'Pendiente',
    reserved: 'Reservado',
    paid: 'Pagado',
    processing: 'En preparación',
    shipped: 'Enviado',
    completed: 'Completado',
    on_hold: 'En espera',
    cancelled: 'Cancelado',
    failed: 'Fallido',
    refunded: 'Reembolsado',
  },
};
