import mongoose from 'mongoose';
import { maxMergedScans, type Predicate, type QueryShape, type SortKey } from './query-shape.js';

/**
 * The equality–sort–range rule (MongoDB's "ESR guideline"), as this audit applies it.
 *
 * A shape is answered from an index when some index's keys, read from the left, hold:
 *   1. every equality field of the shape (in any order): each narrows the scan to one key value.
 *      An equality field the index lacks would be checked on every document the scan reads, so it
 *      must be there;
 *   2. then the sort fields, in the sort's order and directions, or all of them reversed (an index
 *      is walked either way). Sort fields an equality fixes are dropped first: they do not change
 *      the order. Without this the server sorts every matching document in memory;
 *   3. then one of the range fields, if the shape has any (unless it is the first sort field,
 *      whose keys the sorted walk already bounds). Only one range can bound a scan: keys after a
 *      range are no longer in order, so further ranges only filter.
 * `$in` of several values is equality for the prefix (one point scan per value). Followed by a
 * sort, MongoDB's guideline counts it as a range, since the index holds each value's keys in sort
 * order, not their union; but the planner merges up to 200 point scans in sort order ("explode
 * for sort", internalQueryMaxScansToExplode), so an `$in` of a few literal values (the list's
 * statuses) stays equality, and only a longer one (client ids from a text search) breaks the sort
 * and counts as a range.
 * Residual predicates (`$ne`, `$nin`, `$exists`, `$not`, an unanchored or case-insensitive regex, …)
 * never bound a scan: `$ne`/`$nin` select almost the whole key range, `$exists` and an unanchored
 * regex read every key. They neither help nor hurt: they filter what the index delivers. A shape
 * with nothing but residual predicates reads the whole collection (in index order, if sorted,
 * until its page fills), and so does a count with no filter at all (`countDocuments({})` reads
 * every document on MongoDB too). A page with no filter, sorted by an index, reads just the page.
 * A look-up by `_id` or by every key of a unique index (one value or an `$in` list) reads at most
 * one document per value and always passes. `$or` branches are shapes of their own: MongoDB
 * unions one index scan per branch, and one unindexed branch turns the whole query into a
 * collection scan.
 */

export type IndexSpec = { keys: SortKey[]; unique: boolean };

export type Verdict = { indexed: true; by: string } | { indexed: false; reason: string };

/** The indexes a model declares: `_id`, unique fields and `schema.index(...)`, as MongoDB would build them. */
export function declaredIndexes(collection: string): IndexSpec[] {
  const model = Object.values(mongoose.models).find((m) => m.collection.collectionName === collection);
  if (!model) return [{ keys: [{ field: '_id', dir: 1 }], unique: true }];
  const declared = model.schema.indexes().map(([fields, options]) => ({
    keys: Object.entries(fields).map(([field, dir]) => ({ field, dir: dir === -1 ? -1 : 1 }) as SortKey),
    unique: !!(options as { unique?: boolean }).unique,
  }));
  return [{ keys: [{ field: '_id', dir: 1 }], unique: true }, ...declared];
}

export const indexText = (index: IndexSpec) =>
  `{${index.keys.map((k) => `${k.field}: ${k.dir}`).join(', ')}}${index.unique ? ' unique' : ''}`;

function sortMatches(keys: SortKey[], sort: SortKey[]): boolean {
  if (keys.length < sort.length) return false;
  const same = sort.every((s, i) => keys[i]!.field === s.field && keys[i]!.dir === s.dir);
  const reversed = sort.every((s, i) => keys[i]!.field === s.field && keys[i]!.dir === -s.dir);
  return same || reversed;
}

/** Does this index answer the shape by the rule above? */
function indexAnswers(index: IndexSpec, equality: Set<string>, sort: SortKey[], ranges: Set<string>): boolean {
  const keys = index.keys;
  if (equality.size > keys.length) return false;
  const prefix = new Set(keys.slice(0, equality.size).map((k) => k.field));
  if ([...equality].some((f) => !prefix.has(f))) return false;
  const rest = keys.slice(equality.size);
  if (!sortMatches(rest, sort)) return false;
  if (ranges.size === 0) return true;
  const afterSort = rest[sort.length];
  return (sort[0] !== undefined && ranges.has(sort[0].field)) || (!!afterSort && ranges.has(afterSort.field));
}

const fieldsOf = (predicates: Predicate[], kind: Predicate['kind']) =>
  predicates.filter((p) => p.kind === kind).map((p) => p.field);

/** Whether a sort can be served by merging one index scan per combination of the `$in` values. */
function mergeable(predicates: Predicate[]): boolean {
  const scans = predicates.filter((p) => p.kind === 'in').reduce((n, p) => n * (p.values ?? 1), 1);
  return scans <= maxMergedScans;
}

export function checkShape(shape: QueryShape, indexes: IndexSpec[]): Verdict {
  const eq = new Set(fieldsOf(shape.predicates, 'eq'));
  const inFields = fieldsOf(shape.predicates, 'in');
  const pointed = new Set([...eq, ...inFields]);
  const unique = indexes.find((ix) => ix.unique && ix.keys.every((k) => pointed.has(k.field)));
  if (unique) return { indexed: true, by: `${indexText(unique)} (one document per value)` };
  const sort = shape.sort.filter((s) => !eq.has(s.field));
  const inAsEquality = sort.length === 0 || mergeable(shape.predicates);
  const equality = new Set([...eq, ...(inAsEquality ? inFields : [])]);
  const ranges = new Set([...fieldsOf(shape.predicates, 'range'), ...(inAsEquality ? [] : inFields)]);
  if (equality.size === 0 && ranges.size === 0) {
    if (sort.length === 0) return { indexed: false, reason: 'no predicate an index can bound: reads every document' };
    if (shape.predicates.length > 0)
      return {
        indexed: false,
        reason: 'only residual predicates: the sorted walk reads every document to fill a page',
      };
  }
  const by = indexes.find((ix) => indexAnswers(ix, equality, sort, ranges));
  if (by) return { indexed: true, by: indexText(by) };
  const wanted = [
    equality.size ? `equality on ${[...equality].join(', ')}` : '',
    sort.length ? `then sort ${sort.map((s) => `${s.field}: ${s.dir}`).join(', ')}` : '',
    ranges.size ? `then a range on ${[...ranges].join(' or ')}` : '',
  ].filter(Boolean);
  return { indexed: false, reason: `no index leads with ${wanted.join(', ')}` };
}
