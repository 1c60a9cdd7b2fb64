import mongoose from 'mongoose';
import type {
  Actor,
  CallOutcome,
  Locale,
  OrderStatus,
  Template,
  TemplateBody,
  TemplateEvent,
  TemplateListQuery,
  UpdateTemplateBody,
} from '@callboard/shared';
import { AppError, badRequest, notFound } from '../../lib/errors.js';
import { getSettings } from '../settings/index.js';
import { sanitizeRichText } from '../../lib/rich-text.js';
import { clock } from '../../lib/clock.js';
import { TemplateModel, TemplateSeedModel, type TemplateDoc } from './template.model.js';
import { defaultTemplates } from './default-templates.js';
import { isDuplicateKeyError } from '../../db/duplicate-key.js';
import { changedFields, recordAudit, removedFields } from '../audit/index.js';
import { readCache } from '../../lib/read-cache.js';

/** What a template may be the default for. */
export type TemplatePurpose = { outcome: CallOutcome } | { status: OrderStatus } | { event: TemplateEvent };

type PurposeFields = { outcome: CallOutcome | null; status: OrderStatus | null; event: TemplateEvent | null };

function purposeKey(p: TemplatePurpose, locale: Locale): string {
  if ('outcome' in p) return `outcome:${p.outcome}:${locale}`;
  if ('status' in p) return `status:${p.status}:${locale}`;
  return `event:${p.event}:${locale}`;
}

function defaultKeyOf(fields: PurposeFields, locale: Locale, id: string): string {
  if (fields.outcome) return purposeKey({ outcome: fields.outcome }, locale);
  if (fields.status) return purposeKey({ status: fields.status }, locale);
  if (fields.event) return purposeKey({ event: fields.event }, locale);
  return `id:${id}`;
}

