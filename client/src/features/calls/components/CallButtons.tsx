import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Backdrop, Button, CircularProgress, Stack } from '@mui/material';
import type { CallOutcome, Client, Order } from '@callboard/shared';
import { KeyHint } from '../../../components/KeyHint';
import { useT } from '../../../i18n/i18n';
import type { CallTarget, RecordCallResult } from '../api/calls-api';
import { isTyping, outcomeButtons } from '../outcomes';
import { TalkTimer } from './TalkTimer';

const CallDialog = lazy(async () => ({ default: (await import('./CallDialog')).CallDialog }));

/** Loads the dialogs' code (and the editor's) ahead of the first key press. */
export function preloadCallDialog() {
  void import('./CallDialog');
}

export type CallButtonsProps = {
  target: CallTarget;
  call: Order['call'];
  client: Client;
  /** After a save the dialog waited for (not given where calls save in the background). */
  onSaved?: (result: RecordCallResult) => void;
  /** See CallDialog: saving in the background, and the moment the save was handed over. */
  onSubmitted?: () => void;
  /** A dialog opened: the call is ending (the workbench claims the next item ahead). */
  onDialogOpened?: () => void;
  /** Hot keys listen on the whole page while the card is the active one. */
  hotkeys: boolean;
  /**
   * The item was claimed for this manager as the card opened (the workbench): talk time runs from now.
   * Otherwise it starts when a phone link is clicked on the active card.
   */
  claimed?: boolean;
};

export function CallButtons({
  target,
  call,
  client,
  onSaved,
  onSubmitted,
  onDialogOpened,
  hotkeys,
  claimed = false,
}: CallButtonsProps) {
  const t = useT();
  const [open, setOpenState] = useState<CallOutcome | null>(null);
  const [talkFrom, setTalkFrom] = useState<number | null>(() => (claimed ? Date.now() : null));
  const buttons = useRef(new Map<CallOutcome, HTMLButtonElement>());
  const setOpen = useCallback(
    (outcome: CallOutcome | null) => {
      setOpenState(outcome);
      if (outcome) onDialogOpened?.();
    },
    [onDialogOpened],
  );

  useEffect(preloadCallDialog, []);

  useEffect(() => {
    if (!hotkeys) return;
    // Dialling from the card starts the talk time, unless the claim already did.
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('a[href^="tel:"]')) setTalkFrom((from) => from ?? Date.now());
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [hotkeys]);

  useEffect(() => {
    if (!hotkeys || open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      const button = outcomeButtons.find((b) => b.key === e.key);
      if (!button) return;
      e.preventDefault();
      // As if the button were pressed: the dialog gives the focus back to it when it closes, so the
      // next Tab goes on from the call buttons rather than from the top of the page.
      buttons.current.get(button.outcome)?.focus();
      setOpen(button.outcome);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hotkeys, open, setOpen]);

  return (
    <>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Stack
          direction="row"
          spacing={0.75}
          useFlexGap
          sx={{ flexWrap: 'wrap' }}
          role="group"
          aria-label={t('call.buttons')}
        >
          {outcomeButtons.map((b) => (
            <Button
              key={b.outcome}
              variant="contained"
              color={b.color}
              size="small"
              onClick={() => setOpen(b.outcome)}
              aria-keyshortcuts={b.key}
              data-outcome={b.outcome}
              ref={(el: HTMLButtonElement | null) => {
                if (el) buttons.current.set(b.outcome, el);
                else buttons.current.delete(b.outcome);
              }}
            >
              <KeyHint>{b.key}</KeyHint>
              {t(b.label)}
            </Button>
          ))}
        </Stack>
        {talkFrom !== null ? <TalkTimer from={talkFrom} /> : null}
      </Stack>
      {open ? (
        <Suspense
          fallback={
            <Backdrop open>
              <CircularProgress />
            </Backdrop>
          }
        >
          <CallDialog
            key={`${target.kind}:${target.id}:${open}`}
            outcome={open}
            target={target}
            call={call}
            client={client}
            talkFrom={talkFrom}
            onClose={() => setOpen(null)}
            onSaved={(result) => {
              setOpen(null);
              setTalkFrom(null);
              onSaved?.(result);
            }}
            onSubmitted={
              onSubmitted &&
              (() => {
                setOpen(null);
                setTalkFrom(null);
                onSubmitted();
              })
            }
          />
        </Suspense>
      ) : null}
    </>
  );
}
