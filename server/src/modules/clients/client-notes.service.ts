import type { Actor, ClientNote } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { ClientNoteModel, type ClientNoteDoc } from './client-note.model.js';
import { getClientDoc, toNote } from './client.service.js';

export async function addClientNote(clientId: string, text: string, by: Actor): Promise<ClientNote> {
  await getClientDoc(clientId);
  const note = await ClientNoteModel.create({ clientId, text, at: clock.now(), by });
  return toNote(note.toObject() as ClientNoteDoc);
}

export async function deleteClientNote(clientId: string, noteId: string): Promise<void> {
  const res = await ClientNoteModel.deleteOne({ _id: noteId, clientId });
  if (res.deletedCount === 0) throw notFound('Client note');
}
