import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { DateTime } from 'luxon';
import type { CallOutcome, Client, FollowUpKind, Order, RecordCallBody } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { KeyHint } from '../../../components/KeyHint';
import { useAppDispatch } from '../../../app/store';
import { useNow } from '../../../components/use-now';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useGetSettingsQuery } from '../../settings';
import { LetterSection, type LetterState } from '../../letter-editor';
import { useRecordCallMutation, type CallTarget, type RecordCallResult } from '../api/calls-api';
import { sendCall } from '../send-call';
import { describeEffect } from '../effect';
import { outcomeButtons } from '../outcomes';
import { CallbackPicker } from './CallbackPicker';
import { RecordingUpload, type RecordingState } from './RecordingUpload';
import { FollowUpItems } from './FollowUpItems';
import type { ItemsValue } from '../../order-items';
import { TalkTimeField } from './TalkTimeField';
import { elapsedTalkSeconds, parseTalkTime } from '../talk-time';

export type CallDialogProps = {
  outcome: CallOutcome;
  target: CallTarget;
  /** The order the call is about (its call state drives the effect line); a task's own call state otherwise. */
  call: Order['call'];
  client: Client;
  /** When the card's talk timer started (epoch ms); null or absent: nothing measured. */
  talkFrom?: number | null;
  onClose: () => void;
  onSaved: (result: RecordCallResult) => void;
  /**
   * Given (the workbench), the call is handed to the call outbox and this is called at once: the
   * save goes on in the background and a failure is shown by the outbox, with the request kept.
   */
  onSubmitted?: () => void;
};

