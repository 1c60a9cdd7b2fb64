import type { editorEn } from './editor.en';

export const editorEs: Record<keyof typeof editorEn, string> = {
  'editor.toolbar': 'Formato',
  'editor.bold': 'Negrita',
  'editor.italic': 'Cursiva',
  'editor.heading': 'Título',
  'editor.bulletList': 'Lista con viñetas',
  'editor.orderedList': 'Lista numerada',
  'editor.link': 'Enlace',
  'editor.undo': 'Deshacer',
  'editor.redo': 'Rehacer',
  'editor.link.add': 'Añadir un enlace',
  'editor.link.edit': 'Editar el enlace',
  'editor.link.address': 'Dirección',
  'editor.link.help': 'Una dirección web (https://…) o un enlace de correo (mailto:…).',
  'editor.link.invalid': 'En una carta solo caben direcciones web (https:// o http://) y enlaces mailto:.',
  'editor.link.apply': 'Aplicar',
  'editor.link.remove': 'Quitar el enlace',
};
