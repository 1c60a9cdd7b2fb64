import mongoose from 'mongoose';
import {
  canTransition,
  derivePaymentStatus,
  type Actor,
  type OrderStatus,
  type PaymentMethod,
} from '@callboard/shared';
import { hour, day, type Random, pick, between, weighted, digits } from './demo-random.js';
import { type Country, countries } from './demo-places.js';
import {
  type Product,
  products,
  priceMinor,
  sources,
  channelBySource,
  tagPool,
  funnelByKind,
  stageByStatus,
  statusPaths,
} from './demo-catalogue.js';
import { normalisePhone, timeZoneForCountry } from '../modules/clients/index.js';

/** Turns random draws into whole documents: clients with contacts, orders with items, payments and history. */
export type StaffIds = { admins: { id: string; name: string }[]; managers: { id: string; name: string }[] };

export function buildClients(r: Random, count: number, ids: StaffIds, now: Date) {
  const shares = countries.reduce((s, c) => s + c.share, 0);
  const clients: (Record<string, unknown> & {
    _id: mongoose.Types.ObjectId;
    country: Country;
    managerId: string | null;
  })[] = [];
  const usedPhones = new Set<string>();
  for (let i = 0; i < count; i++) {
    let x = r() * shares;
    const country = countries.find((c) => (x -= c.share) < 0) ?? countries[0]!;
    const first = pick(r, country.first);
    const last = pick(r, country.last);
    const second = country.code === 'ES' || country.code === 'MX' ? ` ${pick(r, country.last)}` : '';
    const city = pick(r, country.cities);
    const phones = [];
    for (let p = 0; p < (r() < 0.15 ? 2 : 1); p++) {
      let phone = normalisePhone(city.phone(r));
      for (let tries = 1; usedPhones.has(phone.number); tries++)
        phone = normalisePhone(((tries > 20 && country.overflowPhone) || city.phone)(r));
      usedPhones.add(phone.number);
      const invalid = p === 0 && r() < 0.04;
      phones.push({ ...phone, invalid, invalidAt: invalid ? new Date(now.getTime() - between(r, 2, 60) * day) : null });
    }
    const handle = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ø/g, 'o')
      .replace(/ß/g, 'ss')
      .replace(/[^a-z.]/g, '');
    const emails = r() < 0.9 ? [`${handle}${i}@${pick(r, country.mailDomains)}`] : [];
    const managerId = r() < 0.6 ? pick(r, ids.managers).id : null;
    const createdAt = new Date(now.getTime() - 430 * day);
    clients.push({
      _id: new mongoose.Types.ObjectId(),
      country,
      name: `${first} ${last}${second}`,
      emails,
      phones,
      address: {
        line1: `${city.street} ${between(r, 1, 140)}`,
        city: city.city,
        postalCode: city.postalCode,
        ...(city.region ? { region: city.region } : {}),
        country: country.code,
      },
      // Staff have set the zone where the phone's country does not tell it (Spain, Mexico, the US).
      timezone: timeZoneForCountry(phones[0]?.country ?? null) ?? city.zone,
      managerId,
      tags: r() < 0.2 ? [pick(r, ['vip', 'b2b', 'wholesale', 'press'])] : [],
      autoPayments: r() < 0.1,
      createdAt,
      updatedAt: createdAt,
    });
  }
  return clients;
}

export type BuiltOrder = {
  order: Record<string, unknown> & { _id: mongoose.Types.ObjectId; createdAt: Date };
  events: Record<string, unknown>[];
};

