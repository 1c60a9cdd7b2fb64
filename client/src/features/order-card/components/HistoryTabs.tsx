import { useState } from 'react';
import { Box, Tab, Tabs } from '@mui/material';
import { useT } from '../../../i18n/i18n';
import { ClientCallsList, ClientOrdersList } from '../../clients';
import { OrderTasks } from '../../tasks';
import { OrderPayments } from '../../payments';
import { useGetTimelineQuery } from '../../orders';
import { OrderNoteForm } from './OrderNoteForm';
import { Timeline } from './Timeline';

type TabId = 'history' | 'payments' | 'tasks' | 'orders' | 'orderCalls' | 'taskCalls';

export function HistoryTabs({ orderId, clientId }: { orderId: string; clientId: string }) {
  const t = useT();
  const [tab, setTab] = useState<TabId>('history');
  const timeline = useGetTimelineQuery(orderId);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Tabs
        value={tab}
        onChange={(_e, v: TabId) => setTab(v)}
        variant="scrollable"
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="history" label={t('tabs.history')} />
        <Tab value="payments" label={t('tabs.payments')} data-testid="payments-tab" />
        <Tab value="tasks" label={t('tabs.tasks')} />
        <Tab value="orders" label={t('tabs.orders')} />
        <Tab value="orderCalls" label={t('tabs.orderCalls')} />
        <Tab value="taskCalls" label={t('tabs.taskCalls')} />
      </Tabs>
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', p: 1 }} role="tabpanel">
        {tab === 'history' ? (
          <>
            <OrderNoteForm orderId={orderId} />
            <Timeline items={timeline.data} loading={timeline.isLoading} />
          </>
        ) : tab === 'payments' ? (
          <OrderPayments orderId={orderId} />
        ) : tab === 'tasks' ? (
          <OrderTasks orderId={orderId} clientId={clientId} />
        ) : tab === 'orders' ? (
          <ClientOrdersList clientId={clientId} />
        ) : (
          <ClientCallsList clientId={clientId} kind={tab === 'orderCalls' ? 'order' : 'task'} />
        )}
      </Box>
    </Box>
  );
}
