import { readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { AttachmentModel } from '../attachment.model.js';
import { newOrder } from '../../calls/__tests__/fixtures.js';
import { mp3, wav } from './audio-fixtures.js';

const ctx = useTestApp();

const uploadsLeft = () => readdirSync(ctx.env.uploadDir).length;

describe('POST /api/orders/:id/attachments', () => {
  it('stores a WAV under a server-chosen name and plays it back with Range (206)', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const bytes = wav();
    const res = await agent
      .post(`/api/orders/${order.id}/attachments`)
      .attach('file', bytes, { filename: '../../etc/my call.wav', contentType: 'audio/wav' });
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ filename: 'my call.wav', mimeType: 'audio/wav', size: bytes.length });
    const stored = await AttachmentModel.findById(res.body.attachment.id).lean();
    expect(stored?.storedName).toMatch(/^[0-9a-f]{32}\.wav$/);
    expect(readdirSync(ctx.env.uploadDir)).toContain(stored?.storedName);
    expect(String(stored?.clientId)).toBe(order.clientId);

    const full = await agent.get(`/api/attachments/${res.body.attachment.id}`).buffer(true);
    expect(full.status).toBe(200);
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.headers['content-type']).toBe('audio/wav');
    expect(full.headers['content-disposition']).toMatch(/^inline; filename="my call.wav"/);
    expect(full.headers['cache-control']).toBe('no-store');
    expect(full.headers['content-security-policy']).toBe('sandbox');
    const part = await agent.get(`/api/attachments/${res.body.attachment.id}`).set('Range', 'bytes=40-59').buffer(true);
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 40-59/${bytes.length}`);
    expect(Buffer.compare(part.body as Buffer, bytes.subarray(40, 60))).toBe(0);
    const bad = await agent.get(`/api/attachments/${res.body.attachment.id}`).set('Range', `bytes=${bytes.length}-`);
    expect(bad.status).toBe(416);
    expect((await request(ctx.app).get(`/api/attachments/${res.body.attachment.id}`)).status).toBe(401);
  });

  it('accepts an MP3, links it to a call and shows it on the call in the timeline', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const up = await agent.post(`/api/orders/${order.id}/attachments`).attach('file', mp3(), 'call.mp3');
    expect(up.status).toBe(201);
    expect(up.body.attachment.mimeType).toBe('audio/mpeg');
    let timeline = await agent.get(`/api/orders/${order.id}/timeline`);
    expect(timeline.body.items.find((i: { type: string }) => i.type === 'attachment')).toBeTruthy();
    const call = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'completed', attachmentIds: [up.body.attachment.id] });
    expect(call.body.call.attachments).toEqual([
      { ...up.body.attachment, url: `/api/attachments/${up.body.attachment.id}` },
    ]);
    timeline = await agent.get(`/api/orders/${order.id}/timeline`);
    expect(timeline.body.items.find((i: { type: string }) => i.type === 'attachment')).toBeUndefined();
    expect(timeline.body.items.find((i: { type: string }) => i.type === 'call').attachments[0].id).toBe(
      up.body.attachment.id,
    );
    const again = await agent
      .post(`/api/orders/${order.id}/calls`)
      .send({ outcome: 'completed', attachmentIds: [up.body.attachment.id] });
    expect(again.status).toBe(400);
  });

  it('stores an MP3 uploaded as x.html under .mp3 and serves it as audio in a sandbox', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent
      .post(`/api/orders/${order.id}/attachments`)
      .attach('file', mp3(), { filename: 'x.html', contentType: 'text/html' });
    expect(res.status).toBe(201);
    expect(res.body.attachment).toMatchObject({ filename: 'x.html', mimeType: 'audio/mpeg' });
    const stored = await AttachmentModel.findById(res.body.attachment.id).lean();
    expect(stored?.storedName).toMatch(/^[0-9a-f]{32}\.mp3$/);
    expect(readdirSync(ctx.env.uploadDir).filter((f) => f.startsWith(stored!.storedName.slice(0, 32)))).toEqual([
      stored?.storedName,
    ]);
    const served = await agent.get(`/api/attachments/${res.body.attachment.id}`).buffer(true);
    expect(served.headers['content-type']).toBe('audio/mpeg');
    expect(served.headers['content-security-policy']).toBe('sandbox');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a multipart body without a boundary with 400', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const res = await agent
      .post(`/api/orders/${order.id}/attachments`)
      .set('Content-Type', 'multipart/form-data')
      .send('--x\r\nnot really multipart');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('refuses a text file named .mp3 with 415 and leaves no file behind', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const before = uploadsLeft();
    const res = await agent
      .post(`/api/orders/${order.id}/attachments`)
      .attach('file', Buffer.from('just some text, not audio at all'), {
        filename: 'song.mp3',
        contentType: 'audio/mpeg',
      });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect(uploadsLeft()).toBe(before);
  });

  it('refuses a file over the size limit with 413 and leaves no file behind', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await updateSettings({ uploadMaxBytes: 2048 });
    try {
      const before = uploadsLeft();
      const big = Buffer.concat([wav(), Buffer.alloc(4096)]);
      const res = await agent.post(`/api/orders/${order.id}/attachments`).attach('file', big, 'long.wav');
      expect(res.status).toBe(413);
      expect(uploadsLeft()).toBe(before);
    } finally {
      await updateSettings({ uploadMaxBytes: 100 * 1024 * 1024 });
    }
  });

  it('answers 401 without a session and writes nothing, and 404 for an unknown order without keeping the file', async () => {
    const order = await newOrder();
    const before = uploadsLeft();
    const res = await request(ctx.app).post(`/api/orders/${order.id}/attachments`).attach('file', wav(), 'a.wav');
    expect(res.status).toBe(401);
    const { agent } = await signedInAgent(ctx, 'manager');
    const missing = await agent.post('/api/orders/0123456789abcdef01234567/attachments').attach('file', wav(), 'a.wav');
    expect(missing.status).toBe(404);
    expect(uploadsLeft()).toBe(before);
    expect((await agent.post(`/api/orders/${order.id}/attachments`).field('nofile', 'x')).status).toBe(400);
  });
});
