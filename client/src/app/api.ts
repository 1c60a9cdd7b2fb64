import {
  createApi,
  fetchBaseQuery,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
} from '@reduxjs/toolkit/query/react';

export const tagTypes = [
  'Me',
  'Order',
  'Client',
  'Queue',
  'Timeline',
  'Task',
  'Template',
  'Settings',
  'Call',
  'User',
  'Letter',
] as const;
export type TagType = (typeof tagTypes)[number];

// Absolute, so the same code runs where Request needs a full URL (the component tests).
const rawBaseQuery = fetchBaseQuery({ baseUrl: `${globalThis.location?.origin ?? ''}/api`, credentials: 'include' });

/** Endpoints whose 401 is an answer, not an expired session. */
const ownUnauthorized = new Set(['login', 'getMe']);

export function signInPath(location: Pick<Location, 'pathname' | 'search'>): string {
  const here = `${location.pathname}${location.search}`;
  return here.startsWith('/login') || here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/**
 * Any 401 means the session ended (expired, signed out elsewhere, user disabled): forget every
 * cached answer and go to sign-in, which brings the user back here afterwards. A full navigation
 * is deliberate: nothing of the previous user's data survives in memory.
 */
const baseQuery: BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError> = async (args, api, extra) => {
  const result = await rawBaseQuery(args, api, extra);
  if (
    result.error?.status === 401 &&
    !ownUnauthorized.has(api.endpoint) &&
    !window.location.pathname.startsWith('/login')
  ) {
    api.dispatch(baseApi.util.resetApiState());
    window.location.assign(signInPath(window.location));
  }
  return result;
};

export const baseApi = createApi({
  reducerPath: 'api',
  baseQuery,
  tagTypes,
  refetchOnFocus: true,
  refetchOnReconnect: true,
  endpoints: () => ({}),
});

/** Tags for a list answer: one per item plus the LIST tag that creations invalidate. */
export function listTags<T extends TagType>(type: T, items: readonly { id: string }[] | undefined) {
  return [...(items ?? []).map(({ id }) => ({ type, id })), { type, id: 'LIST' as const }];
}
