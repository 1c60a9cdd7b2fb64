import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { isAllowedLetterHref } from '@callboard/shared';
import { useT } from '../../../i18n/i18n';

/** "shop.example/help" means https://shop.example/help; anything naming a scheme is taken as written. */
export function withScheme(value: string): string {
  const trimmed = value.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('<$') ? trimmed : `https://${trimmed}`;
}

export type LinkDialogProps = {
  /** The link under the caret, when there is one: the dialog edits it and offers to remove it. */
  currentHref: string | null;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
};

/** Asks for a link's address; only what the server keeps in a letter is accepted (http, https, mailto). */
export function LinkDialog({ currentHref, onApply, onRemove, onClose }: LinkDialogProps) {
  const t = useT();
  const [value, setValue] = useState(currentHref ?? '');
  const [invalid, setInvalid] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const href = withScheme(value);
    if (!value.trim() || !isAllowedLetterHref(href)) {
      setInvalid(true);
      return;
    }
    onApply(href);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="link-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="link-dialog-title">{t(currentHref ? 'editor.link.edit' : 'editor.link.add')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={t('editor.link.address')}
            placeholder="https://"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setInvalid(false);
            }}
            error={invalid}
            helperText={t(invalid ? 'editor.link.invalid' : 'editor.link.help')}
            slotProps={{ htmlInput: { 'data-testid': 'link-address', inputMode: 'url' } }}
          />
        </DialogContent>
        <DialogActions>
          {currentHref ? (
            <Button color="error" onClick={onRemove} sx={{ mr: 'auto' }}>
              {t('editor.link.remove')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('editor.link.apply')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