/** One dialog per opening: its Idempotency-Key lives as long as it does, so retries record one call. */
export function CallDialog({
  outcome,
  target,
  call,
  client,
  talkFrom = null,
  onClose,
  onSaved,
  onSubmitted,
}: CallDialogProps) {
  const t = useT();
  const fmt = useFormat();
  const dispatch = useAppDispatch();
  const now = useNow(15_000);
  const { data: settings } = useGetSettingsQuery();
  const [recordCall, { error, isLoading }] = useRecordCallMutation();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const inFlight = useRef(false);

  const validPhones = client.phones.filter((p) => !p.invalid);
  const [comment, setComment] = useState('');
  const [callbackAt, setCallbackAt] = useState<DateTime | null>(null);
  const [personal, setPersonal] = useState(true);
  const [phone, setPhone] = useState(validPhones[0]?.number ?? '');
  const [sendLetter, setSendLetter] = useState(false);
  const [letter, setLetter] = useState<LetterState | null>(null);
  const [copyToManager, setCopyToManager] = useState(false);
  const [talkText, setTalkText] = useState<string | null>(null);
  const [recording, setRecording] = useState<RecordingState>({ attachmentIds: [], busy: false });
  // "Save and create invoice" / "cancel and create order" first show the new order's items to edit.
  const [followUpStep, setFollowUpStep] = useState<{ kind: FollowUpKind; tried: boolean } | null>(null);
  const [followUpItems, setFollowUpItems] = useState<ItemsValue | null>(null);
  const onLetter = useCallback((s: LetterState) => setLetter(s), []);
  const onRecording = useCallback((s: RecordingState) => setRecording(s), []);

  const button = outcomeButtons.find((b) => b.outcome === outcome)!;
  const wantsTime = outcome === 'callback' || outcome === 'completed';
  const canLetter = Boolean(target.orderId) && client.emails.length > 0;
  const timeProblem = (outcome === 'callback' && !callbackAt) || (callbackAt !== null && callbackAt <= now);
  const letterProblem = sendLetter && !letter?.ready;
  const talkProblem = talkText !== null && parseTalkTime(talkText) === null;
  const blocked = timeProblem || letterProblem || recording.busy || talkProblem;

  async function save(followUp?: FollowUpKind) {
    if (inFlight.current || blocked) return;
    if (followUp && !followUpItems) {
      setFollowUpStep({ kind: followUp, tried: true });
      return;
    }
    inFlight.current = true;
    // Read at the save, not at each tick: the dialog does not re-render every second.
    const talkSeconds =
      talkText !== null
        ? parseTalkTime(talkText)
        : talkFrom !== null
          ? elapsedTalkSeconds(talkFrom, Date.now())
          : undefined;
    const body: RecordCallBody = {
      outcome,
      ...(typeof talkSeconds === 'number' ? { talkSeconds } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(wantsTime && callbackAt ? { callbackAt: callbackAt.toUTC().toISO()!, personal } : {}),
      ...(sendLetter && letter ? { letter: letter.letter, copyToManager } : {}),
      ...(recording.attachmentIds.length ? { attachmentIds: recording.attachmentIds } : {}),
      ...(followUp && followUpItems
        ? { followUp, followUpItems: followUpItems.items, followUpDiscount: followUpItems.discount }
        : {}),
      ...(outcome === 'invalid_contact' && phone ? { phone } : {}),
    };
    if (onSubmitted) {
      void dispatch(sendCall({ key: idempotencyKey, target, body, clientName: client.name }));
      onSubmitted();
      return;
    }
    const result = await recordCall({ target, body, idempotencyKey });
    if ('data' in result && result.data) {
      onSaved(result.data);
      return;
    }
    // Everything typed stays; the same key makes the retry safe if the first attempt did land.
    inFlight.current = false;
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    const target = e.target as HTMLElement;
    const inEditor = target.isContentEditable;
    if (target.tagName === 'BUTTON' || (inEditor && !e.ctrlKey && !e.metaKey)) return;
    e.preventDefault();
    void save(followUpStep?.kind);
  }

  const effect = describeEffect({
    outcome,
    call,
    now,
    callbackAt: wantsTime ? callbackAt : null,
    attemptCap: settings?.attemptCap ?? null,
    phone: phone || null,
  });
  const effectText = t(effect.key, {
    ...effect.vars,
    ...(effect.vars?.status ? { status: t(`status.${effect.vars.status}` as MessageKey) } : {}),
    when: effect.when ? fmt.calendarTime(effect.when.toISO()!, now) : '',
  });

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth={sendLetter ? 'lg' : followUpStep ? 'md' : 'sm'}
      fullWidth
      onKeyDown={onKeyDown}
      aria-labelledby="call-dialog-title"
    >
      <DialogTitle id="call-dialog-title">
        {t(button.label)}{' '}
        <Typography component="span" variant="caption" color="text.secondary" aria-hidden>
          ({button.key})
        </Typography>
      </DialogTitle>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          <TextField
            label={t('call.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            multiline
            minRows={2}
            autoFocus
            helperText={t('call.enterHint')}
          />
          <TalkTimeField from={talkFrom} value={talkText} onChange={setTalkText} />
          {wantsTime ? (
            <CallbackPicker
              value={callbackAt}
              onChange={setCallbackAt}
              required={outcome === 'callback'}
              clientZone={client.timezone}
              now={now}
              personal={personal}
              onPersonalChange={setPersonal}
              graceMinutes={settings?.callbackGraceMinutes ?? null}
            />
          ) : null}
          {outcome === 'invalid_contact' && validPhones.length > 1 ? (
            <TextField select label={t('call.phoneCalled')} value={phone} onChange={(e) => setPhone(e.target.value)}>
              {validPhones.map((p) => (
                <MenuItem key={p.number} value={p.number}>
                  {p.display}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
          <Divider />
          <Stack direction="row" spacing={2}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={sendLetter}
                  onChange={(e) => setSendLetter(e.target.checked)}
                  disabled={!canLetter}
                />
              }
              label={canLetter ? t('call.sendLetter') : t('call.noEmail')}
            />
            {sendLetter ? (
              <FormControlLabel
                control={<Checkbox checked={copyToManager} onChange={(e) => setCopyToManager(e.target.checked)} />}
                label={t('call.copyToManager')}
              />
            ) : null}
          </Stack>
          {sendLetter && target.orderId ? (
            <LetterSection outcome={outcome} orderId={target.orderId} onChange={onLetter} />
          ) : null}
          {target.orderId ? <RecordingUpload orderId={target.orderId} onChange={onRecording} /> : null}
          {followUpStep && target.orderId ? (
            <FollowUpItems
              kind={followUpStep.kind}
              orderId={target.orderId}
              showAllProblems={followUpStep.tried}
              onChange={setFollowUpItems}
            />
          ) : null}
          <Alert severity="info" icon={false} data-testid="call-effect">
            {effectText}
          </Alert>
          {error ? <ApiErrorAlert error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} aria-keyshortcuts="Escape">
          {t('common.cancel')}
          <KeyHint after>Esc</KeyHint>
        </Button>
        {followUpStep ? (
          <Button onClick={() => setFollowUpStep(null)}>{t('followUp.back')}</Button>
        ) : outcome === 'completed' && target.kind === 'order' ? (
          <>
            <Button onClick={() => setFollowUpStep({ kind: 'invoice', tried: false })} disabled={isLoading}>
              {t('call.saveInvoice')}…
            </Button>
            <Button onClick={() => setFollowUpStep({ kind: 'replace', tried: false })} disabled={isLoading}>
              {t('call.saveReplace')}…
            </Button>
          </>
        ) : null}
        <Button
          variant="contained"
          onClick={() => save(followUpStep?.kind)}
          disabled={blocked}
          loading={isLoading}
          aria-keyshortcuts="Enter"
          data-testid="call-save"
        >
          {followUpStep ? t('followUp.confirm') : t('call.save')}
          <KeyHint after>Enter</KeyHint>
        </Button>
      </DialogActions>
    </Dialog>
  );
}
