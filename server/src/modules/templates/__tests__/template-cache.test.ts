import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { findDefaultTemplate, seedDefaultTemplates } from '../template.service.js';

const ctx = useTestApp();

/** Default templates are kept in the process: a change through the API must be seen by the next letter. */
describe('default templates as kept in the process', () => {
  it('sees an edit, a deletion and a new default at the very next look-up', async () => {
    await seedDefaultTemplates();
    const { agent } = await signedInAgent(ctx, 'admin');
    const shipped = await findDefaultTemplate({ status: 'shipped' }, 'en');
    expect(shipped?.locale).toBe('en');

    const edited = await agent.patch(`/api/templates/${shipped!.id}`).send({ subject: 'On its way: <$order_number>' });
    expect(edited.status).toBe(200);
    expect((await findDefaultTemplate({ status: 'shipped' }, 'en'))?.subject).toBe('On its way: <$order_number>');

    expect((await agent.delete(`/api/templates/${shipped!.id}`)).status).toBe(204);
    // The Spanish default answers for English now.
    expect((await findDefaultTemplate({ status: 'shipped' }, 'en'))?.locale).toBe('es');

    const created = await agent
      .post('/api/templates')
      .send({ name: 'Shipped', subject: 'Shipped', html: '<p>Shipped</p>', status: 'shipped', locale: 'en' });
    expect(created.status).toBe(201);
    expect((await findDefaultTemplate({ status: 'shipped' }, 'en'))?.id).toBe(created.body.template.id);
  });
});
