import type { BaseSearchHook } from 'wouter';

/**
 * wouter decodes the query string (decodeURI) before URLSearchParams decodes it again, so a searched "%41"
 * would read back as "A". Escaping every % first turns wouter's decoding into a no-op: useSearch and
 * useSearchParams then see the query string exactly as written in the URL.
 */
export function rawSearch(searchHook: BaseSearchHook): BaseSearchHook {
  return (...args) => searchHook(...args).replaceAll('%', '%25');
}
