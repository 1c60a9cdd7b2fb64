import {
  callbackSlots,
  callingZone,
  fromMinor,
  paymentInstructionLines,
  paymentWays,
  fillPaymentLink,
  type Locale,
  type OrderStatus,
  type PaymentWays,
  type Settings,
} from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { getSettings } from '../settings/index.js';
import { getClientDoc, type ClientDoc } from '../clients/index.js';
import { getOrderDoc, listOrderNotes, type OrderDoc } from '../orders/index.js';

/** What an integration reads at GET /api/public/orders/:token: the customer's own view, nothing of the staff's. */
export type PublicOrderView = {
  order: {
    number: number;
    createdAt: string;
    status: OrderStatus;
    items: { name: string; quantity: number; unitPrice: number; lineTotal: number }[];
    total: number;
    paid: number;
    leftToPay: number;
    currency: string;
    paymentInstructions: (PaymentWays & { text: string }) | null;
    tracking?: string;
  };
  notes: { text: string; at: string }[];
};

/** The order's progress as the customer's page draws it. */
export const progressSteps = ['placed', 'reserved', 'paid', 'shipped', 'completed'] as const;
export type ProgressStep = (typeof progressSteps)[number];
export type Progress = { step: ProgressStep; onHold: boolean } | { ended: 'cancelled' | 'refunded' };

const stepOf: Record<OrderStatus, ProgressStep | 'cancelled' | 'refunded'> = {
  pending: 'placed',
  reserved: 'reserved',
  paid: 'paid',
  processing: 'paid',
  on_hold: 'reserved',
  shipped: 'shipped',
  completed: 'completed',
  cancelled: 'cancelled',
  failed: 'cancelled',
  refunded: 'refunded',
};

export function progressOf(status: OrderStatus): Progress {
  const step = stepOf[status];
  if (step === 'cancelled' || step === 'refunded') return { ended: step };
  return { step, onHold: status === 'on_hold' };
}

/** Countries whose customers read Spanish; the page speaks English to the rest. */
const spanishCountries = new Set('ES MX AR CO CL PE VE EC GT CU BO DO HN PY SV NI CR PA UY PR GQ'.split(' '));

/**
 * The language of the customer's page: the one asked for (the page's language switch), else the
 * client's country's, else the browser's, else the shop's default.
 */
export function customerLocale(
  client: Pick<ClientDoc, 'address'>,
  settings: Pick<Settings, 'defaultLocale'>,
  acceptLanguage: string | undefined,
  asked?: Locale,
): Locale {
  if (asked) return asked;
  const country = client.address?.country;
  if (country) return spanishCountries.has(country.toUpperCase()) ? 'es' : 'en';
  const browser = /^\s*(en|es)\b/i.exec(acceptLanguage ?? '')?.[1]?.toLowerCase();
  return (browser as Locale | undefined) ?? settings.defaultLocale;
}

/** Everything the customer's page and JSON show, read for one order. */
export type CustomerView = {
  orderId: string;
  locale: Locale;
  zone: string;
  companyName: string;
  customerContact: string;
  progress: Progress;
  /** The customer said they paid and an administrator has not cleared it yet. */
  paymentReported: boolean;
  slots: Date[];
  public: PublicOrderView;
};

function leftToPayMinor(order: OrderDoc): number {
  return Math.max(0, order.totalMinor - (order.paidMinor ?? 0));
}

function paymentInstructions(order: OrderDoc, settings: Settings, locale: Locale) {
  const progress = progressOf(order.status as OrderStatus);
  if (leftToPayMinor(order) === 0 || 'ended' in progress) return null;
  const link = fillPaymentLink(settings.paymentLinkPattern, {
    number: order.number,
    total: fromMinor(order.totalMinor, order.currency),
    currency: order.currency,
  });
  const ways = paymentWays(order.paymentMethod ?? null, settings.bankAccount || null, link);
  return ways ? { ...ways, text: paymentInstructionLines(locale, ways, order.number).join('\n') } : null;
}

/** The customer's view of an order: public notes only, no staff, IP or other orders. */
export async function customerView(
  orderId: string,
  language: { acceptLanguage?: string; asked?: Locale },
): Promise<CustomerView> {
  const order = await getOrderDoc(orderId);
  const [client, settings, notes] = await Promise.all([
    getClientDoc(String(order.clientId)),
    getSettings(),
    listOrderNotes(orderId, 'public'),
  ]);
  const locale = customerLocale(client, settings, language.acceptLanguage, language.asked);
  // A client of unknown zone is offered the call centre's own hours.
  const zone = callingZone(client.timezone || settings.timeZone);
  const money = (minor: number) => fromMinor(minor, order.currency);
  const tracking = order.delivery?.trackingNumber;
  return {
    orderId,
    locale,
    zone,
    companyName: settings.companyName,
    customerContact: settings.customerContact,
    progress: progressOf(order.status as OrderStatus),
    paymentReported: !!order.paymentCheck,
    slots: callbackSlots(clock.now(), zone, settings.callingHours),
    public: {
      order: {
        number: order.number,
        createdAt: order.createdAt.toISOString(),
        status: order.status as OrderStatus,
        items: order.items.map((i) => ({
          name: i.name,
          quantity: i.quantity,
          unitPrice: money(i.unitPriceMinor),
          lineTotal: money(i.quantity * i.unitPriceMinor),
        })),
        total: money(order.totalMinor),
        paid: money(order.paidMinor ?? 0),
        leftToPay: money(leftToPayMinor(order)),
        currency: order.currency,
        paymentInstructions: paymentInstructions(order, settings, locale),
        ...(tracking ? { tracking } : {}),
      },
      notes: notes.map((n) => ({ text: n.text, at: n.at })),
    },
  };
}
