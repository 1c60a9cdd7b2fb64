import type { CallOutcome, Locale, OrderStatus, TemplateEvent } from '@callboard/shared';

export type DefaultTemplate = {
  name: string;
  subject: string;
  html: string;
  outcome?: CallOutcome;
  status?: OrderStatus;
  event?: TemplateEvent;
  locale: Locale;
};

// Every seeded letter ends with the customer's own page: status, how to pay, a callback, a message.
const signature: Record<Locale, string> = {
  en: '<p>Your order, how to pay and a call back at a time that suits you: &lt;$status_link&gt;</p><p>Kind regards,<br>&lt;$company_name&gt;</p>',
  es: '<p>Su pedido, cómo pagar y una llamada cuando le venga bien: &lt;$status_link&gt;</p><p>Un saludo,<br>&lt;$company_name&gt;</p>',
};

function t(
  locale: Locale,
  name: string,
  subject: string,
  body: string,
  key: Partial<DefaultTemplate>,
): DefaultTemplate {
  return { name, subject, html: `${body}${signature[locale]}`, locale, ...key };
}

/** Seeded once per (outcome | status | event, locale); admins edit them afterwards. */
export const defaultTemplates: DefaultTemplate[] = [
  // Call outcomes.
  t(
    'en',
    'Call: conversation completed',
    'Your order <$order_number>',
    '<p>Dear <$name>,</p><p>Thank you for talking to us today. As agreed, your order <strong>&lt;$order_number&gt;</strong> for <strong>&lt;$total&gt;</strong> is confirmed.</p>',
    { outcome: 'completed' },
  ),
  t(
    'es',
    'Llamada: conversación completada',
    'Su pedido <$order_number>',
    '<p>Estimado/a <$name>:</p><p>Gracias por hablar con nosotros hoy. Tal como acordamos, su pedido <strong>&lt;$order_number&gt;</strong> por <strong>&lt;$total&gt;</strong> queda confirmado.</p>',
    { outcome: 'completed' },
  ),
  t(
    'en',
    'Call: could not reach',
    'We tried to call you about order <$order_number>',
    '<p>Dear <$name>,</p><p>We tried to call you about your order <strong>&lt;$order_number&gt;</strong> but could not reach you. We will try again soon, or simply reply to this e-mail with a good time to call.</p>',
    { outcome: 'not_reached' },
  ),
  t(
    'es',
    'Llamada: no contesta',
    'Hemos intentado llamarle por el pedido <$order_number>',
    '<p>Estimado/a <$name>:</p><p>Hemos intentado llamarle por su pedido <strong>&lt;$order_number&gt;</strong> sin éxito. Volveremos a intentarlo pronto, o responda a este correo indicando cuándo le viene bien.</p>',
    { outcome: 'not_reached' },
  ),
  t(
    'en',
    'Call: call back',
    'We will call you back about order <$order_number>',
    '<p>Dear <$name>,</p><p>As you asked, we will call you back about your order <strong>&lt;$order_number&gt;</strong> at the agreed time.</p>',
    { outcome: 'callback' },
  ),
  t(
    'es',
    'Llamada: volver a llamar',
    'Le llamaremos por el pedido <$order_number>',
    '<p>Estimado/a <$name>:</p><p>Tal como nos pidió, le llamaremos por su pedido <strong>&lt;$order_number&gt;</strong> a la hora acordada.</p>',
    { outcome: 'callback' },
  ),
  t(
    'en',
    'Call: already paid',
    'Your payment for order <$order_number>',
    '<p>Dear <$name>,</p><p>Thank you for letting us know that order <strong>&lt;$order_number&gt;</strong> is already paid. We are checking the payment and will be in touch if anything is missing.</p>',
    { outcome: 'already_paid' },
  ),
  t(
    'es',
    'Llamada: ya pagado',
    'Su pago del pedido <$order_number>',
    '<p>Estimado/a <$name>:</p><p>Gracias por avisarnos de que el pedido <strong>&lt;$order_number&gt;</strong> ya está pagado. Estamos comprobando el pago y le avisaremos si falta algo.</p>',
    { outcome: 'already_paid' },
  ),
  t(
    'en',
    'Call: refusal',
    'Your order <$order_number> has been cancelled',
    '<p>Dear <$name>,</p><p>As you asked on the phone, we have cancelled your order <strong>&lt;$order_number&gt;</strong>. If you change your mind, just reply to this e-mail.</p>',
    { outcome: 'cancelled' },
  ),
  t(
    'es',
    'Llamada: rechazo',
    'Su pedido <$order_number> ha sido cancelado',
    '<p>Estimado/a <$name>:</p><p>Tal como nos pidió por teléfono, hemos cancelado su pedido <strong>&lt;$order_number&gt;</strong>. Si cambia de opinión, responda a este correo.</p>',
    { outcome: 'cancelled' },
  ),
  t(
    'en',
    'Call: invalid contact',
    'Please check your phone number for order <$order_number>',
    '<p>Dear <$name>,</p><p>We could not call you about your order <strong>&lt;$order_number&gt;</strong>: the phone number we have seems to be wrong. Please reply with a number where we can reach you.</p>',
    { outcome: 'invalid_contact' },
  ),
  t(
    'es',
    'Llamada: contacto no válido',
    'Revise su teléfono para el pedido <$order_number>',
    '<p>Estimado/a <$name>:</p><p>No hemos podido llamarle por su pedido <strong>&lt;$order_number&gt;</strong>: el teléfono que tenemos parece incorrecto. Responda con un número en el que podamos localizarle.</p>',
    { outcome: 'invalid_contact' },
  ),

  // Status changes that e-mail the customer.
  t(
    'en',
    'Status: reserved (payment details)',
    'Order <$order_number> is reserved: <$total> to pay',
    '<p>Dear <$name>,</p><p>Your order <strong>&lt;$order_number&gt;</strong> is reserved for you. The total to pay is <strong>&lt;$total&gt;</strong>.</p><p>&lt;$payment_instructions&gt;</p><p>&lt;$message&gt;</p>',
    { status: 'reserved' },
  ),
  t(
    'es',
    'Estado: reservado (datos de pago)',
    'Pedido <$order_number> reservado: <$total> a pagar',
    '<p>Estimado/a <$name>:</p><p>Su pedido <strong>&lt;$order_number&gt;</strong> está reservado. El total a pagar es <strong>&lt;$total&gt;</strong>.</p><p>&lt;$payment_instructions&gt;</p><p>&lt;$message&gt;</p>',
    { status: 'reserved' },
  ),
  t(
    'en',
    'Status: paid',
    'Payment received for order <$order_number>',
    '<p>Dear <$name>,</p><p>We have received your payment of <strong>&lt;$total&gt;</strong> for order <strong>&lt;$order_number&gt;</strong>. Thank you!</p><p>&lt;$message&gt;</p>',
    { status: 'paid' },
  ),
  t(
    'es',
    'Estado: pagado',
    'Pago recibido del pedido <$order_number>',
    '<p>Estimado/a <$name>:</p><p>Hemos recibido su pago de <strong>&lt;$total&gt;</strong> del pedido <strong>&lt;$order_number&gt;</strong>. ¡Gracias!</p><p>&lt;$message&gt;</p>',
    { status: 'paid' },
  ),
  t(
    'en',
    'Status: shipped',
    'Order <$order_number> is on its way',
    '<p>Dear <$name>,</p><p>Good news: your order <strong>&lt;$order_number&gt;</strong> has been shipped.</p><p>&lt;$message&gt;</p>',
    { status: 'shipped' },
  ),
  t(
    'es',
    'Estado: enviado',
    'El pedido <$order_number> está en camino',
    '<p>Estimado/a <$name>:</p><p>Buenas noticias: su pedido <strong>&lt;$order_number&gt;</strong> ha sido enviado.</p><p>&lt;$message&gt;</p>',
    { status: 'shipped' },
  ),
  t(
    'en',
    'Status: cancelled',
    'Order <$order_number> has been cancelled',
    '<p>Dear <$name>,</p><p>Your order <strong>&lt;$order_number&gt;</strong> has been cancelled.</p><p>&lt;$message&gt;</p>',
    { status: 'cancelled' },
  ),
  t(
    'es',
    'Estado: cancelado',
    'El pedido <$order_number> ha sido cancelado',
    '<p>Estimado/a <$name>:</p><p>Su pedido <strong>&lt;$order_number&gt;</strong> ha sido cancelado.</p><p>&lt;$message&gt;</p>',
    { status: 'cancelled' },
  ),
  t(
    'en',
    'Status: refunded',
    'Order <$order_number> has been refunded',
    '<p>Dear <$name>,</p><p>We have refunded your order <strong>&lt;$order_number&gt;</strong> (<strong>&lt;$total&gt;</strong>). Depending on your bank it may take a few days to appear.</p><p>&lt;$message&gt;</p>',
    { status: 'refunded' },
  ),
  t(
    'es',
    'Estado: reembolsado',
    'El pedido <$order_number> ha sido reembolsado',
    '<p>Estimado/a <$name>:</p><p>Hemos reembolsado su pedido <strong>&lt;$order_number&gt;</strong> (<strong>&lt;$total&gt;</strong>). Según su banco, puede tardar unos días en aparecer.</p><p>&lt;$message&gt;</p>',
    { status: 'refunded' },
  ),

  // Letters no status or call sends.
  t(
    'en',
    'Order confirmation',
    'We have received your order <$order_number>',
    '<p>Dear <$name>,</p><p>Thank you for your order <strong>&lt;$order_number&gt;</strong>. This is what you ordered:</p><p>&lt;$items&gt;</p><p>Total to pay: <strong>&lt;$total&gt;</strong>.</p><p>&lt;$payment_instructions&gt;</p><p>We will call you shortly to confirm the details.</p>',
    { event: 'order_confirmation' },
  ),
  t(
    'es',
    'Confirmación del pedido',
    'Hemos recibido su pedido <$order_number>',
    '<p>Estimado/a <$name>:</p><p>Gracias por su pedido <strong>&lt;$order_number&gt;</strong>. Esto es lo que ha pedido:</p><p>&lt;$items&gt;</p><p>Total a pagar: <strong>&lt;$total&gt;</strong>.</p><p>&lt;$payment_instructions&gt;</p><p>Le llamaremos en breve para confirmar los detalles.</p>',
    { event: 'order_confirmation' },
  ),
  t(
    'en',
    'Payment reminder',
    'Reminder: order <$order_number> is waiting for payment',
    '<p>Dear <$name>,</p><p>A friendly reminder: your order <strong>&lt;$order_number&gt;</strong> is reserved and waiting for your payment of <strong>&lt;$total&gt;</strong>.</p><p>&lt;$payment_instructions&gt;</p>',
    { event: 'payment_reminder' },
  ),
  t(
    'es',
    'Recordatorio de pago',
    'Recordatorio: el pedido <$order_number> espera su pago',
    '<p>Estimado/a <$name>:</p><p>Le recordamos que su pedido <strong>&lt;$order_number&gt;</strong> está reservado y pendiente del pago de <strong>&lt;$total&gt;</strong>.</p><p>&lt;$payment_instructions&gt;</p>',
    { event: 'payment_reminder' },
  ),
  t(
    'en',
    'Review request',
    'How was your order <$order_number>?',
    '<p>Dear <$name>,</p><p>We hope you are enjoying your order <strong>&lt;$order_number&gt;</strong>. Would you take a minute to tell us how it went? Just reply to this e-mail — we read every answer.</p>',
    { event: 'review_request' },
  ),
  t(
    'es',
    'Solicitud de opinión',
    '¿Qué tal su pedido <$order_number>?',
    '<p>Estimado/a <$name>:</p><p>Esperamos que esté disfrutando de su pedido <strong>&lt;$order_number&gt;</strong>. ¿Nos dedica un minuto para contarnos qué tal? Responda a este correo: leemos todas las respuestas.</p>',
    { event: 'review_request' },
  ),
];
