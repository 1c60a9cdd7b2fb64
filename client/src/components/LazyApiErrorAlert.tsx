import { lazy, Suspense, type ComponentProps } from 'react';
import type { ApiErrorAlert as EagerApiErrorAlert } from './ApiErrorAlert';

const ApiErrorAlert = lazy(async () => ({ default: (await import('./ApiErrorAlert')).ApiErrorAlert }));

/**
 * ApiErrorAlert for the first screen (sign-in and the shell): fetched when there is an error to show,
 * so MUI's Alert is not part of every first download.
 */
export function LazyApiErrorAlert(props: ComponentProps<typeof EagerApiErrorAlert>) {
  return (
    <Suspense fallback={null}>
      <ApiErrorAlert {...props} />
    </Suspense>
  );
}
