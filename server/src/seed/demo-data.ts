import mongoose from 'mongoose';
import {
  canTransition,
  derivePaymentStatus,
  orderStatuses,
  type Actor,
  type OrderStatus,
  type PaymentMethod,
} from '@callboard/shared';
import { clock } from '../lib/clock.js';
import { countUsers, createUser } from '../modules/users/users.service.js';
import { normalisePhone, timeZoneForCountry } from '../modules/clients/client.service.js';
import { ClientModel } from '../modules/clients/client.model.js';
import { ClientNoteModel } from '../modules/clients/client-note.model.js';
import { CounterModel, OrderModel } from '../modules/orders/order.model.js';
import { OrderEventModel } from '../modules/orders/order-event.model.js';
import { seedDemoTasks } from './demo-tasks.js';

export const demoPassword = 'callboard-demo';

/** What the demo seed created, for modules that add their own demo records (calls, tasks) on top. */
export type DemoSeedContext = {
  managers: string[];
  admins: string[];
  clients: string[];
  orders: string[];
  now: Date;
  /** The seed's deterministic random source, so extensions stay reproducible too. */
  random: () => number;
};

export type DemoSeedSize = { clients: number; orders: number };

const hour = 60 * 60 * 1000;
const day = 24 * hour;

/** mulberry32: small, fast and the same sequence on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const between = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
function weighted<T extends string>(r: Random, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = r() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return entries[entries.length - 1]![0];
}
const digits = (r: Random, n: number) => Array.from({ length: n }, () => between(r, 0, 9)).join('');

const danishMobilePrefixes = ['20', '22', '26', '28', '30', '31', '40', '42', '50', '51', '60', '61'];

type City = {
  city: string;
  postalCode: string;
  region?: string;
  street: string;
  zone: string;
  phone: (r: Random) => string;
};
type Country = {
  code: string;
  currency: string;
  share: number;
  first: string[];
  last: string[];
  mailDomains: string[];
  cities: City[];
  couriers: string[];
};

const countries: Country[] = [
  {
    code: 'ES',
    currency: 'EUR',
    share: 13,
    first: [
      'Lucía',
      'Carmen',
      'Javier',
      'Álvaro',
      'Nuria',
      'Pablo',
      'Elena',
      'Sergio',
      'Begoña',
      'Diego',
      'Rocío',
      'Iñaki',
    ],
    last: [
      'García',
      'Martínez',
      'Rodríguez',
      'Sánchez',
      'Pérez',
      'Gómez',
      'Ruiz',
      'Navarro',
      'Iglesias',
      'Torres',
      'Etxeberria',
      'Domínguez',
    ],
    mailDomains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'],
    cities: [
      {
        city: 'Madrid',
        postalCode: '28014',
        region: 'Madrid',
        street: 'Calle de Alcalá',
        zone: 'Europe/Madrid',
        phone: (r) => `+34 6${digits(r, 8)}`,
      },
      {
        city: 'Barcelona',
        postalCode: '08013',
        region: 'Cataluña',
        street: 'Carrer de Mallorca',
        zone: 'Europe/Madrid',
        phone: (r) => `+34 6${digits(r, 8)}`,
      },
      {
        city: 'Sevilla',
        postalCode: '41004',
        region: 'Andalucía',
        street: 'Calle Sierpes',
        zone: 'Europe/Madrid',
        phone: (r) => `+34 7${between(r, 1, 4)}${digits(r, 7)}`,
      },
      {
        city: 'Bilbao',
        postalCode: '48001',
        region: 'País Vasco',
        street: 'Gran Vía de Don Diego López de Haro',
        zone: 'Europe/Madrid',
        phone: (r) => `+34 6${digits(r, 8)}`,
      },
      {
        city: 'Las Palmas de Gran Canaria',
        postalCode: '35002',
        region: 'Canarias',
        street: 'Calle Triana',
        zone: 'Atlantic/Canary',
        phone: (r) => `+34 928 ${digits(r, 6)}`,
      },
    ],
    couriers: ['SEUR', 'Correos Express', 'MRW'],
  },
  {
    code: 'DK',
    currency: 'DKK',
    share: 11,
    first: ['Mette', 'Søren', 'Freja', 'Mads', 'Ida', 'Rasmus', 'Sofie', 'Frederik', 'Karen', 'Anders'],
    last: [
      'Jensen',
      'Nielsen',
      'Hansen',
      'Pedersen',
      'Andersen',
      'Christensen',
      'Larsen',
      'Sørensen',
      'Rasmussen',
      'Kristensen',
    ],
    mailDomains: ['gmail.com', 'hotmail.dk', 'mail.dk', 'outlook.dk'],
    cities: [
      ['København Ø', '2100', 'Østerbrogade'],
      ['Aarhus C', '8000', 'Vestergade'],
      ['Odense C', '5000', 'Kongensgade'],
      ['Aalborg', '9000', 'Bispensgade'],
    ].map(([city, postalCode, street]) => ({
      city: city!,
      postalCode: postalCode!,
      street: street!,
      zone: 'Europe/Copenhagen',
      phone: (r: Random) => `+45 ${pick(r, danishMobilePrefixes)}${digits(r, 6)}`,
    })),
    couriers: ['PostNord', 'GLS', 'DAO'],
  },
  {
    code: 'GB',
    currency: 'GBP',
    share: 10,
    first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Emily', 'Jack', 'Sophie', 'Charlotte', 'Thomas'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans', 'Thompson', 'Walker'],
    mailDomains: ['gmail.com', 'btinternet.com', 'outlook.com', 'sky.com'],
    cities: [
      {
        city: 'London',
        postalCode: 'N1 9GU',
        street: 'Upper Street',
        zone: 'Europe/London',
        phone: (r) => `+44 74${digits(r, 8)}`,
      },
      {
        city: 'Manchester',
        postalCode: 'M1 1AD',
        street: 'Oldham Street',
        zone: 'Europe/London',
        phone: (r) => `+44 77${digits(r, 8)}`,
      },
      {
        city: 'Bristol',
        postalCode: 'BS1 4DJ',
        street: 'Park Street',
        zone: 'Europe/London',
        phone: (r) => `+44 79${digits(r, 8)}`,
      },
    ],
    couriers: ['Royal Mail', 'DPD', 'Evri'],
  },
  {
    code: 'DE',
    currency: 'EUR',
    share: 10,
    first: ['Hannah', 'Lukas', 'Lena', 'Jonas', 'Mia', 'Felix', 'Anna', 'Paul', 'Katharina', 'Maximilian'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer'],
    mailDomains: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'],
    cities: [
      {
        city: 'Berlin',
        postalCode: '10115',
        street: 'Invalidenstraße',
        zone: 'Europe/Berlin',
        phone: (r) => `+49 15${pick(r, ['1', '2', '7'])}${digits(r, 8)}`,
      },
      {
        city: 'München',
        postalCode: '80331',
        street: 'Sendlinger Straße',
        zone: 'Europe/Berlin',
        phone: (r) => `+49 17${pick(r, ['0', '1', '6'])}${digits(r, 7)}`,
      },
      {
        city: 'Hamburg',
        postalCode: '20095',
        street: 'Mönckebergstraße',
        zone: 'Europe/Berlin',
        phone: (r) => `+49 160${digits(r, 7)}`,
      },
    ],
    couriers: ['DHL', 'Hermes', 'DPD'],
  },
  {
    code: 'MX',
    currency: 'MXN',
    share: 8,
    first: ['María José', 'Juan Carlos', 'Guadalupe', 'Luis', 'Fernanda', 'Alejandro', 'Ximena', 'Rodrigo'],
    last: ['Hernández', 'López', 'González', 'Ramírez', 'Flores', 'Cruz', 'Morales', 'Reyes'],
    mailDomains: ['gmail.com', 'hotmail.com', 'outlook.com', 'prodigy.net.mx'],
    cities: [
      {
        city: 'Ciudad de México',
        postalCode: '06700',
        region: 'CDMX',
        street: 'Avenida Álvaro Obregón',
        zone: 'America/Mexico_City',
        phone: (r) => `+52 55 ${digits(r, 8)}`,
      },
      {
        city: 'Guadalajara',
        postalCode: '44100',
        region: 'Jalisco',
        street: 'Avenida Chapultepec',
        zone: 'America/Mexico_City',
        phone: (r) => `+52 33 ${digits(r, 8)}`,
      },
      {
        city: 'Monterrey',
        postalCode: '64000',
        region: 'Nuevo León',
        street: 'Calle Morelos',
        zone: 'America/Monterrey',
        phone: (r) => `+52 81 ${digits(r, 8)}`,
      },
      {
        city: 'Tijuana',
        postalCode: '22000',
        region: 'Baja California',
        street: 'Avenida Revolución',
        zone: 'America/Tijuana',
        phone: (r) => `+52 664 ${digits(r, 7)}`,
      },
    ],
    couriers: ['Estafeta', 'DHL', 'Correos de México'],
  },
  {
    code: 'US',
    currency: 'USD',
    share: 8,
    first: ['Emily', 'Michael', 'Jessica', 'Christopher', 'Ashley', 'Matthew', 'Sarah', 'Daniel'],
    last: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Martinez', 'Anderson', 'Thomas', 'Moore'],
    mailDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'],
    // 555-01xx numbers are reserved for fiction: no real person gets a demo call.
    cities: [
      {
        city: 'New York',
        postalCode: '10001',
        region: 'NY',
        street: 'West 34th Street',
        zone: 'America/New_York',
        phone: (r) => `+1 212 555 01${digits(r, 2)}`,
      },
      {
        city: 'Chicago',
        postalCode: '60601',
        region: 'IL',
        street: 'North Michigan Avenue',
        zone: 'America/Chicago',
        phone: (r) => `+1 312 555 01${digits(r, 2)}`,
      },
      {
        city: 'Denver',
        postalCode: '80202',
        region: 'CO',
        street: 'Larimer Street',
        zone: 'America/Denver',
        phone: (r) => `+1 720 555 01${digits(r, 2)}`,
      },
      {
        city: 'San Francisco',
        postalCode: '94103',
        region: 'CA',
        street: 'Valencia Street',
        zone: 'America/Los_Angeles',
        phone: (r) => `+1 415 555 01${digits(r, 2)}`,
      },
    ],
    couriers: ['UPS', 'USPS', 'FedEx'],
  },
];

type Product = { name: string; eur: number; kind: 'course' | 'ebook' | 'subscription' | 'physical'; sku: string };
const products: Product[] = [
  { name: 'Online course: Spanish for beginners', eur: 89, kind: 'course', sku: 'CRS-ES1' },
  { name: 'Masterclass: Sourdough baking', eur: 49, kind: 'course', sku: 'CRS-BREAD' },
  { name: 'Video course: Excel for managers', eur: 129, kind: 'course', sku: 'CRS-XLS' },
  { name: 'Yoga at home – 8-week programme', eur: 59, kind: 'course', sku: 'CRS-YOGA' },
  { name: 'E-book: Mediterranean cooking', eur: 14.99, kind: 'ebook', sku: 'EB-MED' },
  { name: 'E-book: Hygge at home', eur: 12.99, kind: 'ebook', sku: 'EB-HYG' },
  { name: 'E-book: Personal finance basics', eur: 9.99, kind: 'ebook', sku: 'EB-FIN' },
  { name: 'Premium membership – monthly', eur: 19.99, kind: 'subscription', sku: 'SUB-M' },
  { name: 'Premium membership – annual', eur: 199, kind: 'subscription', sku: 'SUB-Y' },
  { name: 'Coffee club – 3 months', eur: 54, kind: 'subscription', sku: 'SUB-COF' },
  { name: 'Olive oil gift box (3 × 500 ml)', eur: 39.5, kind: 'physical', sku: 'PHY-OIL' },
  { name: 'Ceramic coffee set', eur: 64, kind: 'physical', sku: 'PHY-CER' },
  { name: 'Yoga mat', eur: 34.9, kind: 'physical', sku: 'PHY-MAT' },
  { name: 'Linen apron', eur: 24, kind: 'physical', sku: 'PHY-APR' },
  { name: 'Cast-iron pan 28 cm', eur: 79, kind: 'physical', sku: 'PHY-PAN' },
];

/** Shop prices per currency: converted, then rounded to a price a shop would show. */
const priceRates: Record<string, { rate: number; charm: number }> = {
  EUR: { rate: 1, charm: 0 },
  DKK: { rate: 7.46, charm: 5 },
  GBP: { rate: 0.85, charm: 1 },
  USD: { rate: 1.08, charm: 1 },
  MXN: { rate: 18.5, charm: 10 },
};
function priceMinor(product: Product, currency: string): number {
  if (currency === 'EUR') return Math.round(product.eur * 100);
  const { rate, charm } = priceRates[currency]!;
  const major = Math.max(charm, Math.round((product.eur * rate) / charm) * charm);
  return charm === 1 ? major * 100 - 1 : major * 100;
}

