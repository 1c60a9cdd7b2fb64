import mongoose from 'mongoose';
import { type Actor, type OrderDelivery, type PaymentMethod } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { conflict } from '../../lib/errors.js';
import { isDuplicateKeyError } from '../../db/duplicate-key.js';
import { CounterModel, OrderModel, type OrderDoc } from './order.model.js';
import type { StoredItem } from './order-items.js';
import { initialCallState } from './order-contact-rules.js';

const orderNumberBase = 10000;

const numberAttempts = 25;

async function takeOrderNumber(): Promise<number> {
  try {
    const counter = await CounterModel.findOneAndUpdate(
      { _id: 'order' },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean<{ seq: number }>();
    return orderNumberBase + (counter?.seq ?? 1);
  } catch (err) {
    // Two first-ever orders may both try to create the counter; the loser just takes the next one.
    if (isDuplicateKeyError(err)) return takeOrderNumber();
    throw err;
  }
}

/** After a collision, moves the counter past the highest number in use (it can lag after an import). */
async function catchUpCounter(): Promise<void> {
  const top = await OrderModel.findOne({}, { number: 1 }).sort({ number: -1 }).lean<{ number: number }>();
  if (top)
    await CounterModel.updateOne({ _id: 'order' }, { $max: { seq: top.number - orderNumberBase } }, { upsert: true });
}

export type NewOrderFields = {
  clientId: mongoose.Types.ObjectId;
  managerId: mongoose.Types.ObjectId | null;
  items: StoredItem[];
  currency: string;
  discountMinor: number;
  totalMinor: number;
  paymentMethod: PaymentMethod | null;
  tags: string[];
  funnel: string | null;
  stage: string | null;
  delivery: OrderDelivery;
  autoCancelAt: Date | null;
  ip: string | null;
  contact: { email: string | null; phone: string | null };
  source: string | null;
  channel: string | null;
  createdBy: Actor;
};

/**
 * Inserts a new pending order, due in the call queue now (unless its client has no callable phone). The number comes from the counter; the
 * unique index on `number` is the guarantee, so a collision just takes another number. With `id`,
 * the order is created under it once; a repeat returns the order the first one made.
 */
export async function insertOrder(
  fields: NewOrderFields,
  id?: mongoose.Types.ObjectId,
  callable = true,
): Promise<OrderDoc> {
  const now = clock.now();
  for (let attempt = 0; attempt < numberAttempts; attempt++) {
    const number = await takeOrderNumber();
    try {
      const doc = await OrderModel.create({
        ...(id ? { _id: id } : {}),
        ...fields,
        number,
        status: 'pending',
        paymentStatus: 'unpaid',
        call: initialCallState(now, callable),
      });
      return doc.toObject() as unknown as OrderDoc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = id ? await OrderModel.findById(id).lean<OrderDoc>() : null;
      if (existing) return existing;
      if (attempt >= 1) await catchUpCounter();
    }
  }
  throw conflict('Could not allocate an order number; please retry');
}
