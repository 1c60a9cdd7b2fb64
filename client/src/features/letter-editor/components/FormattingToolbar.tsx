import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { Divider, IconButton, Stack, Tooltip } from '@mui/material';
import { useT } from '../../../i18n/i18n';
import { formattingActions } from '../formatting-actions';
import { ariaShortcut, isApplePlatform, shortcutLabel } from '../shortcuts';

const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * Bold, italic, heading, lists, link, undo and redo over the editor. One Tab stop: the arrow keys, Home
 * and End move between the buttons (WAI-ARIA's toolbar pattern). A button that cannot act now (undo with
 * nothing to undo) stays reachable, marked aria-disabled, so moving along the toolbar never skips a place.
 */
export function FormattingToolbar({ editor, onLink }: { editor: Editor; onLink: () => void }) {
  const t = useT();
  const apple = useMemo(() => isApplePlatform(), []);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      formattingActions.map((a) =>
        e.isDestroyed ? { active: null, enabled: false } : { active: a.isActive?.(e) ?? null, enabled: a.canRun(e) },
      ),
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const [tabStop, setTabStop] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const next = move(tabStop, formattingActions.length);
    setTabStop(next);
    buttons.current[next]?.focus();
  };

  return (
    <Stack
      direction="row"
      role="toolbar"
      aria-label={t('editor.toolbar')}
      onKeyDown={onKeyDown}
      sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }}
      data-testid="formatting-toolbar"
    >
      {formattingActions.map((action, i) => {
        const Icon = action.icon;
        const { active, enabled } = state[i]!;
        const label = t(action.label);
        return (
          <Stack key={action.id} direction="row" sx={{ alignItems: 'center' }}>
            {action.id === 'link' || action.id === 'undo' ? (
              <Divider orientation="vertical" flexItem sx={{ mx: 0.5 }} />
            ) : null}
            <Tooltip title={`${label} (${shortcutLabel(action.keys, apple)})`} describeChild>
              <IconButton
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                size="small"
                aria-label={label}
                aria-keyshortcuts={ariaShortcut(action.keys, apple)}
                aria-pressed={active ?? undefined}
                aria-disabled={!enabled || undefined}
                color={active ? 'primary' : 'default'}
                tabIndex={i === tabStop ? 0 : -1}
                data-testid={`format-${action.id}`}
                onFocus={() => setTabStop(i)}
                // Keep the editor's selection: a click must not move focus out of the text first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  if (enabled) action.run(editor, onLink);
                }}
                sx={{
                  ...(active ? { bgcolor: 'action.selected' } : {}),
                  '&[aria-disabled="true"]': { color: 'action.disabled', cursor: 'default' },
                }}
              >
                <Icon fontSize="small" />
              </IconButton>
            </Tooltip>
          </Stack>
        );
      })}
    </Stack>
  );
}
