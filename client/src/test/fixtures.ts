import type { Client, Order, Settings, User } from '@callboard/shared';
import { defaultSettings } from '@callboard/shared';

export const settings: Settings = { ...defaultSettings };

/** Marta, a manager with no extra rights, unless overridden. */
export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u00000000000000000000001',
    email: 'marta@callboard.test',
    name: 'Marta',
    role: 'manager',
    rights: [],
    disabled: false,
    timezone: null,
    locale: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 'c00000000000000000000001',
    name: 'Lucía Fernández',
    emails: ['lucia@example.com'],
    phones: [{ number: '+34600111222', display: '+34 600 11 12 22', country: 'ES', invalid: false }],
    address: { city: 'Madrid', country: 'ES' },
    timezone: 'Europe/Madrid',
    managerId: null,
    managerName: null,
    tags: [],
    autoPayments: false,
    notes: [],
    createdAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'a00000000000000000000001',
    number: 1001,
    status: 'pending',
    paymentStatus: 'unpaid',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    clientId: 'c00000000000000000000001',
    managerId: null,
    items: [{ name: 'Lamp', quantity: 2, unitPrice: 20, sku: null, lineTotal: 40 }],
    currency: 'EUR',
    discount: 0,
    total: 40,
    paid: 0,
    advances: 0,
    income: 0,
    expenses: 0,
    payments: [],
    paymentMethod: 'transfer',
    tags: [],
    funnel: null,
    stage: null,
    delivery: { method: null, address: null, trackingNumber: null, expectedDate: null },
    autoCancelAt: null,
    ip: '203.0.113.7',
    source: 'web',
    channel: 'organic',
    paymentCheck: false,
    call: {
      state: 'due',
      nextCallAt: '2026-01-01T10:00:00.000Z',
      notReachedStreak: 0,
      attempts: 0,
      lastOutcome: null,
      lastCallAt: null,
    },
    createdBy: { type: 'intake', id: null, name: 'Shop' },
    ...overrides,
  };
}
