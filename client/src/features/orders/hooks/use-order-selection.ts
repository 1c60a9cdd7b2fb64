import { useCallback, useState } from 'react';
import type { BulkSelection } from '@callboard/shared';
import type { OrderListArgs } from '../api/orders-api';
import { listFilterParams } from '../list-query';

type State = { view: string; ids: string[]; allMatching: boolean };

/**
 * The rows ticked on the orders list, or "all matching the filter". A different filter is a different
 * set of orders, so the selection starts again when the view (not the page) changes.
 */
export function useOrderSelection(args: OrderListArgs, pageIds: string[]) {
  const filters = listFilterParams(args);
  const view = JSON.stringify(filters);
  const [state, setState] = useState<State>({ view, ids: [], allMatching: false });
  const current = state.view === view ? state : { view, ids: [], allMatching: false };
  if (state.view !== view) setState(current);

  const isSelected = (id: string) => current.allMatching || current.ids.includes(id);
  const pageSelected = pageIds.length > 0 && pageIds.every(isSelected);
  const pagePartly = !pageSelected && pageIds.some(isSelected);

  const toggle = useCallback(
    (id: string) =>
      setState((s) => {
        // Unticking one row of "all matching" keeps the rest of this page ticked.
        const ids = s.allMatching ? pageIds : s.ids;
        const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
        return { view: s.view, ids: next, allMatching: false };
      }),
    [pageIds],
  );
  const togglePage = useCallback(
    () =>
      setState((s) => {
        if (pageSelected)
          return {
            view: s.view,
            ids: s.allMatching ? [] : s.ids.filter((x) => !pageIds.includes(x)),
            allMatching: false,
          };
        return { view: s.view, ids: [...new Set([...s.ids, ...pageIds])], allMatching: false };
      }),
    [pageIds, pageSelected],
  );
  const selectAllMatching = useCallback(() => setState((s) => ({ ...s, ids: [], allMatching: true })), []);
  const clear = useCallback(() => setState((s) => ({ view: s.view, ids: [], allMatching: false })), []);

  const selection: BulkSelection | null = current.allMatching
    ? // The server reads these as it reads the list's query string.
      ({ query: filters } as BulkSelection)
    : current.ids.length
      ? { ids: current.ids }
      : null;
  return {
    selection,
    count: current.ids.length,
    allMatching: current.allMatching,
    isSelected,
    pageSelected,
    pagePartly,
    toggle,
    togglePage,
    selectAllMatching,
    clear,
  };
}

export type OrderSelection = ReturnType<typeof useOrderSelection>;
