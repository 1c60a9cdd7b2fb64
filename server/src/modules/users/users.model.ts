import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { rights, roles, locales } from '@callboard/shared';

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: roles, required: true },
    rights: { type: [{ type: String, enum: rights }], default: [] },
    disabled: { type: Boolean, default: false },
    timezone: { type: String, default: null },
    locale: { type: String, enum: [...locales, null], default: null },
  },
  { timestamps: true },
);

export type UserDoc = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
export const UserModel = mongoose.model('User', userSchema);
