import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';

/**
 * A list's view (filters, page, page size) kept in the URL, so it can be bookmarked and shared.
 * Changing a filter goes back to the first page; turning the page keeps the filters.
 */
export function useUrlView<V extends { page: number; limit: number }>(
  fromParams: (params: URLSearchParams) => V,
  toParams: (view: V) => URLSearchParams,
) {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => fromParams(params), [fromParams, params]);
  const update = useCallback(
    (patch: Partial<V>) => setParams((current) => toParams({ ...fromParams(current), ...patch })),
    [fromParams, toParams, setParams],
  );
  const change = useCallback((patch: Partial<V>) => update({ page: 1, ...patch } as Partial<V>), [update]);
  const goToPage = useCallback((page: number) => update({ page } as Partial<V>), [update]);
  const reset = useCallback((to: V) => setParams(toParams(to)), [toParams, setParams]);
  return { view, change, goToPage, reset };
}