export function buildOrder(
  r: Random,
  client: ReturnType<typeof buildClients>[number],
  status: OrderStatus,
  createdAt: Date,
  now: Date,
  ids: StaffIds,
): BuiltOrder {
  const currency = client.country.currency;
  const lines = weighted(r, { '1': 70, '2': 22, '3': 8 });
  const chosen = new Set<Product>();
  while (chosen.size < Number(lines)) chosen.add(pick(r, products));
  const items = [...chosen].map((p) => ({
    name: p.name,
    sku: p.sku,
    quantity: p.kind === 'physical' ? weighted(r, { '1': 70, '2': 22, '3': 8 }) : 1,
    unitPriceMinor: priceMinor(p, currency),
  }));
  const subtotal = items.reduce((s, i) => s + Number(i.quantity) * i.unitPriceMinor, 0);
  const discountMinor = r() < 0.12 ? Math.round((subtotal * between(r, 5, 15)) / 100 / 100) * 100 : 0;
  const totalMinor = subtotal - discountMinor;
  const physical = [...chosen].some((p) => p.kind === 'physical');
  const main = [...chosen][0]!;
  const source = pick(r, sources);
  const manager = client.managerId
    ? ids.managers.find((m) => m.id === client.managerId)!
    : r() < 0.75 || status !== 'pending'
      ? pick(r, ids.managers)
      : null;
  const createdBy: Actor =
    source === 'Phone' && manager
      ? { type: 'user', id: manager.id, name: manager.name }
      : { type: 'intake', id: null, name: source };
  const paymentMethod = weighted<PaymentMethod>(r, { card: 60, transfer: 30, cash: 10 });
  const admin = pick(r, ids.admins);
  const adminActor: Actor = { type: 'user', id: admin.id, name: admin.name };
  const age = now.getTime() - createdAt.getTime();

  // The status history, spread over the order's life so far.
  const path = pick(r, statusPaths[status]);
  const events: Record<string, unknown>[] = [];
  let from: OrderStatus = 'pending';
  let at = createdAt.getTime();
  const stepTimes: Partial<Record<OrderStatus, Date>> = {};
  for (const to of path) {
    if (!canTransition(from, to)) throw new Error(`Demo status path ${from} → ${to} is not allowed`);
    at = Math.min(now.getTime() - 60_000, at + Math.max(60_000, (age / (path.length + 1)) * (0.5 + r())));
    stepTimes[to] = new Date(at);
    events.push({
      type: 'status',
      at: new Date(at),
      by: adminActor,
      text: null,
      data: { from, to, notifyClient: r() < 0.7, notifyAdmin: false },
    });
    from = to;
  }

  const payments: Record<string, unknown>[] = [];
  const paidAt =
    stepTimes.paid ?? stepTimes.processing ?? new Date(Math.min(now.getTime() - 60_000, createdAt.getTime() + day));
  const payer: Actor = manager ? { type: 'user', id: manager.id, name: manager.name } : adminActor;
  const payment = (kind: 'payment' | 'advance' | 'refund', amountMinor: number, when: Date) =>
    payments.push({
      at: when,
      kind,
      method: paymentMethod,
      system: paymentMethod === 'card' ? pick(r, ['Stripe', 'Redsys', 'PayPal']) : null,
      transactionId: paymentMethod === 'cash' ? null : `${paymentMethod === 'card' ? 'ch' : 'tr'}_${digits(r, 10)}`,
      attempts: paymentMethod === 'card' && r() < 0.15 ? 2 : 1,
      amountMinor,
      comment: null,
      by: payer,
    });
  const fullyPaid: OrderStatus[] = ['paid', 'processing', 'shipped', 'completed', 'refunded'];
  if (fullyPaid.includes(status)) {
    if (r() < 0.2 && totalMinor >= 2000) {
      const advance = Math.round(totalMinor / 300) * 100;
      payment('advance', advance, new Date(paidAt.getTime() - hour));
      payment('payment', totalMinor - advance, paidAt);
    } else {
      payment('payment', totalMinor, paidAt);
    }
    if (status === 'refunded') payment('refund', totalMinor, stepTimes.refunded ?? paidAt);
  } else if ((status === 'reserved' || status === 'on_hold') && r() < 0.25 && totalMinor >= 2000) {
    payment(
      'advance',
      Math.round(totalMinor / 300) * 100,
      new Date(Math.min(now.getTime() - 60_000, createdAt.getTime() + 3 * hour)),
    );
  }
  const paidMinor = payments.reduce((s, p) => s + (p.kind === 'refund' ? -1 : 1) * Number(p.amountMinor), 0);
  const advancesMinor = payments.filter((p) => p.kind === 'advance').reduce((s, p) => s + Number(p.amountMinor), 0);

  // Open orders are in the call queue (some overdue, some later today or in the next days); the rest are done with.
  const open = status === 'pending' || status === 'reserved';
  const attempts = open ? weighted(r, { '0': 45, '1': 30, '2': 15, '3': 10 }) : String(between(r, 1, 3));
  const nAttempts = Number(attempts);
  const lastCallAt =
    nAttempts > 0
      ? new Date(Math.min(now.getTime() - 5 * 60_000, createdAt.getTime() + between(r, 10, 600) * 60_000))
      : null;
  let call: Record<string, unknown>;
  if (open) {
    const due = nAttempts === 0 || r() < 0.45;
    const lastOutcome = nAttempts === 0 ? null : due ? 'not_reached' : weighted(r, { callback: 60, not_reached: 40 });
    call = {
      state: due ? 'due' : 'scheduled',
      nextCallAt: due
        ? new Date(now.getTime() - between(r, 1, nAttempts === 0 ? 90 : 2000) * 60_000)
        : new Date(now.getTime() + between(r, 20, 3 * 24 * 60) * 60_000),
      notReachedStreak: lastOutcome === 'not_reached' ? Math.min(nAttempts, between(r, 1, 2)) : 0,
      attempts: nAttempts,
      lastOutcome,
      lastCallAt,
    };
  } else {
    const lastOutcome =
      status === 'cancelled'
        ? pick(r, ['cancelled', 'invalid_contact', 'completed'])
        : status === 'failed'
          ? 'not_reached'
          : pick(r, ['completed', 'completed', 'already_paid']);
    call = { state: 'closed', nextCallAt: null, notReachedStreak: 0, attempts: nAttempts, lastOutcome, lastCallAt };
  }
  // A client with no callable phone is never in the queue: the last call found the number invalid
  // (or nobody has called yet), and the order waits for a contact. Decided after the draws above, so
  // the rest of the demo stays as it was.
  if (open && !(client.phones as { invalid: boolean }[]).some((p) => !p.invalid)) {
    call = {
      state: 'closed',
      nextCallAt: null,
      notReachedStreak: 0,
      attempts: nAttempts,
      lastOutcome: nAttempts > 0 ? 'invalid_contact' : null,
      lastCallAt,
      awaitingContact: true,
    };
  }

  const lastEvent = Math.max(
    createdAt.getTime(),
    ...events.map((e) => (e.at as Date).getTime()),
    ...payments.map((p) => (p.at as Date).getTime()),
  );
  const courier = pick(r, client.country.couriers);
  const shipped = status === 'shipped' || status === 'completed' || (status === 'refunded' && physical);
  const autoCancel = status === 'reserved' ? new Date(createdAt.getTime() + 10 * day) : null;
  const order = {
    _id: new mongoose.Types.ObjectId(),
    status,
    paymentStatus: derivePaymentStatus(totalMinor, paidMinor, status === 'refunded'),
    clientId: client._id,
    managerId: manager?.id ?? null,
    items,
    currency,
    discountMinor,
    totalMinor,
    paidMinor,
    advancesMinor,
    incomeMinor: status === 'completed' ? totalMinor : 0,
    expensesMinor: status === 'completed' && physical ? Math.round(totalMinor * 0.35) : 0,
    payments,
    paymentMethod,
    tags: r() < 0.35 ? [...new Set([pick(r, tagPool), ...(r() < 0.3 ? [pick(r, tagPool)] : [])])] : [],
    funnel: funnelByKind[main.kind],
    stage: pick(r, stageByStatus[status]),
    delivery: physical
      ? { method: courier, trackingNumber: shipped ? `${courier.slice(0, 2).toUpperCase()}${digits(r, 10)}` : null }
      : { method: 'by e-mail', trackingNumber: null },
    autoCancelAt: autoCancel && autoCancel > now ? autoCancel : null,
    ip: createdBy.type === 'intake' ? `${pick(r, ['203.0.113', '198.51.100', '192.0.2'])}.${between(r, 2, 254)}` : null,
    source,
    channel: channelBySource[source],
    paymentCheck: call.lastOutcome === 'already_paid' && paidMinor === 0,
    completedAt: status === 'completed' ? (stepTimes.completed ?? null) : null,
    call,
    createdBy,
    createdAt,
    updatedAt: new Date(lastEvent),
  };
  return { order, events };
}
