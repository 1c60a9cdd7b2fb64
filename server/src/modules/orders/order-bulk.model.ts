import mongoose, { Schema } from 'mongoose';
import type { Actor, BulkAction, BulkJobError, BulkJobState, BulkSkipped } from '@callboard/shared';
import { actorSchema } from '../../db/actor.js';

/**
 * One bulk action on orders and its progress, so a reloaded page finds it again. The selected ids
 * stay in the running process (a job cut off by a restart is failed, not resumed), which keeps
 * this document small for the progress writes FerretDB rewrites whole.
 */
const bulkJobSchema = new Schema(
  {
    by: { type: actorSchema, required: true },
    action: { type: Schema.Types.Mixed, required: true },
    total: { type: Number, required: true },
    done: { type: Number, default: 0 },
    changed: { type: Number, default: 0 },
    skipped: { type: [Schema.Types.Mixed], default: [] },
    state: { type: String, enum: ['running', 'done', 'failed'], required: true },
    error: { type: String, enum: ['interrupted', 'error'], default: null },
    /** The boot (lib/boot-id.ts) running it: a running job of another boot was cut off by a restart. */
    bootId: { type: String, required: true },
    /** Moved on by its process while it runs or waits (several processes on one MongoDB). */
    heartbeatAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { versionKey: false, minimize: false },
);
// The start-up sweep for jobs a restart cut off.
bulkJobSchema.index({ state: 1, bootId: 1 });

export type BulkJobDoc = {
  _id: mongoose.Types.ObjectId;
  by: Actor;
  action: BulkAction;
  total: number;
  done: number;
  changed: number;
  skipped: BulkSkipped[];
  state: BulkJobState;
  error: BulkJobError | null;
  bootId: string;
  heartbeatAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
};

export const BulkJobModel = mongoose.model('OrderBulkJob', bulkJobSchema, 'orderbulkjobs');
