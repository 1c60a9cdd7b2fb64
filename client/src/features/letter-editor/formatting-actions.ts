import type { Editor } from '@tiptap/core';
import type { SvgIconComponent } from '@mui/icons-material';
import FormatBoldIcon from '@mui/icons-material/FormatBold';
import FormatItalicIcon from '@mui/icons-material/FormatItalic';
import FormatListBulletedIcon from '@mui/icons-material/FormatListBulleted';
import FormatListNumberedIcon from '@mui/icons-material/FormatListNumbered';
import InsertLinkIcon from '@mui/icons-material/InsertLink';
import RedoIcon from '@mui/icons-material/Redo';
import TitleIcon from '@mui/icons-material/Title';
import UndoIcon from '@mui/icons-material/Undo';
import type { MessageKey } from '../../i18n/i18n';
import type { Shortcut } from './shortcuts';

export type FormattingAction = {
  id: string;
  label: MessageKey;
  icon: SvgIconComponent;
  /** The keys that do the same in the editor (StarterKit's own bindings; Mod-k is the editor's). */
  keys: Shortcut;
  /** Marks and blocks say whether they apply at the caret (aria-pressed); undo and redo do not. */
  isActive?: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  /** `openLink` shows the link dialog, which changes the text only once an address is given. */
  run: (editor: Editor, openLink: () => void) => void;
};

/** The toolbar's buttons, in order: what the sanitiser on the server keeps (server/src/lib/rich-text.ts). */
export const formattingActions: FormattingAction[] = [
  {
    id: 'bold',
    label: 'editor.bold',
    icon: FormatBoldIcon,
    keys: ['Mod', 'B'],
    isActive: (e) => e.isActive('bold'),
    canRun: (e) => e.can().toggleBold(),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    id: 'italic',
    label: 'editor.italic',
    icon: FormatItalicIcon,
    keys: ['Mod', 'I'],
    isActive: (e) => e.isActive('italic'),
    canRun: (e) => e.can().toggleItalic(),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    id: 'heading',
    label: 'editor.heading',
    icon: TitleIcon,
    keys: ['Mod', 'Alt', '2'],
    isActive: (e) => e.isActive('heading', { level: 2 }),
    canRun: (e) => e.can().toggleHeading({ level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    id: 'bulletList',
    label: 'editor.bulletList',
    icon: FormatListBulletedIcon,
    keys: ['Mod', 'Shift', '8'],
    isActive: (e) => e.isActive('bulletList'),
    canRun: (e) => e.can().toggleBulletList(),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'orderedList',
    label: 'editor.orderedList',
    icon: FormatListNumberedIcon,
    keys: ['Mod', 'Shift', '7'],
    isActive: (e) => e.isActive('orderedList'),
    canRun: (e) => e.can().toggleOrderedList(),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    id: 'link',
    label: 'editor.link',
    icon: InsertLinkIcon,
    keys: ['Mod', 'K'],
    isActive: (e) => e.isActive('link'),
    canRun: () => true,
    run: (_e, openLink) => openLink(),
  },
  {
    id: 'undo',
    label: 'editor.undo',
    icon: UndoIcon,
    keys: ['Mod', 'Z'],
    canRun: (e) => e.can().undo(),
    run: (e) => e.chain().focus().undo().run(),
  },
  {
    id: 'redo',
    label: 'editor.redo',
    icon: RedoIcon,
    keys: ['Mod', 'Shift', 'Z'],
    canRun: (e) => e.can().redo(),
    run: (e) => e.chain().focus().redo().run(),
  },
];
