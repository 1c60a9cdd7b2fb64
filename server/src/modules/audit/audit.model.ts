import mongoose, { Schema } from 'mongoose';
import { actorSchema } from '../../db/actor.js';

export const auditObjectTypes = ['order', 'client', 'settings', 'template', 'user'] as const;

// One entry per change, never updated or deleted: the record an admin reads back when a figure is disputed.
// `changes` maps each changed field to {from, to}; entries that have no before/after (a deletion) carry the
// removed value under `from`.
const auditEntrySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: actorSchema, required: true },
    objectType: { type: String, enum: auditObjectTypes, required: true },
    objectId: { type: String, required: true },
    action: { type: String, required: true },
    changes: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);
auditEntrySchema.index({ at: -1 });
auditEntrySchema.index({ objectType: 1, objectId: 1, at: -1 });
auditEntrySchema.index({ 'by.id': 1, at: -1 });

export const AuditEntryModel = mongoose.model('AuditEntry', auditEntrySchema, 'auditentries');
