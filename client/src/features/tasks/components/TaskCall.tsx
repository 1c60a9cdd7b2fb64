import { Skeleton } from '@mui/material';
import type { Task } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { CallButtons } from '../../calls';
import { useGetClientQuery } from '../../clients';

/** A call task's outcome buttons: the same dialogs as an order's, recorded on the task. */
export function TaskCall({
  task,
  onSaved,
}: {
  task: Task & { clientId: string; call: NonNullable<Task['call']> };
  onSaved: () => void;
}) {
  const { data: client, error } = useGetClientQuery(task.clientId);
  if (error) return <ApiErrorAlert error={error} />;
  if (!client) return <Skeleton variant="rounded" height={32} />;
  return (
    <CallButtons
      target={{ kind: 'task', id: task.id, orderId: task.orderId, clientId: task.clientId }}
      call={task.call}
      client={client}
      onSaved={onSaved}
      hotkeys={false}
    />
  );
}