const sources = [
  'Shop website',
  'Shop website',
  'Shop website',
  'Instagram',
  'Facebook Ads',
  'Google Ads',
  'Newsletter',
  'Phone',
] as const;
const channelBySource: Record<string, string> = {
  'Shop website': 'organic',
  Instagram: 'social',
  'Facebook Ads': 'paid-social',
  'Google Ads': 'cpc',
  Newsletter: 'email',
  Phone: 'direct',
};
const tagPool = ['vip', 'gift', 'repeat-customer', 'b2b', 'spring-sale', 'black-friday', 'newsletter', 'upsell'];
const funnelByKind: Record<Product['kind'], string> = {
  course: 'Online courses',
  ebook: 'Online courses',
  subscription: 'Subscriptions',
  physical: 'Shop goods',
};
const stageByStatus: Record<OrderStatus, string[]> = {
  pending: ['new', 'contacted'],
  reserved: ['offer-sent', 'negotiation'],
  paid: ['won'],
  processing: ['won'],
  shipped: ['won'],
  completed: ['won'],
  on_hold: ['negotiation'],
  cancelled: ['lost'],
  failed: ['lost'],
  refunded: ['lost'],
};

/** The route each final status took from pending; every step is an allowed transition. */
const statusPaths: Record<OrderStatus, OrderStatus[][]> = {
  pending: [[]],
  reserved: [['reserved']],
  paid: [['paid'], ['reserved', 'paid']],
  processing: [['reserved', 'paid', 'processing']],
  shipped: [
    ['paid', 'processing', 'shipped'],
    ['reserved', 'paid', 'shipped'],
  ],
  completed: [
    ['paid', 'shipped', 'completed'],
    ['reserved', 'paid', 'completed'],
  ],
  on_hold: [['on_hold'], ['reserved', 'on_hold']],
  cancelled: [['cancelled'], ['reserved', 'cancelled']],
  failed: [['failed']],
  refunded: [
    ['paid', 'completed', 'refunded'],
    ['paid', 'shipped', 'refunded'],
  ],
};

