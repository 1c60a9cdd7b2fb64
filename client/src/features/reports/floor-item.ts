import type { FloorQueueItem } from '@callboard/shared';
import type { Translate } from '../../i18n/i18n';

/** How the floor names an item in a row, a button and an announcement: the order's number, or the task's client. */
export function floorItemName(item: Pick<FloorQueueItem, 'kind' | 'orderNumber' | 'clientName'>, t: Translate): string {
  if (item.kind === 'order' && item.orderNumber !== null) return `#${item.orderNumber}`;
  return item.orderNumber !== null
    ? t('floor.taskOnOrder', { number: item.orderNumber })
    : t('floor.taskFor', { name: item.clientName });
}
