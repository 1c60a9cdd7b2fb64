import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { signedInAgent, testPassword, useTestApp } from '../../../test/test-app.js';
import { newOrder } from '../../calls/__tests__/fixtures.js';
import { AttachmentModel } from '../attachment.model.js';
import { OrderModel } from '../../orders/order.model.js';
import { removeOrphanUploads } from '../attachment.service.js';
import { mp3 } from './audio-fixtures.js';

// Faults and reads are injected into the database calls: these run on the database path (as on MongoDB).
const ctx = useTestApp({}, { mirrors: false });

/** The app on a real port, so a test can cut the connection itself; each response is reported as it starts. */
let server: Server;
let port = 0;
const responses: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer(ctx.app);
  server.on('request', (_req, res: ServerResponse) => responses.push(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 20));
}

async function sessionCookie(): Promise<string> {
  const { user } = await signedInAgent(ctx, 'manager');
  const login = await request(ctx.app).post('/api/auth/login').send({ email: user.email, password: testPassword });
  return String(login.headers['set-cookie']![0]).split(';')[0]!;
}

/** A raw multipart upload of `file`, so the test decides how much of it is sent and when the socket closes. */
function uploadRequest(orderId: string, cookie: string, file: Buffer): { head: Buffer; body: Buffer } {
  const boundary = 'callboard-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="call.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const head = Buffer.from(
    `POST /api/orders/${orderId}/attachments HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\n\r\n`,
  );
  return { head, body };
}

async function connect(): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  return socket;
}

const uploads = () => readdirSync(ctx.env.uploadDir);

describe('uploads cut off', () => {
  it('an upload aborted halfway leaves neither record nor file and is answered as a client error', async () => {
    const order = await newOrder();
    const cookie = await sessionCookie();
    const before = uploads();
    const { head, body } = uploadRequest(order.id, cookie, Buffer.concat([mp3(), Buffer.alloc(64 * 1024)]));
    const socket = await connect();
    socket.write(Buffer.concat([head, body.subarray(0, 4096)]));
    await until(() => uploads().length > before.length);
    const res = responses.at(-1)!;
    socket.destroy();

    await until(() => res.statusCode !== 200);
    expect(res.statusCode).toBe(400);
    await until(() => uploads().length === before.length);
    expect(uploads()).toEqual(before);
    expect(await AttachmentModel.countDocuments({ orderId: order.id })).toBe(0);
  });

  /** Holds one database call of the upload's handler until the test releases it. */
  type Hold = { started: Promise<void>; release: () => void; done: () => Promise<unknown>; restore: () => void };
  function hold(install: (gate: <T>(run: () => Promise<T>) => Promise<T>) => { mockRestore: () => void }): Hold {
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let result: Promise<unknown> = Promise.resolve();
    const spy = install((run) => {
      start();
      const p = released.then(run);
      result = p;
      return p;
    });
    return { started, release, done: () => result, restore: () => spy.mockRestore() };
  }

  const holds: Record<string, () => Hold> = {
    'while the order is read': () => {
      const findById = OrderModel.findById.bind(OrderModel);
      return hold((gate) =>
        jest
          .spyOn(OrderModel, 'findById')
          .mockImplementationOnce(((id: string) => ({ lean: () => gate(() => findById(id).lean()) })) as never),
      );
    },
    'while its record is written': () => {
      const create = AttachmentModel.create.bind(AttachmentModel) as (...a: unknown[]) => Promise<unknown>;
      return hold((gate) =>
        jest
          .spyOn(AttachmentModel, 'create')
          .mockImplementationOnce(((...args: unknown[]) => gate(() => create(...args))) as never),
      );
    },
  };

  it.each(Object.keys(holds))(
    'a complete upload whose connection closes %s keeps the record and its file',
    async (when) => {
      const order = await newOrder();
      const cookie = await sessionCookie();
      const held = holds[when]!();
      let res: ServerResponse;
      try {
        const { head, body } = uploadRequest(order.id, cookie, mp3());
        const socket = await connect();
        socket.write(Buffer.concat([head, body]));
        await held.started;
        res = responses.at(-1)!;
        const closed = new Promise((resolve) => res.once('close', resolve));
        socket.destroy();
        await closed;
        held.release();
        await held.done();
      } finally {
        held.restore();
      }
      await until(() => res.statusCode !== 200);
      expect(res.statusCode).toBe(201);
      const record = (await AttachmentModel.findOne({ orderId: order.id }).lean())!;
      expect(record.storedName).toMatch(/^[0-9a-f]{32}\.mp3$/);
      expect(existsSync(path.join(ctx.env.uploadDir, record.storedName))).toBe(true);
    },
  );
});

describe('removeOrphanUploads', () => {
  it('removes an unreferenced upload older than an hour, keeping referenced, recent and foreign files', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    const up = await agent.post(`/api/orders/${order.id}/attachments`).attach('file', mp3(), 'kept.mp3');
    expect(up.status).toBe(201);
    const referenced = (await AttachmentModel.findById(up.body.attachment.id).lean())!.storedName;
    const orphan = 'a'.repeat(32) + '.mp3';
    const halfUploaded = 'b'.repeat(32) + '.upload';
    const recent = 'c'.repeat(32) + '.wav';
    const foreign = 'README.txt';
    for (const name of [orphan, halfUploaded, recent, foreign]) writeFileSync(path.join(ctx.env.uploadDir, name), 'x');
    const now = new Date();
    const twoHoursAgo = new Date(now.getTime() - 2 * 60 * 60 * 1000);
    for (const name of [orphan, halfUploaded, foreign, referenced])
      utimesSync(path.join(ctx.env.uploadDir, name), twoHoursAgo, twoHoursAgo);

    const removed = await removeOrphanUploads(ctx.env.uploadDir, now);

    expect(removed.sort()).toEqual([orphan, halfUploaded]);
    const left = uploads();
    expect(left).toEqual(expect.arrayContaining([referenced, recent, foreign]));
    expect(left).not.toContain(orphan);
    expect(left).not.toContain(halfUploaded);
  });
});
