import type { Locale } from '@callboard/shared';
import type { ActionProblem } from './customer-actions.service.js';
import type { ProgressStep } from './customer-view.service.js';

/** Everything the customer's page says, in both languages. */
const en = {
  title: 'Order {number}',
  placedOn: 'Placed on {date}',
  progress: 'Order progress',
  step: {
    placed: 'Placed',
    reserved: 'Reserved',
    paid: 'Paid',
    shipped: 'Shipped',
    completed: 'Completed',
  } satisfies Record<ProgressStep, string>,
  onHold: 'Your order is on hold for now. We will contact you.',
  cancelled: 'This order has been cancelled.',
  refunded: 'This order has been refunded.',
  items: 'Your order',
  item: 'Item',
  quantity: 'Qty',
  amount: 'Amount',
  total: 'Total',
  paid: 'Paid',
  leftToPay: 'Left to pay',
  howToPay: 'How to pay',
  reportPaid: 'I have paid',
  reportPaidHint: 'Already paid? Tell us and we will check it.',
  paymentReported: 'Thank you: we are checking your payment.',
  tracking: 'Tracking number',
  notes: 'Messages from us',
  callback: 'Book a call back',
  callbackHint: 'Choose a time and we will call you. Times are in {zone} time.',
  callbackTime: 'Time',
  callbackSubmit: 'Book the call',
  noSlots: 'There is no time to book at the moment. Please contact us below.',
  message: 'Send us a message',
  messageLabel: 'Your message',
  messageSubmit: 'Send',
  honeypot: 'Leave this field empty',
  contact: 'Contact us',
  otherLanguage: 'Español',
  done: {
    callback: 'Thank you: we will call you at {time}.',
    message: 'Thank you: your message has reached us.',
    paid: 'Thank you: we will check your payment.',
  },
  problem: {
    outside_hours: 'Please choose a time within our calling hours.',
    past: 'That time has passed: please choose a later one.',
    too_far: 'Please choose a time within the next week.',
    invalid: 'Please check the form and try again.',
    expired: 'This page was open for too long: please try again.',
  } satisfies Record<ActionProblem | 'invalid' | 'expired', string>,
  notFoundTitle: 'Link not found',
  notFound: 'This link is not valid any more. Please use the link in our latest e-mail, or contact us.',
  tooManyTitle: 'Too many requests',
  tooMany: 'Too many requests from your connection. Please try again in a few minutes.',
  errorTitle: 'Something went wrong',
  error: 'We could not show this page just now. Please try again in a moment.',
};

export type PageStrings = typeof en;

const es: PageStrings = {
  title: 'Pedido {number}',
  placedOn: 'Realizado el {date}',
  progress: 'Estado del pedido',
  step: {
    placed: 'Realizado',
    reserved: 'Reservado',
    paid: 'Pagado',
    shipped: 'Enviado',
    completed: 'Completado',
  },
  onHold: 'Su pedido está en espera por ahora. Nos pondremos en contacto con usted.',
  cancelled: 'Este pedido ha sido cancelado.',
  refunded: 'Este pedido ha sido reembolsado.',
  items: 'Su pedido',
  item: 'Artículo',
  quantity: 'Cant.',
  amount: 'Importe',
  total: 'Total',
  paid: 'Pagado',
  leftToPay: 'Pendiente de pago',
  howToPay: 'Cómo pagar',
  reportPaid: 'Ya he pagado',
  reportPaidHint: '¿Ya ha pagado? Díganoslo y lo comprobaremos.',
  paymentReported: 'Gracias: estamos comprobando su pago.',
  tracking: 'Número de seguimiento',
  notes: 'Mensajes nuestros',
  callback: 'Reservar una llamada',
  callbackHint: 'Elija una hora y le llamaremos. Las horas son de la zona {zone}.',
  callbackTime: 'Hora',
  callbackSubmit: 'Reservar la llamada',
  noSlots: 'Ahora mismo no hay horas disponibles. Contáctenos abajo.',
  message: 'Envíenos un mensaje',
  messageLabel: 'Su mensaje',
  messageSubmit: 'Enviar',
  honeypot: 'Deje este campo vacío',
  contact: 'Contacto',
  otherLanguage: 'English',
  done: {
    callback: 'Gracias: le llamaremos el {time}.',
    message: 'Gracias: hemos recibido su mensaje.',
    paid: 'Gracias: comprobaremos su pago.',
  },
  problem: {
    outside_hours: 'Elija una hora dentro de nuestro horario de llamadas.',
    past: 'Esa hora ya ha pasado: elija una más tarde.',
    too_far: 'Elija una hora dentro de la próxima semana.',
    invalid: 'Revise el formulario e inténtelo de nuevo.',
    expired: 'Esta página llevaba demasiado tiempo abierta: inténtelo de nuevo.',
  },
  notFoundTitle: 'Enlace no encontrado',
  notFound: 'Este enlace ya no es válido. Use el enlace de nuestro último correo o contáctenos.',
  tooManyTitle: 'Demasiadas solicitudes',
  tooMany: 'Demasiadas solicitudes desde su conexión. Inténtelo de nuevo en unos minutos.',
  errorTitle: 'Algo ha fallado',
  error: 'No hemos podido mostrar esta página ahora. Inténtelo de nuevo en un momento.',
};

export const pageStrings: Record<Locale, PageStrings> = { en, es };

/** `{name}` placeholders filled in (the values are escaped by the caller where they go into HTML). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
