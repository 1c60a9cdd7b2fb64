import type { OrderStatus } from '@callboard/shared';
import { weighted, type Random } from './demo-random.js';

/** What the demo shop sells and how its orders move: products, prices, sources, statuses, staff. */
export type Product = {
  name: string;
  eur: number;
  kind: 'course' | 'ebook' | 'subscription' | 'physical';
  sku: string;
};
export const products: Product[] = [
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
export const priceRates: Record<string, { rate: number; charm: number }> = {
  EUR: { rate: 1, charm: 0 },
  DKK: { rate: 7.46, charm: 5 },
  GBP: { rate: 0.85, charm: 1 },
  USD: { rate: 1.08, charm: 1 },
  MXN: { rate: 18.5, charm: 10 },
  AUD: { rate: 1.65, charm: 1 },
};
export function priceMinor(product: Product, currency: string): number {
  if (currency === 'EUR') return Math.round(product.eur * 100);
  const { rate, charm } = priceRates[currency]!;
  const major = Math.max(charm, Math.round((product.eur * rate) / charm) * charm);
  return charm === 1 ? major * 100 - 1 : major * 100;
}

export const sources = [
  'Shop website',
  'Shop website',
  'Shop website',
  'Instagram',
  'Facebook Ads',
  'Google Ads',
  'Newsletter',
  'Phone',
] as const;
export const channelBySource: Record<string, string> = {
  'Shop website': 'organic',
  Instagram: 'social',
  'Facebook Ads': 'paid-social',
  'Google Ads': 'cpc',
  Newsletter: 'email',
  Phone: 'direct',
};
export const tagPool = ['vip', 'gift', 'repeat-customer', 'b2b', 'spring-sale', 'black-friday', 'newsletter', 'upsell'];
export const funnelByKind: Record<Product['kind'], string> = {
  course: 'Online courses',
  ebook: 'Online courses',
  subscription: 'Subscriptions',
  physical: 'Shop goods',
};
export const stageByStatus: Record<OrderStatus, string[]> = {
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
export const statusPaths: Record<OrderStatus, OrderStatus[][]> = {
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
export function statusForAge(r: Random, ageDays: number): OrderStatus {
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
export function ageInDays(r: Random): number {
  return Math.min(425, 425 * r() ** 1.8);
}

export const staff = [
  { email: 'ana.admin@callboard.test', name: 'Ana García', role: 'admin' as const },
  { email: 'lars.admin@callboard.test', name: 'Lars Nielsen', role: 'admin' as const },
  { email: 'marta@callboard.test', name: 'Marta López', role: 'manager' as const },
  { email: 'jonas@callboard.test', name: 'Jonas Holm', role: 'manager' as const },
  { email: 'lucia@callboard.test', name: 'Lucía Fernández', role: 'manager' as const },
  { email: 'peter@callboard.test', name: 'Peter Madsen', role: 'manager' as const },
];

export const clientNoteTexts = [
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
