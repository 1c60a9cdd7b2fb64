import mongoose, { Schema } from 'mongoose';

// One document (_id "global") holding the validated settings object; the zod schema in
// @callboard/shared is its real schema, so Mongoose stores it as a whole.
const settingsDocSchema = new Schema(
  { _id: { type: String, required: true }, value: { type: Schema.Types.Mixed, required: true } },
  { timestamps: true, versionKey: false, minimize: false },
);

export const SettingsModel = mongoose.model('Settings', settingsDocSchema);
