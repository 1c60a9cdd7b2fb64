import mongoose, { type Model, type Query, type Schema } from 'mongoose';
import sift from 'sift';
import { logger } from '../lib/logger.js';

/**
 * An in-process copy of a whole collection, for the embedded mode only (docs/architecture.md, "The
 * embedded mode's memory mirror"). FerretDB answers any filter but `_id` equality by scanning the
 * collection (~70 µs a document), so at 20,000 orders a list page, a search or the queue's due
 * range would take seconds. The embedded mode is one process on one connection, so every write
 * passes through this process: Mongoose middleware on the schema re-reads each document a write
 * touched (by `_id`, which FerretDB answers from its index) before the write's promise resolves,
 * and reads answer from memory with the same filters (sift, MongoDB's query semantics) and sorts.
 * Off (reads go to the database) on MongoDB, which answers them from indexes, and while a failed
 * write leaves the copy in doubt, until a reload succeeds.
 */

type Id = mongoose.Types.ObjectId | string;
/** A document as `.lean()` reads it. */
export type MirroredDoc = { _id: Id } & Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
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

/** The first `k` documents in the sort's order, without sorting the rest (a list page of a long collection). */
function firstInOrder<D extends MirroredDoc>(docs: D[], sort: SortSpec, k: number): D[] {
  const paths = Object.keys(sort);
  const compare = keyedComparator(sort);
  const best: Keyed<D>[] = [];
  for (const doc of docs) {
    const item = keyed(doc, paths);
    if (best.length === k && compare(item, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.doc);
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
  /** Bumped by every change to the copy: the memo below holds only for the version it was made at. */
  private version = 0;
  /**
   * The last filter answered, with its matches in the last order asked: the queue reads its due items
   * a page at a time with the same filter (its `now` fixed) and a list counts what it pages, so these
   * reuse one pass over the collection.
   */
  private memo: { version: number; filter: string; sort: string; docs: T[] } | null = null;
  private readonly pendingIds = new WeakMap<object, string[] | null>();

  constructor(
    private readonly schema: Schema,
    groupBy: string[] = [],
  ) {
    for (const field of groupBy) this.groups.set(field, new Map());
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

  private put(doc: T): void {
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
  }

  /** Reads these documents again from the database; one gone there goes here too. */
  private async refresh(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    for (const id of ids) this.refreshing.set(id, (this.refreshing.get(id) ?? 0) + 1);
    try {
      const model = this.boundModel;
      const found: T[] =
        ids.length > manyAtOnce
          ? await model.find({ _id: { $in: ids } }).lean<T[]>()
          : (await Promise.all(ids.map((id) => model.findById(id).lean<T>()))).flatMap((d) => (d ? [d as T] : []));
      const seen = new Set(found.map((d) => idOf(d._id)));
      for (const id of ids) if (!seen.has(id)) this.unindex(id);
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
      if (isNew) this.put(doc.toBSON() as T);
      else await this.refresh([idOf(doc._id)]).catch((err: unknown) => this.reloadSoon(err));
    };
    const inserted = (docs: (mongoose.Document | T)[]) => {
      if (!this.active) return;
      for (const doc of docs) this.put((doc instanceof mongoose.Document ? doc.toBSON() : doc) as T);
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
    const docs = await this.boundModel.find({}).lean<T[]>();
    this.version += 1;
    this.docs.clear();
    for (const byValue of this.groups.values()) byValue.clear();
    for (const doc of docs) this.put(doc);
  }

  async start(): Promise<void> {
    this.active = true;
    await this.load();
  }

  stop(): void {
    this.active = false;
    this.memo = null;
    this.docs.clear();
    for (const byValue of this.groups.values()) byValue.clear();
  }

  // ---- reads ----

  /** Shown to Mongoose's debug hook as the query MongoDB would be sent (the query-shape audit reads it). */
  private report(method: 'find' | 'countDocuments', filter: Record<string, unknown>, options: FindOptions): void {
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

  /** Candidates narrowed by an `_id` or grouped-field equality in the filter, else every document. */
  private candidates(filter: Record<string, unknown>): Iterable<T> {
    const byId = filter._id !== undefined ? equalityValue(filter._id) : undefined;
    if (byId) return byId.flatMap((id) => this.docs.get(idOf(id)) ?? []);
    for (const [field, byValue] of this.groups) {
      const values = filter[field] !== undefined ? equalityValue(filter[field]) : undefined;
      if (values)
        return [...new Set(values.map((v) => idOf(v ?? null)))].flatMap((v) =>
          [...(byValue.get(v) ?? [])].map((id) => this.docs.get(id)!),
        );
    }
    return this.docs.values();
  }

  private matching(filter: Record<string, unknown>): T[] {
    // The package's types describe its CommonJS default as `.default`, which Node also provides.
    const test = sift.default(filter as never) as (doc: T) => boolean;
    const out: T[] = [];
    for (const doc of this.candidates(filter)) if (test(doc)) out.push(doc);
    return out;
  }

  /**
   * The matches, in the sort's order when one is given, at least the first `enough` of them (all when
   * undefined). A short page of many matches picks its documents without sorting them all.
   */
  private sortedMatches(filter: Record<string, unknown>, sort: SortSpec | undefined, enough?: number): T[] {
    const key = JSON.stringify(filter, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v));
    const order = JSON.stringify(sort ?? null);
    const memo = this.memo?.version === this.version && this.memo.filter === key ? this.memo : null;
    if (memo && (!sort || memo.sort === order)) return memo.docs;
    const matches = memo ? memo.docs : this.matching(filter);
    if (sort && enough !== undefined && enough * 4 < matches.length) {
      this.memo = { version: this.version, filter: key, sort: memo?.sort ?? 'null', docs: matches };
      return firstInOrder(matches, sort, enough);
    }
    const docs = sort ? sortDocs(matches, sort) : matches;
    this.memo = { version: this.version, filter: key, sort: sort ? order : (memo?.sort ?? 'null'), docs };
    return docs;
  }

  /**
   * Like `Model.find(filter, projection).sort().skip().limit().lean()`. From the copy, documents come
   * whole (a projection only narrows what MongoDB sends) and frozen.
   */
  async find(filter: Record<string, unknown>, options: FindOptions = {}): Promise<T[]> {
    if (!this.serving) {
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
    return this.sortedMatches(cast, options.sort, upTo).slice(from, upTo);
  }

  async findOne(filter: Record<string, unknown>, options: Omit<FindOptions, 'skip' | 'limit'> = {}): Promise<T | null> {
    const [doc] = await this.find(filter, { ...options, limit: 1 });
    return doc ?? null;
  }

  async findById(id: string, projection?: FindOptions['projection']): Promise<T | null> {
    if (!mongoose.isValidObjectId(id)) return null;
    if (!this.serving)
      return (projection ? this.boundModel.findById(id, projection) : this.boundModel.findById(id)).lean<T>();
    const _id = new mongoose.Types.ObjectId(id);
    this.report('find', { _id }, { projection });
    return this.docs.get(_id.toHexString()) ?? null;
  }

  async count(filter: Record<string, unknown>): Promise<number> {
    if (!this.serving) return this.boundModel.countDocuments(filter);
    const cast = this.cast(filter);
    this.report('countDocuments', cast, {});
    return this.sortedMatches(cast, undefined).length;
  }
}

/**
 * Starts every mirror (the embedded mode, after connecting): each reads its collection whole. Run
 * again after the database was replaced under them (a test dropping it).
 */
export async function startMirrors(): Promise<void> {
  for (const mirror of mirrors) await mirror.start();
}

export function stopMirrors(): void {
  for (const mirror of mirrors) mirror.stop();
}
