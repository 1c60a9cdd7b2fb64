import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { TemplateModel } from '../template.model.js';
import { seedDefaultTemplates } from '../template.service.js';
import { defaultTemplates } from '../default-templates.js';

const ctx = useTestApp();

const body = { name: 'Welcome', subject: 'Hello <$name>', html: '<p>Hi <$name></p>', locale: 'en' };

describe('seedDefaultTemplates', () => {
  it('seeds English and Spanish defaults once, and does not bring back a deleted one', async () => {
    const [a, b] = await Promise.all([seedDefaultTemplates(), seedDefaultTemplates()]);
    expect(a + b).toBe(defaultTemplates.length);
    expect(await TemplateModel.countDocuments({})).toBe(defaultTemplates.length);
    for (const locale of ['en', 'es']) {
      for (const outcome of ['completed', 'not_reached', 'callback', 'already_paid', 'cancelled', 'invalid_contact']) {
        expect(await TemplateModel.exists({ defaultKey: `outcome:${outcome}:${locale}` })).toBeTruthy();
      }
      for (const status of ['reserved', 'paid', 'shipped', 'cancelled', 'refunded']) {
        expect(await TemplateModel.exists({ defaultKey: `status:${status}:${locale}` })).toBeTruthy();
      }
      for (const event of ['payment_reminder', 'review_request']) {
        expect(await TemplateModel.exists({ defaultKey: `event:${event}:${locale}` })).toBeTruthy();
      }
    }
    await TemplateModel.deleteOne({ defaultKey: 'status:shipped:es' });
    expect(await seedDefaultTemplates()).toBe(0);
    expect(await TemplateModel.exists({ defaultKey: 'status:shipped:es' })).toBeNull();
  });
});

describe('GET /api/templates', () => {
  it('lets every signed-in user read templates, filtered by status and locale', async () => {
    await seedDefaultTemplates();
    const { agent } = await signedInAgent(ctx, 'manager');
    const res = await agent.get('/api/templates?status=reserved&locale=en');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ status: 'reserved', locale: 'en', outcome: null, event: null });
    expect(res.body.items[0].html).toContain('&lt;$payment_instructions&gt;');
  });

  it('answers 401 without a session and 400 for an operator in the query', async () => {
    expect((await request(ctx.app).get('/api/templates')).status).toBe(401);
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.get('/api/templates?status[$ne]=x')).status).toBe(400);
  });
});

describe('POST /api/templates', () => {
  it('stores sanitised HTML', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const res = await agent.post('/api/templates').send({
      ...body,
      html: '<p onclick="x()">Hi <$name> <a href="javascript:alert(1)">x</a></p><script>alert(1)</script><img src=x onerror=alert(1)>',
    });
    expect(res.status).toBe(201);
    expect(res.body.template.html).toBe('<p>Hi &lt;$name&gt; <a>x</a></p>');
    const stored = await TemplateModel.findById(res.body.template.id).lean();
    expect(stored?.html).toBe('<p>Hi &lt;$name&gt; <a>x</a></p>');
  });

  it('allows many templates that are no default, but one default per outcome and locale', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    expect((await agent.post('/api/templates').send({ ...body, name: 'A' })).status).toBe(201);
    expect((await agent.post('/api/templates').send({ ...body, name: 'B' })).status).toBe(201);
    await TemplateModel.deleteMany({ outcome: 'callback' });
    const first = await agent.post('/api/templates').send({ ...body, outcome: 'callback', locale: 'es' });
    expect(first.status).toBe(201);
    const second = await agent
      .post('/api/templates')
      .send({ ...body, name: 'Other', outcome: 'callback', locale: 'es' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(await TemplateModel.countDocuments({ outcome: 'callback', locale: 'es' })).toBe(1);
    expect((await agent.post('/api/templates').send({ ...body, outcome: 'callback', locale: 'en' })).status).toBe(201);
  });

  it('refuses a template that is the default for two things', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const res = await agent.post('/api/templates').send({ ...body, outcome: 'callback', status: 'paid' });
    expect(res.status).toBe(400);
  });

  it('is forbidden to managers without the templates.write right', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    expect((await agent.post('/api/templates').send(body)).status).toBe(403);
    const writer = await signedInAgent(ctx, 'manager', { rights: ['templates.write'] });
    expect((await writer.agent.post('/api/templates').send({ ...body, name: 'By a writer' })).status).toBe(201);
  });
});

describe('PATCH /api/templates/:id', () => {
  it('changes a template and keeps one default per status and locale', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    await TemplateModel.deleteMany({ status: 'processing' });
    const a = (await agent.post('/api/templates').send({ ...body, name: 'P1', status: 'processing' })).body.template;
    const b = (await agent.post('/api/templates').send({ ...body, name: 'P2' })).body.template;
    const clash = await agent.patch(`/api/templates/${b.id}`).send({ status: 'processing' });
    expect(clash.status).toBe(409);
    expect((await agent.patch(`/api/templates/${a.id}`).send({ status: null })).status).toBe(200);
    const moved = await agent
      .patch(`/api/templates/${b.id}`)
      .send({ status: 'processing', html: '<p>New <$status><style>p{}</style></p>' });
    expect(moved.status).toBe(200);
    expect(moved.body.template).toMatchObject({ status: 'processing', html: '<p>New &lt;$status&gt;</p>' });
    expect(await TemplateModel.findById(b.id).lean()).toMatchObject({ defaultKey: 'status:processing:en' });
    expect(await TemplateModel.findById(a.id).lean()).toMatchObject({ defaultKey: `id:${a.id}` });
  });

  it('answers 404 for an unknown template', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    expect((await agent.patch('/api/templates/0123456789abcdef01234567').send({ name: 'x' })).status).toBe(404);
  });
});

describe('DELETE /api/templates/:id', () => {
  it('deletes a template, unless the settings use it for a status e-mail', async () => {
    const { agent } = await signedInAgent(ctx, 'admin');
    const used = (await agent.post('/api/templates').send({ ...body, name: 'Used' })).body.template;
    const free = (await agent.post('/api/templates').send({ ...body, name: 'Free' })).body.template;
    await updateSettings({ statusEmails: { paid: { notifyClient: true, templateId: used.id } } });
    const refused = await agent.delete(`/api/templates/${used.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/paid/);
    expect((await agent.delete(`/api/templates/${free.id}`)).status).toBe(204);
    expect(await TemplateModel.exists({ _id: free.id })).toBeNull();
    expect(await TemplateModel.exists({ _id: used.id })).toBeTruthy();
  });
});
