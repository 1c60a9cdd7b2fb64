import { orderStatuses } from '@callboard/shared';
import { clock } from '../lib/clock.js';
import { countUsers, createUser } from '../modules/users/users.service.js';
import { ClientModel } from '../modules/clients/client.model.js';
import { ClientNoteModel } from '../modules/clients/client-note.model.js';
import { CounterModel, OrderModel } from '../modules/orders/order.model.js';
import { OrderEventModel } from '../modules/orders/order-event.model.js';
import { seedDemoTasks, type SeedOrder } from './demo-tasks.js';
import { hour, day, seededRandom, pick, between } from './demo-random.js';
import { statusForAge, ageInDays, staff, clientNoteTexts } from './demo-catalogue.js';
import { type StaffIds, buildClients, type BuiltOrder, buildOrder } from './demo-builders.js';

export const demoPassword = 'callboard-demo';

export type DemoSeedSize = { clients: number; orders: number };

/** The demo's shape at a given number of orders: a client for every five orders, never fewer than 60. */
export const demoSize = (orders: number): DemoSeedSize => ({ clients: Math.max(60, Math.round(orders / 5)), orders });

const batchSize = 100;
type BulkInsertable = {
  insertMany: (docs: Record<string, unknown>[], options: { ordered: boolean }) => Promise<unknown>;
};

/** FerretDB is slow per write: a few large inserts instead of hundreds of small ones. */
async function insertInBatches(model: BulkInsertable, docs: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += batchSize)
    await model.insertMany(docs.slice(i, i + batchSize), { ordered: true });
}

/**
 * On an empty database (no users), fills in believable demo data and returns the sign-in details
 * to print. Deterministic: the same data on every run, relative to now.
 */
export async function seedDemoData(size: DemoSeedSize = demoSize(300)): Promise<string | null> {
  if ((await countUsers()) > 0) return null;
  const r = seededRandom(20260214);
  const now = clock.now();
  const ids: StaffIds = { admins: [], managers: [] };
  // Hashed side by side: each slow password hash costs ~0.4 s, and the hashing queue runs two at once.
  const users = await Promise.all(staff.map((s) => createUser({ ...s, password: demoPassword })));
  users.forEach((user, i) =>
    (staff[i]!.role === 'admin' ? ids.admins : ids.managers).push({ id: user.id, name: user.name }),
  );

  const clients = buildClients(r, size.clients, ids, now);
  // Some customers come back: a few clients get many orders, most one or two.
  const clientWeights = clients.map(() => 0.3 + r() ** 3 * 4);
  const totalWeight = clientWeights.reduce((s, w) => s + w, 0);
  const pickClient = () => {
    let x = r() * totalWeight;
    return clients[clientWeights.findIndex((w) => (x -= w) < 0)] ?? clients[0]!;
  };

  const built: BuiltOrder[] = [];
  for (let i = 0; i < size.orders; i++) {
    // The first orders cover every status, so the demo always shows each one.
    const forced = i < orderStatuses.length ? orderStatuses[i]! : null;
    const age = forced === 'pending' || forced === 'reserved' ? r() * 5 : ageInDays(r);
    const createdAt = new Date(Math.floor((now.getTime() - age * day - between(r, 1, 59) * 60_000) / 60_000) * 60_000);
    built.push(buildOrder(r, pickClient(), forced ?? statusForAge(r, age), createdAt, now, ids));
  }
  built.sort((a, b) => a.order.createdAt.getTime() - b.order.createdAt.getTime());
  built.forEach((b, i) => (b.order.number = 10001 + i));
  const firstOrderAt = new Map<string, Date>();
  for (const b of built) {
    const client = String(b.order.clientId);
    if (!firstOrderAt.has(client)) firstOrderAt.set(client, b.order.createdAt);
  }
  for (const c of clients) {
    const first = firstOrderAt.get(String(c._id));
    if (first) c.createdAt = c.updatedAt = first;
  }

  const notes = clients
    .filter(() => r() < 0.22)
    .map((c) => {
      const author = pick(r, [...ids.managers, ...ids.admins]);
      return {
        clientId: c._id,
        text: pick(r, clientNoteTexts),
        at: new Date((c.createdAt as Date).getTime() + between(r, 1, 48) * hour),
        by: { type: 'user', id: author.id, name: author.name },
      };
    });

  await insertInBatches(
    ClientModel,
    clients.map(({ country: _country, ...c }) => c),
  );
  await insertInBatches(
    OrderModel,
    built.map((b) => b.order),
  );
  await insertInBatches(
    OrderEventModel,
    built.flatMap((b) => b.events.map((e) => ({ ...e, orderId: b.order._id }))),
  );
  await insertInBatches(ClientNoteModel, notes);
  await CounterModel.updateOne({ _id: 'order' }, { $max: { seq: built.length } }, { upsert: true });
  const history = await seedDemoTasks({
    managers: ids.managers.map((m) => m.id),
    admins: ids.admins.map((a) => a.id),
    clients: clients.map((c) => String(c._id)),
    orders: built.map((b) => b.order as unknown as SeedOrder),
    now,
    random: r,
  });

  return [
    'Demo data created. Sign in with any of these (password: ' + demoPassword + '):',
    ...staff.map((s) => `  ${s.role.padEnd(8)} ${s.email}`),
    `  (${clients.length} clients and ${built.length} orders over the last 14 months, ${history.calls} calls, ${history.tasks} tasks)`,
  ].join('\n');
}