export function toTemplate(doc: TemplateDoc): Template {
  return {
    id: String(doc._id),
    name: doc.name,
    subject: doc.subject,
    html: doc.html,
    outcome: (doc.outcome ?? null) as CallOutcome | null,
    status: (doc.status ?? null) as OrderStatus | null,
    event: (doc.event ?? null) as TemplateEvent | null,
    locale: doc.locale as Locale,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

function duplicateDefault(key: string): AppError {
  const [kind, what, locale] = key.split(':');
  return new AppError('conflict', `There is already a default template for ${kind} "${what}" in ${locale}`, [
    { path: kind ?? 'outcome', message: 'already has a default template for this locale' },
  ]);
}

/** What an audit entry says about a template: what an admin edits, not the timestamps. */
function audited({ name, subject, html, outcome, status, event, locale }: Template): Record<string, unknown> {
  return { name, subject, html, outcome, status, event, locale };
}

export async function listTemplates(query: TemplateListQuery = {}): Promise<Template[]> {
  const filter: Record<string, string> = {};
  if (query.outcome) filter.outcome = query.outcome;
  if (query.status) filter.status = query.status;
  if (query.event) filter.event = query.event;
  if (query.locale) filter.locale = query.locale;
  const docs = await TemplateModel.find(filter).sort({ name: 1 }).lean<TemplateDoc[]>();
  return docs.map(toTemplate);
}

export async function getTemplate(id: string): Promise<Template> {
  const doc = mongoose.isValidObjectId(id) ? await TemplateModel.findById(id).lean<TemplateDoc>() : null;
  if (!doc) throw notFound('Template');
  return toTemplate(doc);
}

export async function findTemplate(id: string): Promise<Template | null> {
  if (!mongoose.isValidObjectId(id)) return null;
  const doc = await TemplateModel.findById(id).lean<TemplateDoc>();
  return doc ? toTemplate(doc) : null;
}

/**
 * Default templates by purpose and locale (or their absence), kept in the process: every new order
 * and status change asks. Template writes here drop them at once; another process on the same
 * MongoDB sees a change within 5 s.
 */
const defaults = readCache(5_000, async (defaultKey: string): Promise<Template | null> => {
  const doc = await TemplateModel.findOne({ defaultKey }).lean<TemplateDoc>();
  return doc ? toTemplate(doc) : null;
});

/** The default template for a purpose in a locale, else in any other locale, else null. */
export async function findDefaultTemplate(purpose: TemplatePurpose, locale: Locale): Promise<Template | null> {
  const others = (['en', 'es'] as const).filter((l) => l !== locale);
  for (const l of [locale, ...others]) {
    const template = await defaults.get(purposeKey(purpose, l));
    if (template) return template;
  }
  return null;
}

export async function createTemplate(input: TemplateBody, by: Actor): Promise<Template> {
  const _id = new mongoose.Types.ObjectId();
  const fields: PurposeFields = {
    outcome: input.outcome ?? null,
    status: input.status ?? null,
    event: input.event ?? null,
  };
  const defaultKey = defaultKeyOf(fields, input.locale, String(_id));
  try {
    const doc = await TemplateModel.create({
      _id,
      name: input.name,
      subject: input.subject,
      html: sanitizeRichText(input.html),
      ...fields,
      locale: input.locale,
      defaultKey,
    });
    defaults.drop();
    const template = toTemplate(doc.toObject() as TemplateDoc);
    await recordAudit({
      by,
      objectType: 'template',
      objectId: template.id,
      action: 'created',
      changes: changedFields({}, audited(template)),
    });
    return template;
  } catch (err) {
    if (isDuplicateKeyError(err)) throw duplicateDefault(defaultKey);
    throw err;
  }
}

export async function updateTemplate(id: string, patch: UpdateTemplateBody, by: Actor): Promise<Template> {
  const current = await getTemplate(id);
  const fields: PurposeFields = {
    outcome: patch.outcome !== undefined ? patch.outcome : current.outcome,
    status: patch.status !== undefined ? patch.status : current.status,
    event: patch.event !== undefined ? patch.event : current.event,
  };
  if ([fields.outcome, fields.status, fields.event].filter((x) => x !== null).length > 1) {
    throw badRequest('A template is the default for at most one of outcome, status or event', [
      { path: 'body.outcome', message: 'set the others to null' },
    ]);
  }
  const locale = patch.locale ?? current.locale;
  const defaultKey = defaultKeyOf(fields, locale, id);
  const set: Record<string, unknown> = { ...fields, locale, defaultKey };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.subject !== undefined) set.subject = patch.subject;
  if (patch.html !== undefined) set.html = sanitizeRichText(patch.html);
  try {
    const doc = await TemplateModel.findByIdAndUpdate(
      id,
      { $set: set },
      { returnDocument: 'after' },
    ).lean<TemplateDoc>();
    defaults.drop();
    if (!doc) throw notFound('Template');
    const template = toTemplate(doc);
    const changes = changedFields(audited(current), audited(template));
    await recordAudit({ by, objectType: 'template', objectId: id, action: 'updated', changes });
    return template;
  } catch (err) {
    if (isDuplicateKeyError(err)) throw duplicateDefault(defaultKey);
    throw err;
  }
}

export async function deleteTemplate(id: string, by: Actor): Promise<void> {
  const current = await getTemplate(id);
  const settings = await getSettings();
  const usedBy = Object.entries(settings.statusEmails)
    .filter(([, s]) => s?.templateId === id)
    .map(([status]) => status);
  if (usedBy.length > 0) {
    throw new AppError('conflict', `The settings use this template for the status e-mails of: ${usedBy.join(', ')}`);
  }
  await TemplateModel.deleteOne({ _id: id });
  defaults.drop();
  await recordAudit({
    by,
    objectType: 'template',
    objectId: id,
    action: 'deleted',
    changes: removedFields(audited(current)),
  });
}

/**
 * Inserts each default template once per database, unless its (purpose, locale) already has a
 * default. Safe to run on every start and concurrently: unique keys turn repeats into no-ops, and
 * a seed marker keeps a template an admin deleted from coming back.
 */
export async function seedDefaultTemplates(): Promise<number> {
  let created = 0;
  for (const template of defaultTemplates) {
    const fields: PurposeFields = {
      outcome: template.outcome ?? null,
      status: template.status ?? null,
      event: template.event ?? null,
    };
    const _id = new mongoose.Types.ObjectId();
    const defaultKey = defaultKeyOf(fields, template.locale, String(_id));
    if (await TemplateSeedModel.exists({ _id: defaultKey })) continue;
    try {
      await TemplateModel.create({ _id, ...template, ...fields, html: sanitizeRichText(template.html), defaultKey });
      defaults.drop();
      created += 1;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    await TemplateSeedModel.create({ _id: defaultKey, at: clock.now() }).catch((err: unknown) => {
      if (!isDuplicateKeyError(err)) throw err;
    });
  }
  return created;
}