/** How likely each status is for an order of a given age: recent orders are still being worked. */
function statusForAge(r: Random, ageDays: number): OrderStatus {
  if (ageDays < 7)
    return weighted<OrderStatus>(r, { pending: 50, reserved: 25, paid: 12, on_hold: 4, cancelled: 6, failed: 3 });
  if (ageDays < 45) {
    return weighted<OrderStatus>(r, {
      pending: 8,
      reserved: 10,
      paid: 14,
      processing: 14,
      shipped: 14,
      completed: 14,
      on_hold: 6,
      cancelled: 14,
      failed: 4,
      refunded: 2,
    });
  }
  return weighted<OrderStatus>(r, {
    pending: 2,
    reserved: 2,
    paid: 4,
    processing: 2,
    shipped: 6,
    completed: 48,
    on_hold: 3,
    cancelled: 20,
    failed: 6,
    refunded: 7,
  });
}

/** Orders crowd towards the present, as a growing shop's do; 14 months back at most. */
function ageInDays(r: Random): number {
  return Math.min(425, 425 * r() ** 1.8);
}

const staff = [
  { email: 'ana.admin@callboard.test', name: 'Ana García', role: 'admin' as const },
  { email: 'lars.admin@callboard.test', name: 'Lars Nielsen', role: 'admin' as const },
  { email: 'marta@callboard.test', name: 'Marta López', role: 'manager' as const },
  { email: 'jonas@callboard.test', name: 'Jonas Holm', role: 'manager' as const },
  { email: 'lucia@callboard.test', name: 'Lucía Fernández', role: 'manager' as const },
  { email: 'peter@callboard.test', name: 'Peter Madsen', role: 'manager' as const },
];

