import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { clock } from '../../lib/clock.js';

const phoneSchema = new Schema(
  {
    number: { type: String, required: true }, // E.164 where it parses, else the digits as typed
    display: { type: String, required: true },
    country: { type: String, default: null },
    invalid: { type: Boolean, default: false },
    invalidAt: { type: Date, default: null },
  },
  { _id: false },
);

/**
 * A contact a website order brought for a client who already existed. Anyone can type any e-mail
 * into the shop, so it is not the client's until staff confirm it; its id is the route's contactId.
 */
const pendingContactSchema = new Schema({
  kind: { type: String, enum: ['email', 'phone'], required: true },
  value: { type: String, required: true },
  display: { type: String, required: true },
  country: { type: String, default: null },
  orderId: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
  orderNumber: { type: Number, required: true },
  receivedAt: { type: Date, required: true },
});

const clientSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    emails: { type: [String], default: [] },
    phones: { type: [phoneSchema], default: [] },
    pendingContacts: { type: [pendingContactSchema], default: [] },
    address: {
      line1: String,
      line2: String,
      city: String,
      postalCode: String,
      region: String,
      country: String,
    },
    timezone: { type: String, default: null },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    tags: { type: [String], default: [] },
    autoPayments: { type: Boolean, default: false },
  },
  { timestamps: { currentTime: () => clock.now() } },
);

// Intake matches a client by phone or e-mail; the list searches by name.
clientSchema.index({ 'phones.number': 1 });
clientSchema.index({ emails: 1 });
clientSchema.index({ name: 1, _id: 1 });
clientSchema.index({ managerId: 1 });

export type ClientDoc = InferSchemaType<typeof clientSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const clientMirror = new MemoryMirror<ClientDoc>(clientSchema, { keepSorted: [{ name: 1, _id: 1 }] });
export const ClientModel = mongoose.model('Client', clientSchema);
