import { jest } from '@jest/globals';
import type { CallOutcome, Order } from '@callboard/shared';
import { makeClient, makeOrder } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { CallDialog } from '../components/CallDialog';

export const order = makeOrder();
export const client = makeClient();
export const target = { kind: 'order' as const, id: order.id, orderId: order.id, clientId: client.id };

/** The call dialog about `order`, as the card opens it; answers the mock its `onSaved`. */
export function renderCallDialog(
  outcome: CallOutcome,
  { call = order.call, talkFrom }: { call?: Order['call']; talkFrom?: number | null } = {},
) {
  const onSaved = jest.fn();
  renderWithProviders(
    <CallDialog
      outcome={outcome}
      target={target}
      call={call}
      client={client}
      talkFrom={talkFrom}
      onClose={() => undefined}
      onSaved={onSaved}
    />,
  );
  return onSaved;
}
