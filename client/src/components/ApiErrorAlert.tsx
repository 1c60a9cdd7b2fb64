import type { ReactNode } from 'react';
import { Alert, AlertTitle, Box } from '@mui/material';
import { useT, type MessageKey } from '../i18n/i18n';
import { apiErrorOf } from './api-error';

const knownCodes = new Set([
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'transition_not_allowed',
  'idempotency_conflict',
  'missing_variables',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable',
  'too_many_requests',
  'range_not_satisfiable',
  'service_unavailable',
  'internal',
  'network',
]);

/**
 * The one way API errors reach the user: a sentence for the code, then the server's specifics.
 * `title` names what failed (the code's sentence then leads the body); `action` offers what to do.
 */
export function ApiErrorAlert({
  error,
  onClose,
  title,
  action,
}: {
  error: unknown;
  onClose?: () => void;
  title?: string;
  action?: ReactNode;
}) {
  const t = useT();
  const info = apiErrorOf(error);
  if (!info) return null;
  const sentence = t((knownCodes.has(info.code) ? `error.${info.code}` : 'error.unknown') as MessageKey);
  return (
    <Alert severity="error" onClose={onClose} role="alert" action={action}>
      <AlertTitle>{title ?? sentence}</AlertTitle>
      {title ? <div>{sentence}</div> : null}
      {info.details.length > 0 ? (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {info.details.map((d, i) => (
            <li key={i}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
          ))}
        </Box>
      ) : (
        info.message
      )}
    </Alert>
  );
}
