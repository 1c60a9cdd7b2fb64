import { useCallback, useState } from 'react';

export const orderColumns = [
  'number',
  'date',
  'client',
  'products',
  'quantity',
  'total',
  'status',
  'paymentStatus',
  'manager',
  'tags',
] as const;
export type OrderColumn = (typeof orderColumns)[number];

export const columnStorageKey = (userId: string) => `callboard.orders.columns.${userId}`;

function readColumns(userId: string | undefined): OrderColumn[] {
  if (!userId) return [...orderColumns];
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(columnStorageKey(userId)) ?? 'null');
    if (Array.isArray(stored)) {
      const chosen = orderColumns.filter((c) => stored.includes(c));
      if (chosen.length) return chosen;
    }
  } catch {
    // An unreadable stored choice is treated as no choice.
  }
  return [...orderColumns];
}

/** Which order-list columns show, remembered per user in this browser (people share call-centre PCs). */
export function useColumnChoice(userId: string | undefined) {
  const [state, setState] = useState(() => ({ userId, columns: readColumns(userId) }));
  // The user becomes known after the first render (the session loads): read that user's choice.
  const columns = state.userId === userId ? state.columns : readColumns(userId);
  if (state.userId !== userId) setState({ userId, columns });

  const toggle = useCallback(
    (column: OrderColumn) => {
      const next = columns.includes(column)
        ? columns.filter((c) => c !== column)
        : orderColumns.filter((c) => c === column || columns.includes(c));
      // An empty table tells nothing: the last column cannot be hidden.
      if (next.length === 0) return;
      setState({ userId, columns: next });
      if (userId) globalThis.localStorage?.setItem(columnStorageKey(userId), JSON.stringify(next));
    },
    [columns, userId],
  );
  return { columns, toggle };
}
