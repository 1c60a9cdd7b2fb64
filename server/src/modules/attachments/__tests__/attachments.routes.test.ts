import { readdirSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { updateSettings } from '../../settings/settings.service.js';
import { AttachmentModel } from '../attachment.model.js';
import { newOrder } from '../../calls/__tests__/fixtures.js';

const ctx = useTestApp();

/** A real, tiny PCM WAV: 0.1 s of a 440 Hz tone, 8 kHz mono 8-bit. */
function wav(): Buffer {
  const samples = Buffer.alloc(800);
  for (let i = 0; i < samples.length; i++)
    samples[i] = 128 + Math.round(100 * Math.sin((2 * Math.PI * 440 * i) / 8000));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/** An MP3: an ID3v2 tag followed by MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each). */
function mp3(): Buffer {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([id3, frame, frame, frame]);
}

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
    expect(stored?.storedName).toMatch(/^[0-9a-f]{32}\.bin$/);
    expect(String(stored?.clientId)).toBe(order.clientId);

    const full = await agent.get(`/api/attachments/${res.body.attachment.id}`).buffer(true);
    expect(full.status).toBe(200);
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(full.headers['content-type']).toBe('audio/wav');
    expect(full.headers['content-disposition']).toMatch(/^inline; filename="my call.wav"/);
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
