/**
 * A query reduced to what decides whether an index can answer it: which fields it compares and
 * how, its sort, its projection. Values are dropped (two look-ups of different orders are one
 * shape), so a run of the app yields a short list of shapes to check against the indexes.
 */

/**
 * How a predicate can bound an index scan:
 * - `eq`: one value (`x`, `$eq`, `$in` of one value, `$all`, an `$elemMatch` of equalities);
 * - `in`: `$in` of several values, a series of equality look-ups;
 * - `range`: `$gt`/`$gte`/`$lt`/`$lte`, or a case-sensitive regex anchored with `^` (a prefix is a key range);
 * - `residual`: everything no index bounds — `$ne`, `$nin`, `$exists`, `$not`, `$type`, `$size`,
 *   an unanchored or case-insensitive regex, `$expr`, `$where`: checked on each document read.
 */
export type PredicateKind = 'eq' | 'in' | 'range' | 'residual';

/** `values`: how many values an `in` predicate lists (whether MongoDB can merge one scan per value). */
export type Predicate = { field: string; kind: PredicateKind; ops: string[]; values?: number };

/** MongoDB's internalQueryMaxScansToExplode: the most point scans it merges in sort order. */
export const maxMergedScans = 200;

export type SortKey = { field: string; dir: 1 | -1 };

export type QueryShape = {
  collection: string;
  method: string;
  /** One conjunction of predicates; a filter with `$or` yields one shape per branch. */
  predicates: Predicate[];
  sort: SortKey[];
  projection: string[];
  /** Set on the branches of an `$or`: MongoDB must answer each branch from an index. */
  orBranch?: boolean;
};

const kindRank: Record<PredicateKind, number> = { eq: 3, in: 2, range: 1, residual: 0 };

const rangeOps = new Set(['$gt', '$gte', '$lt', '$lte']);
const ignoredOps = new Set(['$options', '$comment']);

/** `^abc` (no alternation, case-sensitive) is a key range on the index; anything else reads every key. */
function regexKind(source: string, flags: string): PredicateKind {
  return source.startsWith('^') && !source.includes('|') && !flags.includes('i') ? 'range' : 'residual';
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof RegExp) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function operatorKind(op: string, arg: unknown, all: Record<string, unknown>): PredicateKind {
  if (op === '$eq' || op === '$all') return 'eq';
  if (op === '$in') return Array.isArray(arg) && arg.length <= 1 ? 'eq' : 'in';
  if (rangeOps.has(op)) return 'range';
  if (op === '$regex') {
    const flags = typeof all.$options === 'string' ? all.$options : arg instanceof RegExp ? arg.flags : '';
    return regexKind(arg instanceof RegExp ? arg.source : String(arg), flags);
  }
  return 'residual';
}

/** Predicates on one field: several operators on a field intersect, so the best-bounding one counts. */
function fieldPredicates(field: string, value: unknown): Predicate[][] {
  if (value instanceof RegExp) return [[{ field, kind: regexKind(value.source, value.flags), ops: ['$regex'] }]];
  if (!isOperatorObject(value)) return [[{ field, kind: 'eq', ops: ['='] }]];
  const ops = Object.keys(value).filter((op) => !ignoredOps.has(op));
  const elemMatch = value.$elemMatch;
  // An $elemMatch on subdocuments compares their fields: an index on `field.sub` answers it.
  if (isPlainObject(elemMatch) && !isOperatorObject(elemMatch)) return parseFilter(elemMatch, `${field}.`);
  let kind: PredicateKind = 'residual';
  for (const op of ops) {
    const k = op === '$elemMatch' ? 'residual' : operatorKind(op, value[op], value);
    if (kindRank[k] > kindRank[kind]) kind = k;
  }
  const values = kind === 'in' ? (value.$in as unknown[]).length : undefined;
  return [[{ field, kind, ops, ...(values === undefined ? {} : { values }) }]];
}

/** Every conjunction of predicates the filter allows (its `$or` branches multiplied out). */
function crossProduct(a: Predicate[][], b: Predicate[][]): Predicate[][] {
  return a.flatMap((x) => b.map((y) => [...x, ...y]));
}

export function parseFilter(filter: unknown, prefix = ''): Predicate[][] {
  let result: Predicate[][] = [[]];
  if (!filter || typeof filter !== 'object') return result;
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) result = crossProduct(result, parseFilter(part, prefix));
    } else if (key === '$or' && Array.isArray(value)) {
      result = crossProduct(
        result,
        value.flatMap((branch) => parseFilter(branch, prefix)),
      );
    } else if (key.startsWith('$')) {
      if (key !== '$comment') result = crossProduct(result, [[{ field: key, kind: 'residual', ops: [key] }]]);
    } else {
      result = crossProduct(result, fieldPredicates(prefix + key, value));
    }
  }
  return result.map(mergeSameField);
}

/** `$and: [{at: {$gte}}, {at: {$lt}}]` is one range on `at`. */
function mergeSameField(predicates: Predicate[]): Predicate[] {
  const byField = new Map<string, Predicate>();
  for (const p of predicates) {
    const seen = byField.get(p.field);
    if (!seen) byField.set(p.field, { ...p, ops: [...p.ops] });
    else {
      seen.ops = [...new Set([...seen.ops, ...p.ops])];
      if (kindRank[p.kind] > kindRank[seen.kind]) Object.assign(seen, { kind: p.kind, values: p.values });
    }
  }
  return [...byField.values()];
}

export function parseSort(sort: unknown): SortKey[] {
  if (!sort) return [];
  const entries: [string, unknown][] =
    sort instanceof Map
      ? [...(sort as Map<string, unknown>).entries()]
      : Array.isArray(sort)
        ? (sort as [string, unknown][])
        : Object.entries(sort as Record<string, unknown>);
  return entries
    .filter(([, dir]) => typeof dir !== 'object')
    .map(([field, dir]) => ({ field, dir: dir === -1 || dir === 'desc' || dir === 'descending' ? -1 : 1 }));
}

export function parseProjection(projection: unknown): string[] {
  return projection && typeof projection === 'object' ? Object.keys(projection as Record<string, unknown>) : [];
}

const predicateText = (p: Predicate) => {
  const ops = p.ops.filter((op) => op !== '=');
  if ((p.values ?? 0) > maxMergedScans) ops.push(`over ${maxMergedScans} values`);
  return `${p.field}: ${p.kind}${ops.length ? ` (${ops.join(' ')})` : ''}`;
};

/** The shape as one line, e.g. `orders.find {status: in ($in)} sort {createdAt: -1, _id: -1}`: also the allow-list's key. */
export function shapeKey(shape: QueryShape): string {
  const filter = [...shape.predicates]
    .sort((a, b) => a.field.localeCompare(b.field))
    .map(predicateText)
    .join(', ');
  const sort = shape.sort.map((s) => `${s.field}: ${s.dir}`).join(', ');
  return `${shape.collection}.${shape.method}${shape.orBranch ? ' ($or branch)' : ''} {${filter}}${sort ? ` sort {${sort}}` : ''}`;
}
