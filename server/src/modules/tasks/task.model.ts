import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MemoryMirror } from '../../db/memory-mirror.js';
import { taskKinds } from '@callboard/shared';
import { actorSchema } from '../../db/actor.js';
import { callStateSchema } from '../call-state/index.js';

const taskSchema = new Schema(
  {
    title: { type: String, required: true },
    kind: { type: String, enum: taskKinds, required: true },
    dueAt: { type: Date, required: true },
    assigneeId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    orderId: { type: Schema.Types.ObjectId, ref: 'Order', default: null },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', default: null },
    done: { type: Boolean, default: false },
    doneAt: { type: Date, default: null },
    /** Only call tasks have a call state; it follows the same re-call rules as an order's. */
    call: { type: callStateSchema, default: null },
    createdBy: { type: actorSchema, required: true },
  },
  { timestamps: true },
);

// The task lists (mine, everyone's, an order's), open first then by due time; the order timeline.
taskSchema.index({ assigneeId: 1, done: 1, dueAt: 1, _id: 1 });
taskSchema.index({ done: 1, dueAt: 1, _id: 1 });
taskSchema.index({ orderId: 1, done: 1, dueAt: 1, _id: 1 });
taskSchema.index({ orderId: 1, createdAt: -1 });
taskSchema.index({ clientId: 1, dueAt: 1 });
// The call queue and the resurfacing sweep, as on orders.
taskSchema.index({ kind: 1, done: 1, 'call.nextCallAt': 1, _id: 1 });

export type TaskDoc = InferSchemaType<typeof taskSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
// The embedded mode answers this collection's reads from memory (db/memory-mirror.ts).
export const taskMirror = new MemoryMirror<TaskDoc>(taskSchema, {
  groupBy: ['orderId'],
  keepSorted: [{ 'call.nextCallAt': 1, _id: 1 }],
});
export const TaskModel = mongoose.model('Task', taskSchema);
