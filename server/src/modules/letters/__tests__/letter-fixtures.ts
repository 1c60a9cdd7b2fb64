import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { useTestApp } from '../../../test/test-app.js';
import { ClientModel } from '../../clients/client.model.js';
import { OrderModel } from '../../orders/order.model.js';
import { seedDefaultTemplates } from '../../templates/template.service.js';
import { LetterModel } from '../letter.model.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';

/**
 * The test app with a real SMTP listener behind SMTP_URL and the default templates; the outbox and
 * the listener start empty in every test.
 */
export function useLetterTestApp() {
  const overrides: Record<string, string> = { MAIL_FROM: 'Callboard Shop <shop@callboard.test>' };
  const smtp = {} as SmtpListener;
  // Registered before useTestApp's own beforeAll, so the listener's port is in the env it loads.
  beforeAll(async () => {
    Object.assign(smtp, await startSmtpListener());
    overrides.SMTP_URL = smtp.url;
  });
  afterAll(async () => smtp.close());

  const ctx = useTestApp(overrides);

  beforeAll(async () => {
    await seedDefaultTemplates();
  });

  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.rcptReplies.length = 0;
    // Letters from earlier tests must not be swept into this one's assertions.
    await LetterModel.deleteMany({});
  });
  return { ctx, smtp };
}

export const manager = { type: 'user' as const, id: null, name: 'Marta López' };

export const callLetter = {
  subject: 'Your order <$order_number>, <$name>',
  html: '<p>Dear <$name>,</p><p>Order <strong>{$order_number}</strong> totals <$total>.</p><script>alert(1)</script>',
};

let nextNumber = 50_000;

export type OrderFixture = {
  name?: string;
  email?: string | null;
  paymentMethod?: 'card' | 'transfer' | 'cash' | null;
  status?: string;
  totalMinor?: number;
  currency?: string;
  managerId?: string | null;
  completedAt?: Date | null;
};

/** A client and an order written straight to the database, so letter tests need no other module's routes. */
export async function createOrderFixture(f: OrderFixture = {}) {
  const client = await ClientModel.create({
    name: f.name ?? 'Ana García',
    emails: f.email === null ? [] : [f.email ?? 'ana@example.com'],
    phones: [{ number: '+34600000001', display: '+34 600 00 00 01', country: 'ES' }],
  });
  nextNumber += 1;
  const totalMinor = f.totalMinor ?? 4990;
  const order = await OrderModel.create({
    number: nextNumber,
    status: f.status ?? 'pending',
    clientId: client._id,
    managerId: f.managerId ?? null,
    items: [{ name: 'Lamp', quantity: 1, unitPriceMinor: totalMinor }],
    currency: f.currency ?? 'EUR',
    totalMinor,
    paymentMethod: f.paymentMethod ?? null,
    completedAt: f.completedAt ?? null,
    createdBy: { type: 'intake', id: null, name: 'Shop' },
  });
  return { client, order, orderId: String(order._id), number: order.number };
}
