import { useEffect, useState } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Box, Button, Stack, Typography } from '@mui/material';
import { isAllowedLetterHref, letterVariableLabels, letterVariables } from '@callboard/shared';
import { useLocale, useT } from '../../../i18n/i18n';
import { editorHtmlToTemplate, templateToEditorHtml, VariableChip } from '../variable-chip';
import { applyLink, linkInSelection, removeLink } from '../links';
import { FormattingToolbar } from './FormattingToolbar';
import { LinkDialog } from './LinkDialog';

export type LetterEditorProps = {
  /** Template HTML with `<$name>` placeholders; read once when the editor starts. */
  initialHtml: string;
  /** Receives template HTML with `<$name>` placeholders after every change. */
  onChange: (html: string) => void;
  label: string;
};

export function LetterEditor({ initialHtml, onChange, label }: LetterEditorProps) {
  const t = useT();
  const locale = useLocale();
  const labels = letterVariableLabels[locale];
  // The link under the caret while the link dialog is open (null: a new link), undefined while it is closed.
  const [linkHref, setLinkHref] = useState<string | null | undefined>(undefined);
  // Null for a moment when TipTap replaces an instance it created for a render that React set aside
  // (a lazy screen's first render can yield before it commits), whatever its type says.
  const editor: Editor | null = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        // Links the server keeps, and no navigation away from a letter being written.
        link: { openOnClick: false, defaultProtocol: 'https', isAllowedUri: (url) => isAllowedLetterHref(url) },
      }),
      VariableChip.configure({ labels }),
    ],
    content: templateToEditorHtml(initialHtml),
    editorProps: {
      attributes: {
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        'data-testid': 'letter-editor',
        'aria-keyshortcuts': 'Control+K Meta+K',
      },
      handleKeyDown: (view, event) => {
        if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'k') return false;
        setLinkHref(linkInSelection(view.state));
        return true;
      },
    },
    onUpdate: ({ editor: e }) => onChange(editorHtmlToTemplate(e.getHTML())),
    immediatelyRender: true,
  });

  // The initial HTML is normalised by the editor (chips); report that form so the preview matches.
  useEffect(() => {
    if (editor && !editor.isDestroyed) onChange(editorHtmlToTemplate(editor.getHTML()));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  const closeLink = () => {
    setLinkHref(undefined);
    editor?.commands.focus();
  };

  return (
    <Box>
      {editor ? <FormattingToolbar editor={editor} onLink={() => setLinkHref(linkInSelection(editor.state))} /> : null}
      <Stack
        direction="row"
        spacing={0.5}
        useFlexGap
        sx={{ flexWrap: 'wrap', mb: 0.5 }}
        role="toolbar"
        aria-label={t('letter.variables')}
      >
        <Typography variant="caption" sx={{ alignSelf: 'center', mr: 0.5 }}>
          {t('letter.insert')}
        </Typography>
        {letterVariables.map((name) => (
          <Button
            key={name}
            size="small"
            variant="outlined"
            sx={{ py: 0, minWidth: 0 }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => editor?.chain().focus().insertVariable(name).run()}
          >
            {labels[name]}
          </Button>
        ))}
      </Stack>
      <Box
        sx={{
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          px: 1.5,
          minHeight: 120,
          maxHeight: 220,
          overflow: 'auto',
          '& .ProseMirror': { outline: 'none', minHeight: 110 },
          '&:focus-within': {
            borderColor: 'primary.main',
            boxShadow: (theme) => `0 0 0 1px ${theme.palette.primary.main}`,
          },
          '& .variable-chip': {
            display: 'inline-block',
            px: 0.75,
            mx: 0.25,
            borderRadius: 4,
            bgcolor: 'primary.main',
            color: 'primary.contrastText',
            fontSize: '0.85em',
            lineHeight: 1.6,
            userSelect: 'none',
          },
          '& .variable-chip.ProseMirror-selectednode': {
            outline: 2,
            outlineColor: 'secondary.main',
            outlineStyle: 'solid',
          },
        }}
      >
        <EditorContent editor={editor} />
      </Box>
      {editor && linkHref !== undefined ? (
        <LinkDialog
          currentHref={linkHref}
          onApply={(href) => {
            applyLink(editor, href);
            closeLink();
          }}
          onRemove={() => {
            removeLink(editor);
            closeLink();
          }}
          onClose={closeLink}
        />
      ) : null}
    </Box>
  );
}
