/**
 * In-process answers to a read, by key, for `ttlMs`. The service that changes what was read drops
 * it (`drop`) so its own process sees the change at once; the TTL bounds how long another process
 * on the same MongoDB (or a direct database edit) may go unseen. A read that began before a drop
 * is answered but not kept, so it cannot put back what the drop removed.
 */
export function readCache<K, V>(ttlMs: number, read: (key: K) => Promise<V>) {
  const entries = new Map<K, { value: V; until: number }>();
  let generation = 0;
  return {
    async get(key: K): Promise<V> {
      const now = performance.now();
      const hit = entries.get(key);
      if (hit && hit.until > now) return hit.value;
      const started = generation;
      const value = await read(key);
      if (started === generation) entries.set(key, { value, until: now + ttlMs });
      return value;
    },
    /** Forgets one key's answer, or every answer. */
    drop(key?: K): void {
      generation += 1;
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
