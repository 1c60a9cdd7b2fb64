import type { ReactNode } from 'react';
import { Button, Stack } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';

type Props = {
  /** The section heading's id, when the form is to be named by it. */
  labelledBy?: string;
  onSave: () => void;
  /** Also what Escape does anywhere in the form. */
  onCancel: () => void;
  /** What the server answered to the last save. */
  error: unknown;
  saving: boolean;
  saveLabel: string;
  saveDisabled?: boolean;
  saveTestId: string;
  /** The fields. */
  children: ReactNode;
};

/** A card section edited in place: its fields, the server's error, Cancel and Save; Enter saves, Escape cancels. */
export function CardEditForm(props: Props) {
  const t = useT();
  return (
    <Stack
      component="form"
      aria-labelledby={props.labelledBy}
      spacing={1}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      {props.children}
      {props.error ? <ApiErrorAlert error={props.error} /> : null}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        <Button
          type="submit"
          variant="contained"
          loading={props.saving}
          disabled={props.saveDisabled}
          data-testid={props.saveTestId}
        >
          {props.saveLabel}
        </Button>
      </Stack>
    </Stack>
  );
}
