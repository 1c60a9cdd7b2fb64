import { describe, expect, it } from '@jest/globals';
import { signedInAgent } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { prepareLetter } from '../letter-compose.js';
import { enqueueLetter } from '../letter-outbox.js';
import { deliverDueLetters } from '../letter-delivery.js';
import { callLetter, createOrderFixture, manager, useLetterTestApp } from './letter-fixtures.js';

const { ctx, smtp } = useLetterTestApp();

describe('prepareLetter', () => {
  it('refuses missing and unknown variables with their names', async () => {
    const { orderId } = await createOrderFixture();
    await updateSettings({ bankAccount: '' });
    try {
      await expect(
        prepareLetter({ orderId, subject: 's', html: '<p><$bank_account> <$manager_name> {$nope}</p>' }),
      ).rejects.toMatchObject({
        code: 'missing_variables',
        details: [
          expect.objectContaining({ variable: 'bank_account' }),
          expect.objectContaining({ variable: 'manager_name' }),
          expect.objectContaining({ variable: 'nope' }),
        ],
      });
    } finally {
      await updateSettings({ bankAccount: 'IBAN ES91 2100 0418 4502 0005 1332' });
    }
  });

  it('refuses a client without an e-mail address', async () => {
    const { orderId } = await createOrderFixture({ email: null });
    await expect(prepareLetter({ orderId, subject: 's', html: '<p>Hi <$name></p>' })).rejects.toMatchObject({
      code: 'unprocessable',
    });
  });
});

describe('POST /api/templates/preview', () => {
  it('shows exactly the letter that is sent', async () => {
    const { orderId } = await createOrderFixture({ name: '<img src=x onerror=alert(1)>' });
    const { agent } = await signedInAgent(ctx, 'manager');
    const preview = await agent.post('/api/templates/preview').send({ ...callLetter, orderId });
    expect(preview.status).toBe(200);
    expect(preview.body.missing).toEqual([]);
    expect(preview.body.unknown).toEqual([]);
    expect(preview.body.html).toContain('Dear &lt;img src=x onerror=alert(1)&gt;,');

    const prepared = await prepareLetter({ orderId, ...callLetter });
    await enqueueLetter(prepared, { kind: 'call', actor: manager });
    await deliverDueLetters(new Date(), ctx.env);
    const mail = smtp.received[0]!;
    expect(mail.html).toBe(preview.body.html);
    expect(mail.text).toBe(preview.body.text);
    expect(mail.subject).toBe(preview.body.subject);
  });

  it('lists missing and unknown variables with 200', async () => {
    const { orderId } = await createOrderFixture();
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent
      .post('/api/templates/preview')
      .send({ subject: 'Hi <$name>', html: '<p><$manager_name> <$message> {$nmae}</p>', orderId });
    expect(res.status).toBe(200);
    expect(res.body.missing.sort()).toEqual(['manager_name', 'message']);
    expect(res.body.unknown).toEqual(['nmae']);
    expect(res.body.html).toBe('<p>&lt;$manager_name&gt; &lt;$message&gt; {$nmae}</p>');
  });
});
