import type { Actor, ClientNote } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/index.js';
import { ClientNoteModel, type ClientNoteDoc } from './client-note.model.js';
import { getClientDoc, toNote } from './client.service.js';

export async function addClientNote(clientId: string, text: string, by: Actor): Promise<ClientNote> {
  await getClientDoc(clientId);
  const note = await ClientNoteModel.create({ clientId, text, at: clock.now(), by });
  await recordAudit({
    by,
    objectType: 'client',
    objectId: clientId,
    action: 'note_added',
    changes: { note: { from: null, to: text } },
  });
  return toNote(note.toObject() as ClientNoteDoc);
}

/**
 * Hides the note from the client and keeps it with who deleted it; the audit entry carries its text.
 * Deleting a deleted note is 404, so a retry after a lost answer records nothing twice.
 */
export async function deleteClientNote(clientId: string, noteId: string, by: Actor): Promise<void> {
  const note = await ClientNoteModel.findOneAndUpdate(
    { _id: noteId, clientId, deletedAt: null },
    { $set: { deletedAt: clock.now(), deletedBy: by } },
  ).lean<ClientNoteDoc>();
  if (!note) throw notFound('Client note');
  await recordAudit({
    by,
    objectType: 'client',
    objectId: clientId,
    action: 'note_deleted',
    changes: { note: { from: note.text, to: null } },
  });
}
