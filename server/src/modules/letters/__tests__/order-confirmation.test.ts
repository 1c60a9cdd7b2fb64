import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { OrderModel } from '../../orders/order.model.js';
import { LetterModel } from '../letter.model.js';
import { deliverDueLetters } from '../letter-delivery.js';
import { previewLetter } from '../letter-compose.js';
import { useLetterTestApp } from './letter-fixtures.js';

const { ctx, smtp } = useLetterTestApp();

const intake = (body: object, key?: string) => {
  const req = request(ctx.app).post('/api/intake/orders').set('X-Api-Key', 'test-intake-key-0123456789');
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

const websiteOrder = {
  client: { name: 'Lucía <Romero>', email: 'lucia@example.es', phone: '+34 600 11 22 33' },
  items: [
    { name: 'Lamp & shade', quantity: 2, unitPrice: 19.99 },
    { name: 'Bulb', quantity: 3, unitPrice: 2.5 },
  ],
  currency: 'EUR',
  discount: 5,
  paymentMethod: 'transfer',
};

describe('the order confirmation letter', () => {
  it('goes to the client with the items table and to the administration, once for a retried intake', async () => {
    await updateSettings({ adminEmail: 'office@callboard.test' });
    try {
      const first = await intake(websiteOrder, 'shop-order-981');
      expect(first.status).toBe(201);
      const retry = await intake(websiteOrder, 'shop-order-981');
      expect(retry.status).toBe(201);
      const { id, number } = first.body.order;
      expect(retry.body.order).toMatchObject({ id, number });
      expect(await OrderModel.countDocuments({ number })).toBe(1);

      const letters = await LetterModel.find({ orderId: id }).sort({ to: 1 }).lean();
      expect(letters.map((l) => [l.kind, l.to, l.status])).toEqual([
        ['confirmation', 'lucia@example.es', 'queued'],
        ['confirmation', 'office@callboard.test', 'queued'],
      ]);
      expect(letters[0]!.actor).toEqual({ type: 'intake', id: null, name: 'Shop website' });

      await deliverDueLetters(new Date(), ctx.env);
      await intake(websiteOrder, 'shop-order-981');
      await deliverDueLetters(new Date(), ctx.env);
      expect(smtp.received.map((m) => m.rcptTo).sort()).toEqual([['lucia@example.es'], ['office@callboard.test']]);
      const mail = smtp.received.find((m) => m.rcptTo.includes('lucia@example.es'))!;
      expect(mail.subject).toBe(`We have received your order ${number}`);
      expect(mail.html).toContain('<p>Dear Lucía &lt;Romero&gt;,</p>');
      expect(mail.html).toContain(
        '<tr><td>Lamp &amp; shade</td><td align="right">2</td><td align="right">€19.99</td><td align="right">€39.98</td></tr>',
      );
      expect(mail.html).toContain(
        '<tr><td>Bulb</td><td align="right">3</td><td align="right">€2.50</td><td align="right">€7.50</td></tr>',
      );
      expect(mail.html).toContain('<tr><td colspan="3">Discount</td><td align="right">−€5.00</td></tr>');
      expect(mail.html).toContain('<th align="left" colspan="3">Order total</th><th align="right">€42.48</th>');
      expect(mail.html).toContain('IBAN ES91 2100 0418 4502 0005 1332');
      expect(mail.text).toContain('Total to pay: €42.48.');
      const copy = smtp.received.find((m) => m.rcptTo.includes('office@callboard.test'))!;
      expect(copy.subject).toBe(mail.subject);
      expect(copy.html).toBe(mail.html);
    } finally {
      await updateSettings({ adminEmail: '' });
    }
  });

  it('is kept as failed, with the reason, when the client has no e-mail address', async () => {
    const res = await intake({ ...websiteOrder, client: { name: 'Phone Only', phone: '+34 611 22 33 44' } });
    const letters = await LetterModel.find({ orderId: res.body.order.id }).lean();
    expect(letters.map((l) => [l.kind, l.status, l.lastError])).toEqual([
      ['confirmation', 'failed', 'The client Phone Only has no e-mail address to send the letter to'],
    ]);
  });

  it('is sent for a staff order too, and not at all when the settings switch it off', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const staff = await agent
      .post('/api/orders')
      .send({ ...websiteOrder, client: { name: 'Bo', email: 'bo@example.dk' } });
    expect(staff.status).toBe(201);
    // No admin address in the settings: the client's letter only.
    expect((await LetterModel.find({ orderId: staff.body.order.id }).lean()).map((l) => [l.kind, l.to])).toEqual([
      ['confirmation', 'bo@example.dk'],
    ]);

    await updateSettings({
      adminEmail: 'office@callboard.test',
      orderConfirmation: { notifyClient: false, notifyAdmin: false },
    });
    try {
      const quiet = await intake({ ...websiteOrder, client: { name: 'Quiet', email: 'quiet@example.es' } });
      expect(quiet.status).toBe(201);
      expect(await LetterModel.countDocuments({ orderId: quiet.body.order.id })).toBe(0);
      await updateSettings({ orderConfirmation: { notifyClient: false, notifyAdmin: true } });
      const copyOnly = await intake({ ...websiteOrder, client: { name: 'Copy', email: 'copy@example.es' } });
      expect((await LetterModel.find({ orderId: copyOnly.body.order.id }).lean()).map((l) => l.to)).toEqual([
        'office@callboard.test',
      ]);
    } finally {
      await updateSettings({ adminEmail: '', orderConfirmation: { notifyClient: true, notifyAdmin: true } });
    }
  });
});

describe('letter variables for the order contents and delivery', () => {
  it('fill the tracking number and the expected delivery date in the letter language, and say when missing', async () => {
    const res = await intake(websiteOrder);
    const orderId = res.body.order.id;
    const template = {
      subject: 'Parcel <$tracking_number>',
      html: '<p>Arrives <$delivery_date>.</p><p><$items></p>',
    };
    const missing = await previewLetter({ ...template, orderId });
    expect(missing.missing.sort()).toEqual(['delivery_date', 'tracking_number']);

    await OrderModel.updateOne(
      { _id: orderId },
      { $set: { 'delivery.trackingNumber': 'PK<1>', 'delivery.expectedDate': '2026-03-05' } },
    );
    const en = await previewLetter({ ...template, orderId, locale: 'en' });
    expect(en.missing).toEqual([]);
    expect(en.subject).toBe('Parcel PK<1>');
    expect(en.html).toContain('<p>Arrives March 5, 2026.</p>');
    expect(en.html).toContain('<th align="left">Item</th><th align="right">Quantity</th>');
    const es = await previewLetter({ ...template, orderId, locale: 'es' });
    expect(es.html).toContain('<p>Arrives 5 de marzo de 2026.</p>');
    expect(es.html).toContain('<th align="left">Artículo</th><th align="right">Cantidad</th>');
    expect(es.html).toContain('<td align="right">19,99\u00a0€</td>');
  });

  it('keep a table typed into a template out of the letter', async () => {
    const res = await intake(websiteOrder);
    const preview = await previewLetter({
      subject: 'x',
      html: '<table><tr><td onclick="x()">typed</td></tr></table>',
      orderId: res.body.order.id,
    });
    expect(preview.html).toBe('typed');
  });
});
