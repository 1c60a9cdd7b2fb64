/** The letter editor's formatting toolbar and link dialog (letters, templates, call instructions). */
export const editorEn = {
  'editor.toolbar': 'Formatting',
  'editor.bold': 'Bold',
  'editor.italic': 'Italic',
  'editor.heading': 'Heading',
  'editor.bulletList': 'Bulleted list',
  'editor.orderedList': 'Numbered list',
  'editor.link': 'Link',
  'editor.undo': 'Undo',
  'editor.redo': 'Redo',
  'editor.link.add': 'Add a link',
  'editor.link.edit': 'Edit the link',
  'editor.link.address': 'Address',
  'editor.link.help': 'A web address (https://…) or an e-mail link (mailto:…).',
  'editor.link.invalid': 'Only web addresses (https:// or http://) and mailto: links can go in a letter.',
  'editor.link.apply': 'Apply',
  'editor.link.remove': 'Remove link',
};
