import type { FormEvent, ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useT } from '../i18n/i18n';
import { ApiErrorAlert } from './ApiErrorAlert';

type Props = {
  /** The title's id, which names the dialog for screen readers. */
  titleId: string;
  title: ReactNode;
  maxWidth: 'xs' | 'sm' | 'md';
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  /** False leaves the required fields to the browser's own check before submitting. */
  noValidate?: boolean;
  /** What the server answered to the last submit, shown under the fields. */
  error?: unknown;
  submitLabel: ReactNode;
  submitting: boolean;
  submitDisabled?: boolean;
  submitTestId?: string;
  /** An action set apart on the left of Cancel (e.g. delete). */
  sideAction?: ReactNode;
  spacing?: number;
  fieldsTestId?: string;
  /** The fields. */
  children: ReactNode;
};

/** A dialog holding one form: fields over the server's error, Cancel and the submit button below. */
export function FormDialog(props: Props) {
  const t = useT();
  return (
    <Dialog open onClose={props.onClose} maxWidth={props.maxWidth} fullWidth aria-labelledby={props.titleId}>
      <form onSubmit={props.onSubmit} noValidate={props.noValidate}>
        <DialogTitle id={props.titleId}>{props.title}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={props.spacing ?? 1.5} data-testid={props.fieldsTestId}>
            {props.children}
            {props.error ? <ApiErrorAlert error={props.error} /> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          {props.sideAction}
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            loading={props.submitting}
            disabled={props.submitDisabled}
            data-testid={props.submitTestId}
          >
            {props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