const clientNoteTexts = [
  'Prefers to be called after 17:00.',
  'Speaks English only, not Spanish.',
  'Long-standing customer: offer the loyalty discount.',
  'Asked not to receive marketing e-mails.',
  'Pays by bank transfer, usually within two days.',
  'Hard of hearing: speak slowly and clearly.',
  'Company purchase: invoice to the company name.',
  'Complained about late delivery in the past — be extra careful.',
  'Interested in the annual membership next year.',
  'Works night shifts; mornings are bad.',
];

const batchSize = 100;
type BulkInsertable = {
  insertMany: (docs: Record<string, unknown>[], options: { ordered: boolean }) => Promise<unknown>;
};

/** FerretDB is slow per write: a few large inserts instead of hundreds of small ones. */
async function insertInBatches(model: BulkInsertable, docs: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += batchSize)
    await model.insertMany(docs.slice(i, i + batchSize), { ordered: true });
}

type StaffIds = { admins: { id: string; name: string }[]; managers: { id: string; name: string }[] };

function buildClients(r: Random, count: number, ids: StaffIds, now: Date) {
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
      while (usedPhones.has(phone.number)) phone = normalisePhone(city.phone(r));
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

type BuiltOrder = {
  order: Record<string, unknown> & { _id: mongoose.Types.ObjectId; createdAt: Date };
  events: Record<string, unknown>[];
};

function buildOrder(
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

/**
 * On an empty database (no users), fills in believable demo data and returns the sign-in details
 * to print. Deterministic: the same data on every run, relative to now.
 */
export async function seedDemoData(size: DemoSeedSize = { clients: 60, orders: 300 }): Promise<string | null> {
  if ((await countUsers()) > 0) return null;
  const r = seededRandom(20260214);
  const now = clock.now();
  const ids: StaffIds = { admins: [], managers: [] };
  for (const s of staff) {
    const user = await createUser({ ...s, password: demoPassword });
    (s.role === 'admin' ? ids.admins : ids.managers).push({ id: user.id, name: user.name });
  }

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
  for (const c of clients) {
    const first = built.find((b) => String(b.order.clientId) === String(c._id));
    if (first) c.createdAt = c.updatedAt = first.order.createdAt;
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
    orders: built.map((b) => String(b.order._id)),
    now,
    random: r,
  });

  return [
    'Demo data created. Sign in with any of these (password: ' + demoPassword + '):',
    ...staff.map((s) => `  ${s.role.padEnd(8)} ${s.email}`),
    `  (${clients.length} clients and ${built.length} orders over the last 14 months, ${history.calls} calls, ${history.tasks} tasks)`,
  ].join('\n');
}
