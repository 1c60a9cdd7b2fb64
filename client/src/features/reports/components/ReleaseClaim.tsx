import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { announced } from '../../../app/announcer-slice';
import { useAppDispatch } from '../../../app/store';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useReleaseClaimMutation } from '../api/reports-api';

export type ReleaseClaimProps = {
  itemId: string;
  /** What is held, as the row names it ("#1042"). */
  what: string;
  holder: string;
  /** After a release: this button goes with the claim, so the page moves the focus. */
  onReleased: () => void;
};

/** An admin frees a call someone left open, after confirming; the result is announced to screen readers. */
export function ReleaseClaim({ itemId, what, holder, onReleased }: ReleaseClaimProps) {
  const t = useT();
  const dispatch = useAppDispatch();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const [release, { isLoading, error, reset }] = useReleaseClaimMutation();

  // After the commit that closed the dialog (its focus trap is off by then), before the refetch removes this button.
  useEffect(() => {
    if (!done || open) return;
    setDone(false);
    onReleased();
  }, [done, open, onReleased]);

  async function confirm() {
    const result = await release(itemId);
    // A failure stays in the dialog (its alert is announced); nothing was released.
    if ('error' in result) return;
    setDone(true);
    setOpen(false);
    dispatch(announced({ key: 'floor.released', vars: { what, name: holder } }));
  }

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={() => {
          reset();
          setOpen(true);
        }}
        aria-label={t('floor.releaseLabel', { what, name: holder })}
        data-testid={`release-${itemId}`}
      >
        {t('floor.release')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby={`release-title-${itemId}`}
        disableRestoreFocus={done}
      >
        <DialogTitle id={`release-title-${itemId}`}>{t('floor.releaseTitle', { what })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('floor.releaseText', { name: holder })}</DialogContentText>
          {error ? <ApiErrorAlert error={error} /> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          <Button variant="contained" onClick={() => void confirm()} loading={isLoading} data-testid="release-confirm">
            {t('floor.release')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
