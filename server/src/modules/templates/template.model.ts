import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { callOutcomes, locales, orderStatuses, templateEvents } from '@callboard/shared';

const templateSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    subject: { type: String, required: true },
    html: { type: String, required: true },
    outcome: { type: String, enum: [...callOutcomes, null], default: null },
    status: { type: String, enum: [...orderStatuses, null], default: null },
    event: { type: String, enum: [...templateEvents, null], default: null },
    locale: { type: String, enum: locales, required: true },
    /**
     * At most one default per (outcome | status | event, locale): `status:reserved:en`, or the
     * template's own id when it is no default. Always distinct, because FerretDB has no partial
     * indexes and ignores `sparse` (many nulls would collide under a unique index).
     */
    defaultKey: { type: String, required: true, unique: true },
  },
  { timestamps: true },
);

templateSchema.index({ name: 1 });

export type TemplateDoc = InferSchemaType<typeof templateSchema> & {
  _id: mongoose.Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const TemplateModel = mongoose.model('Template', templateSchema);

/**
 * Which default templates were seeded once, so that one an admin deleted or repurposed is not
 * seeded again on the next start.
 */
const templateSeedSchema = new Schema(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
export const TemplateSeedModel = mongoose.model('TemplateSeed', templateSeedSchema);
