import mongoose, { type Model, type Query, type Schema } from 'mongoose';
import sift from 'sift';
import { logger } from '../lib/logger.js';
import { countMatching } from './count.js';

/**
 * An in-process copy of a whole collection, for the embedded mode only (docs/architecture.md, "Only
 * `_id` is cheap on FerretDB, so the embedded mode reads from memory"). FerretDB answers any filter
 * but `_id` equality by scanning the collection (~70 µs a document), so at 20,000 orders a list page,
 * a search or the queue's due range would take seconds. The embedded mode is one process on one connection, so every write
 * passes through this process: Mongoose middleware on the schema re-reads each document a write
 * touched (by `_id`, which FerretDB answers from its index) before the write's promise resolves,
 * and reads answer from memory with the same filters (sift, MongoDB's query semantics) and sorts.
 * Off (reads go to the database) on MongoDB, which answers them from indexes, and while the copy is
 * in doubt (a write it could not follow, a re-read that failed) until a reload succeeds.
 */

type Id = mongoose.Types.ObjectId | string;
/** A document as `.lean()` reads it. */
export type MirroredDoc = { _id: Id } & Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
/**
 * `groupBy`: fields read by equality (a map of value to ids); `keepSorted`: sorts read a page at a time
 * over much of the collection; `omit`: large top-level fields no mirrored read needs (a letter's body),
 * left in the database: a read that would return them goes there.
 */
export type MirrorOptions = { groupBy?: string[]; keepSorted?: SortSpec[]; omit?: string[] };
export type FindOptions = {
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1> | string;
};

const writeQueries = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;

/** Above this many documents a re-read is one `$in` query (a scan) rather than one look-up each. */
const manyAtOnce = 40;

const mirrors: MemoryMirror<MirroredDoc>[] = [];

/** Reads the value at a dotted path (never through arrays: no sort or group key here needs it). */
function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A sortable form in MongoDB's order for the types our sort keys hold: null first, then numbers, strings, ids, dates. */
function sortKey(value: unknown): [number, number | string] {
  if (value === null || value === undefined) return [0, 0];
  if (typeof value === 'number') return [1, value];
  if (typeof value === 'string') return [2, value];
  if (value instanceof mongoose.Types.ObjectId) return [3, value.toHexString()];
  if (value instanceof Date) return [4, value.getTime()];
  return [5, String(value)];
}

type Keyed<D> = { doc: D; keys: [number, number | string][] };

function keyedComparator(sort: SortSpec): (a: Keyed<unknown>, b: Keyed<unknown>) => number {
  const dirs = Object.values(sort);
  return (a, b) => {
    for (const [i, dir] of dirs.entries()) {
      const [ta, va] = a.keys[i]!;
      const [tb, vb] = b.keys[i]!;
      if (ta !== tb) return (ta - tb) * dir;
      if (va !== vb) return (va < vb ? -1 : 1) * dir;
    }
    return 0;
  };
}

const keyed = <D extends MirroredDoc>(doc: D, paths: string[]): Keyed<D> => ({
  doc,
  keys: paths.map((path) => sortKey(valueAt(doc, path))),
});

/** The documents in the sort's order; each document's keys are read once, not at every comparison. */
function sortDocs<D extends MirroredDoc>(docs: D[], sort: SortSpec): D[] {
  const paths = Object.keys(sort);
  return docs
    .map((doc) => keyed(doc, paths))
    .sort(keyedComparator(sort))
    .map((k) => k.doc);
}

/**
 * A sort the copy keeps its documents in (a list's newest first, the queue's longest waiting first), so
 * a page in that order walks from the start and stops once it has enough, instead of sorting every match.
 */
class KeptOrder<D extends MirroredDoc> {
  private readonly paths: string[];
  private readonly compare: (a: Keyed<unknown>, b: Keyed<unknown>) => number;
  items: Keyed<D>[] = [];

  constructor(readonly sort: SortSpec) {
    this.paths = Object.keys(sort);
    this.compare = keyedComparator(sort);
  }

