import mongoose, { Schema } from 'mongoose';
import { auditObjectTypes } from '@callboard/shared';
import { actorSchema } from '../../db/actor.js';

// One entry per change, never updated or deleted: the record an admin reads back when a figure is disputed.
// `changes` lists each changed field with {from, to}; entries that have no before/after (a deletion) carry the
// removed value under `from`. Stored as a list, not a map, because field paths ("statusEmails.paid") may hold
// dots, which neither FerretDB nor older MongoDB accept in keys.
const auditEntrySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: actorSchema, required: true },
    objectType: { type: String, enum: auditObjectTypes, required: true },
    objectId: { type: String, required: true },
    action: { type: String, required: true },
    changes: {
      type: [{ _id: false, field: { type: String, required: true }, from: Schema.Types.Mixed, to: Schema.Types.Mixed }],
      default: [],
    },
  },
  { versionKey: false, minimize: false },
);
// The audit screen's filters, each answered newest first (`_id` breaks ties between entries of one instant).
auditEntrySchema.index({ at: -1, _id: -1 });
auditEntrySchema.index({ objectType: 1, objectId: 1, at: -1, _id: -1 });
auditEntrySchema.index({ objectType: 1, at: -1, _id: -1 });
auditEntrySchema.index({ 'by.id': 1, at: -1, _id: -1 });
auditEntrySchema.index({ 'by.type': 1, at: -1, _id: -1 });

export type AuditEntryDoc = {
  _id: mongoose.Types.ObjectId;
  at: Date;
  by: { type: string; id?: string | null; name: string };
  objectType: string;
  objectId: string;
  action: string;
  changes: { field: string; from?: unknown; to?: unknown }[];
};

export const AuditEntryModel = mongoose.model('AuditEntry', auditEntrySchema, 'auditentries');
