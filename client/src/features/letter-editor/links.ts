import { getMarkAttributes, type Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';

/** The address of the link in the selection, or null where there is none. */
export function linkInSelection(state: EditorState): string | null {
  const href = (getMarkAttributes(state, 'link') as { href?: string }).href;
  return href ?? null;
}

/**
 * Links the selection, or the whole link under the caret, to `href`; with nothing selected and no link
 * there, the address itself is inserted as the link's text.
 */
export function applyLink(editor: Editor, href: string): void {
  const chain = editor.chain().focus();
  if (editor.isActive('link')) chain.extendMarkRange('link').setLink({ href }).run();
  else if (editor.state.selection.empty)
    chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
  else chain.setLink({ href }).run();
}

export function removeLink(editor: Editor): void {
  editor.chain().focus().extendMarkRange('link').unsetLink().run();
}