  /** The first position whose item sorts after `item` (`after`), or not before it. */
  private position(item: Keyed<D>, after: boolean): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.compare(this.items[mid]!, item);
      if (c < 0 || (after && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(doc: D): void {
    const item = keyed(doc, this.paths);
    this.items.splice(this.position(item, true), 0, item);
  }

  remove(doc: D): void {
    let i = this.position(keyed(doc, this.paths), false);
    while (i < this.items.length && this.items[i]!.doc !== doc) i += 1;
    if (i < this.items.length) this.items.splice(i, 1);
  }

  reset(docs: D[]): void {
    this.items = docs.map((doc) => keyed(doc, this.paths)).sort(this.compare);
  }

  /**
   * Where a walk for this filter starts and ends: a range on the first sort field (ascending) skips
   * what sorts before its lower end — nulls, which a range never matches, among them — and stops
   * after its upper end.
   */
  bounds(filter: Record<string, unknown>): { from: number; stop: (item: Keyed<D>) => boolean } {
    const [path, dir] = Object.entries(this.sort)[0]!;
    const range = filter[path] as Record<string, unknown> | undefined;
    const none = { from: 0, stop: () => false };
    const isRange =
      range !== null && typeof range === 'object' && ['$gt', '$gte', '$lt', '$lte'].some((op) => op in range);
    if (dir !== 1 || !isRange) return none;
    const [type, upper] = '$lte' in range ? sortKey(range.$lte) : '$lt' in range ? sortKey(range.$lt) : [-1, 0];
    // Nulls sort first (type 0): the walk starts at the first item that is not one.
    let from = 0;
    let to = this.items.length;
    while (from < to) {
      const mid = (from + to) >> 1;
      if (this.items[mid]!.keys[0]![0] === 0) from = mid + 1;
      else to = mid;
    }
    const stop = (item: Keyed<D>) => {
      const [t, v] = item.keys[0]!;
      return type !== -1 && (t > type || (t === type && v > upper));
    };
    return { from, stop };
  }
}

/** Frozen, so a caller that changes a document it read fails loudly instead of changing the copy. */
function deepFreeze<T>(value: T): T {
  if (Array.isArray(value) || (value !== null && typeof value === 'object' && value.constructor === Object)) {
    for (const inner of Object.values(value as object)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const idOf = (id: unknown) => String(id);

/** MongoDB's filter semantics as a test of one document (the package's CommonJS default, typed as `.default`). */
const tester = <D>(filter: Record<string, unknown>) => sift.default(filter as never) as (doc: D) => boolean;

/** The plain value of an equality condition on a key (`{k: v}` or `{k: {$eq: v}}`), else undefined. */
function equalityValue(condition: unknown): unknown[] | undefined {
  const plain = (v: unknown) => v === null || typeof v !== 'object' || v instanceof mongoose.Types.ObjectId;
  if (plain(condition)) return [condition];
  const ops = condition as Record<string, unknown>;
  const keys = Object.keys(ops);
  if (keys.length === 1 && keys[0] === '$eq' && plain(ops.$eq)) return [ops.$eq];
  if (keys.length === 1 && keys[0] === '$in' && Array.isArray(ops.$in) && ops.$in.every(plain)) return ops.$in;
  return undefined;
}

export class MemoryMirror<T extends MirroredDoc> {
  private model: Model<unknown> | null = null;
  private readonly docs = new Map<string, T>();
  /** Equality look-ups by these fields: field → value → ids. */
  private readonly groups = new Map<string, Map<string, Set<string>>>();
  /** Ids whose re-read is under way: a multi-document write re-reads them too (see `idsFor`). */
  private readonly refreshing = new Map<string, number>();
  private active = false;
  private reloading: Promise<void> | null = null;
  /**
   * Ids a write changed while the whole collection was being read: the read may predate the write,
   * so they are read again once it ends.
   */
  private changedWhileLoading: Set<string> | null = null;
  /** Bumped by every change to the copy: the memo below holds only for the version it was made at. */
  private version = 0;
  /**
   * The last filter answered, with its matches in the last order asked: the queue reads its due items
   * a page at a time with the same filter (its `now` fixed) and a list counts what it pages, so these
   * reuse one pass over the collection.
   */
  private memo: { version: number; filter: string; sort: string; docs: T[] } | null = null;
  private readonly pendingIds = new WeakMap<object, string[] | null>();
  /** Sorts kept up to date, by their JSON. */
  private readonly kept = new Map<string, KeptOrder<T>>();

  private readonly omit: string[];
  /** What the copy reads of each document: all but the omitted fields. */
  private readonly stored: Record<string, 0> | null;

  constructor(
    private readonly schema: Schema,
    { groupBy = [], keepSorted = [], omit = [] }: MirrorOptions = {},
  ) {
    for (const field of groupBy) this.groups.set(field, new Map());
    for (const sort of keepSorted) this.kept.set(JSON.stringify(sort), new KeptOrder<T>(sort));
    this.omit = omit;
    this.stored = omit.length > 0 ? Object.fromEntries(omit.map((field) => [field, 0 as const])) : null;
    this.watchWrites();
    mirrors.push(this as unknown as MemoryMirror<MirroredDoc>);
  }

  /** The copy answers reads. */
  get serving(): boolean {
    return this.active && this.reloading === null;
  }

  private get boundModel(): Model<unknown> {
    this.model ??= (Object.values(mongoose.models).find((m) => m.schema === this.schema) as Model<unknown>) ?? null;
    if (!this.model) throw new Error('A memory mirror was made for a schema with no model');
    return this.model;
  }

  // ---- keeping the copy right ----

  /** Stores the document; `loading` leaves the kept sorts to be built once at the end. */
  private put(doc: T, loading = false): void {
    this.version += 1;
    const id = idOf(doc._id);
    this.unindex(id);
    deepFreeze(doc);
    this.docs.set(id, doc);
    for (const [field, byValue] of this.groups) {
      const key = idOf(valueAt(doc, field) ?? null);
      let ids = byValue.get(key);
      if (!ids) byValue.set(key, (ids = new Set()));
      ids.add(id);
    }
    if (!loading) for (const order of this.kept.values()) order.add(doc);
    if (!loading) this.changedWhileLoading?.add(id);
  }

  private unindex(id: string): void {
    const old = this.docs.get(id);
    if (!old) return;
    this.version += 1;
    this.docs.delete(id);
    for (const [field, byValue] of this.groups) {
      const key = idOf(valueAt(old, field) ?? null);
      byValue.get(key)?.delete(id);
      if (byValue.get(key)?.size === 0) byValue.delete(key);
    }
    for (const order of this.kept.values()) order.remove(old);
  }

  /** Reads these documents again from the database; one gone there goes here too. */
  private async refresh(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    for (const id of ids) this.refreshing.set(id, (this.refreshing.get(id) ?? 0) + 1);
    try {
      const model = this.boundModel;
      const found: T[] =
        ids.length > manyAtOnce
          ? await model.find({ _id: { $in: ids } }, this.stored).lean<T[]>()
          : (await Promise.all(ids.map((id) => model.findById(id, this.stored).lean<T>()))).flatMap((d) =>
              d ? [d as T] : [],
            );
      const seen = new Set(found.map((d) => idOf(d._id)));
      for (const id of ids)
        if (!seen.has(id)) {
          this.unindex(id);
          this.changedWhileLoading?.add(id);
        }
      for (const doc of found) this.put(doc);
    } finally {
      for (const id of ids) {
        const left = (this.refreshing.get(id) ?? 1) - 1;
        if (left > 0) this.refreshing.set(id, left);
        else this.refreshing.delete(id);
      }
    }
  }

  /**
   * The documents a write with this filter may touch: what matches in the copy now, plus any whose
   * re-read after an earlier write has not come back yet (the copy may not show that write, the
   * database does). A filter the copy cannot evaluate leaves the set unknown (null): reload.
   */
  private idsFor(filter: Record<string, unknown>): string[] | null {
    const byId = filter._id !== undefined ? equalityValue(filter._id) : undefined;
    if (byId) return byId.map(idOf);
    try {
      const matching = this.matching(filter).map((d) => idOf(d._id));
      return [...new Set([...matching, ...this.refreshing.keys()])];
    } catch {
      return null;
    }
  }

  private watchWrites(): void {
    const options = { document: false, query: true } as const;
    const before = (query: Query<unknown, unknown>) => {
      if (this.active) this.pendingIds.set(query, this.idsFor(query.getFilter() as Record<string, unknown>));
    };
    const after = async (query: Query<unknown, unknown>, result: unknown) => {
      if (!this.active) return;
      const ids = this.pendingIds.get(query);
      this.pendingIds.delete(query);
      const upserted = (result as { upsertedId?: unknown } | null)?.upsertedId;
      const returned = (result as { _id?: unknown } | null)?._id;
      if (ids === null || ids === undefined) return this.reloadSoon('a write the copy could not follow');
      const all = [...ids, ...[upserted, returned].filter((v) => v !== undefined && v !== null).map(idOf)];
      await this.refresh([...new Set(all)]).catch((err: unknown) => this.reloadSoon(err));
    };
    const saved = async (doc: mongoose.Document, isNew: boolean) => {
      if (!this.active) return;
      if (isNew) this.put(this.withoutOmitted(doc.toBSON() as T));
      else await this.refresh([idOf(doc._id)]).catch((err: unknown) => this.reloadSoon(err));
    };
    const inserted = (docs: (mongoose.Document | T)[]) => {
      if (!this.active) return;
      for (const doc of docs)
        this.put(this.withoutOmitted((doc instanceof mongoose.Document ? doc.toBSON() : doc) as T));
    };

    this.schema.pre([...writeQueries], options, function (this: Query<unknown, unknown>) {
      before(this);
    });
    this.schema.post([...writeQueries], options, async function (this: Query<unknown, unknown>, result: unknown) {
      await after(this, result);
    });
    // A write that failed may still have reached the database (a timeout): read its documents again.
    // Three parameters make it Mongoose's error handler; the error goes on to the caller regardless.
    this.schema.post(
      [...writeQueries],
      options,
      async function (this: Query<unknown, unknown>, _error: unknown, _result: unknown, _next: unknown) {
        await after(this, null);
      },
    );
    // A new document is stored as Mongoose sends it (toBSON); a changed one may have been read with a
    // projection, so it is read again.
    const created = new WeakSet<object>();
    this.schema.pre('save', function (this: mongoose.Document) {
      if (this.isNew) created.add(this);
    });
    this.schema.post('save', async function (doc: mongoose.Document) {
      await saved(doc, created.has(doc));
    });
    this.schema.post('insertMany', function (docs: unknown) {
      inserted(docs as (mongoose.Document | T)[]);
    });
  }

  private withoutOmitted(doc: T): T {
    if (this.omit.length === 0) return doc;
    const copy: Record<string, unknown> = { ...doc };
    for (const field of this.omit) delete copy[field];
    return copy as T;
  }

  /** The copy holds what this projection asks for: nothing it omits. */
  private covers(projection: FindOptions['projection']): boolean {
    if (this.omit.length === 0) return true;
    if (!projection || typeof projection === 'string') return false;
    const values = Object.values(projection);
    return values.length > 0 && values.every((v) => v === 0)
      ? this.omit.every((field) => projection[field] === 0)
      : this.omit.every((field) => !(field in projection));
  }

  /** Serving stops until the whole collection is read again (retried until it succeeds). */
  private reloadSoon(why: unknown): void {
    if (this.reloading) return;
    logger.warn(`The memory mirror of ${this.boundModel.collection.collectionName} is reloading: ${String(why)}`);
    this.reloading = (async () => {
      for (let wait = 1_000; ; wait = Math.min(wait * 2, 30_000)) {
        try {
          await this.load();
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    })().finally(() => (this.reloading = null));
  }

  private async load(): Promise<void> {
    const changed = new Set<string>();
    this.changedWhileLoading = changed;
    try {
      const docs = await this.boundModel.find({}, this.stored).lean<T[]>();
      this.clear();
      for (const doc of docs) this.put(doc, true);
      for (const order of this.kept.values()) order.reset([...this.docs.values()]);
    } finally {
      this.changedWhileLoading = null;
    }
    await this.refresh([...changed]);
  }

  private clear(): void {
    this.version += 1;
    this.memo = null;
    this.docs.clear();
    for (const byValue of this.groups.values()) byValue.clear();
    for (const order of this.kept.values()) order.reset([]);
  }

  /** Starts following writes and reads the collection whole; returns how many documents it holds. */
  async start(): Promise<number> {
    this.active = true;
    await this.load();
    return this.docs.size;
  }

  stop(): void {
    this.active = false;
    this.clear();
  }

  // ---- reads ----

  /** Shown to Mongoose's debug hook as the query MongoDB would be sent (the query-shape audit reads it). */
  private report(
    method: 'find' | 'countDocuments' | 'estimatedDocumentCount',
    filter: Record<string, unknown>,
    options: FindOptions,
  ): void {
    const debug = mongoose.get('debug');
    if (typeof debug === 'function')
      (debug as (...args: unknown[]) => void)(this.boundModel.collection.collectionName, method, filter, {
        ...(options.sort ? { sort: options.sort } : {}),
        ...(options.projection ? { projection: options.projection } : {}),
      });
  }

  private cast(filter: Record<string, unknown>): Record<string, unknown> {
    const model = this.boundModel;
    return model.find(filter).cast(model) as Record<string, unknown>;
  }

  /**
   * Candidates narrowed by an `_id` or grouped-field equality in the filter, else null: every document.
   * `exact` when that equality is the whole filter, so every candidate matches without a test.
   */
  private candidates(filter: Record<string, unknown>): { docs: T[]; exact: boolean } | null {
    const exact = Object.keys(filter).length === 1;
    const byId = filter._id !== undefined ? equalityValue(filter._id) : undefined;
    if (byId) return { docs: byId.flatMap((id) => this.docs.get(idOf(id)) ?? []), exact };
    for (const [field, byValue] of this.groups) {
      const values = filter[field] !== undefined ? equalityValue(filter[field]) : undefined;
      if (values) {
        const docs = [...new Set(values.map((v) => idOf(v ?? null)))].flatMap((v) =>
          [...(byValue.get(v) ?? [])].map((id) => this.docs.get(id)!),
        );
        return { docs, exact };
      }
    }
    return null;
  }

  private matching(filter: Record<string, unknown>, candidates = this.candidates(filter)): T[] {
    if (candidates?.exact) return candidates.docs;
    const test = tester<T>(filter);
    const out: T[] = [];
    for (const doc of candidates?.docs ?? this.docs.values()) if (test(doc)) out.push(doc);
    return out;
  }

  /**
   * The first `upTo` matches in a kept sort, walking it from the start; null when the filter's own
   * candidates are few (sorting those is cheaper) or the sort is not kept.
   */
  private walkKept(filter: Record<string, unknown>, sort: SortSpec, upTo: number): T[] | null {
    const order = this.kept.get(JSON.stringify(sort));
    if (!order) return null;
    const candidates = this.candidates(filter);
    if (candidates && candidates.docs.length * 8 < this.docs.size) return null;
    const test = tester<T>(filter);
    const { from, stop } = order.bounds(filter);
    const out: T[] = [];
    for (let i = from; i < order.items.length && out.length < upTo; i++) {
      const item = order.items[i]!;
      if (stop(item)) break;
      if (test(item.doc)) out.push(item.doc);
    }
    return out;
  }

  /** The matches, in the sort's order when one is given. */
  private sortedMatches(filter: Record<string, unknown>, sort: SortSpec | undefined): T[] {
    const key = JSON.stringify(filter, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v));
    const order = JSON.stringify(sort ?? null);
    const memo = this.memo?.version === this.version && this.memo.filter === key ? this.memo : null;
    if (memo && (!sort || memo.sort === order)) return memo.docs;
    const matches = memo ? memo.docs : this.matching(filter);
    const docs = sort ? sortDocs(matches, sort) : matches;
    this.memo = { version: this.version, filter: key, sort: sort ? order : (memo?.sort ?? 'null'), docs };
    return docs;
  }

  /**
   * Like `Model.find(filter, projection).sort().skip().limit().lean()`. From the copy, documents come
   * whole (a projection only narrows what MongoDB sends) and frozen.
   */
  async find(filter: Record<string, unknown>, options: FindOptions = {}): Promise<T[]> {
    if (!this.serving || !this.covers(options.projection)) {
      let query = this.boundModel.find(filter, options.projection ?? null);
      if (options.sort) query = query.sort(options.sort);
      if (options.skip) query = query.skip(options.skip);
      if (options.limit) query = query.limit(options.limit);
      return query.lean<T[]>();
    }
    const cast = this.cast(filter);
    this.report('find', cast, options);
    const from = options.skip ?? 0;
    const upTo = options.limit ? from + options.limit : undefined;
    const walked = options.sort && upTo !== undefined ? this.walkKept(cast, options.sort, upTo) : null;
    return (walked ?? this.sortedMatches(cast, options.sort)).slice(from, upTo);
  }

  async findOne(filter: Record<string, unknown>, options: Omit<FindOptions, 'skip' | 'limit'> = {}): Promise<T | null> {
    const [doc] = await this.find(filter, { ...options, limit: 1 });
    return doc ?? null;
  }

  async findById(id: string, projection?: FindOptions['projection']): Promise<T | null> {
    const stringIds = this.schema.path('_id').instance === 'String';
    if (!stringIds && !mongoose.isValidObjectId(id)) return null;
    if (!this.serving || !this.covers(projection))
      return (projection ? this.boundModel.findById(id, projection) : this.boundModel.findById(id)).lean<T>();
    const _id = stringIds ? id : new mongoose.Types.ObjectId(id);
    this.report('find', { _id }, { projection });
    return this.docs.get(String(_id)) ?? null;
  }

  async count(filter: Record<string, unknown>): Promise<number> {
    if (!this.serving) return countMatching(this.boundModel, filter);
    const cast = this.cast(filter);
    if (Object.keys(cast).length === 0) {
      this.report('estimatedDocumentCount', cast, {});
      return this.docs.size;
    }
    this.report('countDocuments', cast, {});
    return this.sortedMatches(cast, undefined).length;
  }
}

/**
 * Starts every mirror (the embedded mode, after connecting): each reads its collection whole. Run
 * again after the database was replaced under them (a test dropping it).
 */
export async function startMirrors(): Promise<number> {
  let documents = 0;
  for (const mirror of mirrors) documents += await mirror.start();
  return documents;
}

export function stopMirrors(): void {
  for (const mirror of mirrors) mirror.stop();
}
