import { useCallback, useEffect, useRef } from 'react';
import { Alert, Box, Button, Chip, FormControlLabel, Paper, Skeleton, Stack, Switch, Typography } from '@mui/material';
import { DateTime } from 'luxon';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { KeyHint } from '../../../components/KeyHint';
import { useFocusWhenShown } from '../../../components/use-focus-when-shown';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useAppDispatch, useAppSelector, useAppStore } from '../../../app/store';
import { useT } from '../../../i18n/i18n';
import { unsavedItemIds } from '../../call-outbox';
import { CallButtons, isTyping, PendingCalls } from '../../calls';
import { ClientContacts } from '../../clients';
import { OrderCard } from '../../order-card';
import { ordersApi } from '../../orders';
import { useGetSettingsQuery } from '../../settings';
import { useClaimNextMutation, useGetQueueCountQuery, type QueueItem } from '../api/queue-api';
import { autoAdvanceToggled, itemClosed, itemOpened, queueEmpty, type OpenItem } from '../workbench-slice';
import { DueReason } from './DueReason';
import { QueueOutlook } from './QueueOutlook';

function openItemOf({ item, claimedAt }: Claimed, claimMinutes: number): OpenItem {
  return {
    kind: item.kind,
    id: item.kind === 'order' ? item.order!.id : item.task!.id,
    orderId: item.kind === 'order' ? item.order!.id : (item.task?.orderId ?? null),
    clientId: item.client?.id ?? null,
    claimExpiresAt: DateTime.fromMillis(claimedAt).plus({ minutes: claimMinutes }).toISO()!,
    why: item.why,
    dueAt: item.dueAt,
    taskTitle: item.task?.title ?? null,
  };
}

/** A claim's answer: the item (null when nothing was due) and when it was taken. */
type Claimed = { item: QueueItem; claimedAt: number };

/**
 * A manager's home: the due count, "take next", and the claimed item's card with the call buttons.
 * Speed comes from two things: when a call dialog opens, the next item is claimed ahead (passing
 * over the one on screen), and a save goes to the call outbox in the background, so the next card
 * paints as soon as the save key is pressed.
 */
export function WorkbenchPage() {
  const t = useT();
  const dispatch = useAppDispatch();
  const store = useAppStore();
  const { open, autoAdvance, nothingDue } = useAppSelector((s) => s.workbench);
  const queue = useGetQueueCountQuery();
  const { data: settings } = useGetSettingsQuery();
  const claimMinutes = settings?.claimMinutes ?? 10;
  const [claimNow, claimState] = useClaimNextMutation();
  const [claimAhead] = useClaimNextMutation();
  const ahead = useRef<Promise<Claimed | null | undefined> | null>(null);
  const lastItem = useRef<QueueItem | null>(null);
  const focusTaskHeading = useFocusWhenShown<HTMLHeadingElement>(true);

  /** undefined: the claim failed (claimState shows why for a claim the manager asked for). */
  const claim = useCallback(
    async (trigger: typeof claimNow, except: string[]): Promise<Claimed | null | undefined> => {
      const result = await trigger({ except });
      if (!('data' in result)) return undefined;
      const item = result.data;
      if (!item) return null;
      // An order's claim carries the order and client: the card paints without another round trip.
      // A task's carries only the task, so its order is fetched now, while the manager is still on
      // the previous card, rather than after the save.
      if (item.order && item.client) {
        dispatch(ordersApi.util.upsertQueryData('getOrder', item.order.id, { order: item.order, client: item.client }));
      } else if (item.task?.orderId) {
        void dispatch(ordersApi.util.prefetch('getOrder', item.task.orderId, { ifOlderThan: 30 }));
      }
      return { item, claimedAt: Date.now() };
    },
    [dispatch],
  );

  const show = useCallback(
    (claimed: Claimed | null) => {
      if (!claimed) {
        dispatch(queueEmpty());
        return;
      }
      lastItem.current = claimed.item;
      dispatch(itemOpened(openItemOf(claimed, claimMinutes)));
    },
    [dispatch, claimMinutes],
  );

  const unsaved = useCallback(() => unsavedItemIds(store.getState().callOutbox), [store]);

  /** Opens the item claimed ahead if it is still held with time to spare, else claims now. */
  const takeNext = useCallback(async () => {
    const pending = ahead.current;
    ahead.current = null;
    const early = pending ? await pending : undefined;
    if (early && Date.now() - early.claimedAt < (claimMinutes - 1) * 60_000) {
      show(early);
      return;
    }
    const claimed = await claim(claimNow, unsaved());
    if (claimed !== undefined) show(claimed);
  }, [claim, claimNow, show, unsaved, claimMinutes]);

  const onDialogOpened = useCallback(() => {
    // Only while auto-advancing: a manager who pauses should not hold an item they will not call.
    if (!autoAdvance || ahead.current || !open) return;
    ahead.current = claim(claimAhead, [open.id, ...unsaved()]);
  }, [autoAdvance, open, claim, claimAhead, unsaved]);

  const afterSubmit = useCallback(() => {
    if (autoAdvance) void takeNext();
    else dispatch(itemClosed());
  }, [autoAdvance, takeNext, dispatch]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      if (e.key === 'n' || e.key === 'N') {
        e.preventDefault();
        void takeNext();
      } else if (e.key === 'a' || e.key === 'A') {
        e.preventDefault();
        dispatch(autoAdvanceToggled());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [takeNext, dispatch]);

  const due = queue.data?.due ?? 0;
  const item = lastItem.current;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 1.5, pt: 1.5 }}>
        {/* "Due now: 0" before the first answer would read as an empty queue. */}
        {queue.isLoading ? (
          <Skeleton variant="rounded" width={110} height={32} />
        ) : (
          <Chip
            color={due > 0 ? 'primary' : 'default'}
            label={t('workbench.due', { count: queue.data?.more ? `${due}+` : due })}
            data-testid="due-count"
          />
        )}
        <Button
          variant="contained"
          onClick={() => void takeNext()}
          loading={claimState.isLoading}
          aria-keyshortcuts="N"
          data-testid="take-next"
        >
          <KeyHint>N</KeyHint>
          {t('workbench.takeNext')}
        </Button>
        <FormControlLabel
          control={
            <Switch
              checked={autoAdvance}
              onChange={() => dispatch(autoAdvanceToggled())}
              slotProps={{ input: { 'aria-keyshortcuts': 'A' } }}
            />
          }
          label={
            <>
              {t('workbench.autoAdvance')} <span aria-hidden>(A)</span>
            </>
          }
        />
        {claimState.error ? <ApiErrorAlert error={claimState.error} /> : null}
      </Stack>
      <PendingCalls />
      <Box sx={{ flex: 1, minHeight: 0 }}>
        {open?.orderId ? (
          <OrderCard
            key={`${open.kind}:${open.id}`}
            orderId={open.orderId}
            target={
              open.kind === 'task'
                ? { kind: 'task', id: open.id, orderId: open.orderId, clientId: open.clientId ?? '' }
                : undefined
            }
            targetCall={open.kind === 'task' ? (item?.task?.call ?? undefined) : undefined}
            banner={<DueReason item={open} />}
            onSubmitted={afterSubmit}
            onDialogOpened={onDialogOpened}
            hotkeys
            claimed
            focusHeading
          />
        ) : open && item?.client && item.task?.call ? (
          <Paper sx={{ m: 1.5, p: 2 }} data-testid="task-card">
            <DueReason item={open} />
            <Typography variant="h6" component="h1" tabIndex={-1} ref={focusTaskHeading}>
              {item.client.name}
            </Typography>
            <ClientContacts client={item.client} />
            <Box sx={{ mt: 1 }}>
              <CallButtons
                target={{ kind: 'task', id: open.id, orderId: null, clientId: item.client.id }}
                call={item.task.call}
                client={item.client}
                onSubmitted={afterSubmit}
                onDialogOpened={onDialogOpened}
                hotkeys
                claimed
              />
            </Box>
          </Paper>
        ) : (
          <Box sx={{ p: 4, textAlign: 'center' }}>
            {/* With a card open, its heading is the page's first. */}
            <Typography component="h1" sx={visuallyHidden}>
              {t('nav.workbench')}
            </Typography>
            {nothingDue ? (
              <Alert severity="success" sx={{ display: 'inline-flex' }} data-testid="nothing-due">
                {t('workbench.nothingDue')}
              </Alert>
            ) : (
              <Typography color="text.secondary">{t('workbench.hint')}</Typography>
            )}
            {/* Asked only when the count says 0, so a busy floor pays nothing for it. */}
            {queue.data && due === 0 ? <QueueOutlook /> : null}
          </Box>
        )}
      </Box>
    </Box>
  );
}
