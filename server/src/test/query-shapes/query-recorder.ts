import mongoose from 'mongoose';
import { parseFilter, parseProjection, parseSort, shapeKey, type QueryShape } from './query-shape.js';

/**
 * Records the shape of every query the app sends through Mongoose, from its debug hook (which
 * sees each collection call with the filter and options already cast). Calls without a filter
 * (inserts, index builds, estimatedDocumentCount) are not queries to check and are left out.
 * Queries sent around Mongoose (Agenda's own driver) are not seen.
 */

export type RecordedShape = { shape: QueryShape; key: string; paths: Set<string>; calls: number };

type Call = { filter: unknown; options?: unknown; pipeline?: unknown[]; distinctField?: string };

type Options = { sort?: unknown; projection?: unknown } | undefined;

/** Where each collection method carries its filter and options (the driver's argument order). */
function callOf(method: string, args: unknown[]): Call[] {
  switch (method) {
    case 'find':
    case 'findOne':
    case 'countDocuments':
    case 'deleteOne':
    case 'deleteMany':
    case 'findOneAndDelete':
      return [{ filter: args[0], options: args[1] }];
    case 'updateOne':
    case 'updateMany':
    case 'replaceOne':
    case 'findOneAndUpdate':
    case 'findOneAndReplace':
      return [{ filter: args[0], options: args[2] }];
    case 'distinct':
      return [{ filter: args[1], options: args[2], distinctField: String(args[0]) }];
    case 'aggregate':
      return [{ filter: undefined, pipeline: Array.isArray(args[0]) ? args[0] : [] }];
    case 'bulkWrite':
      return (Array.isArray(args[0]) ? (args[0] as Record<string, { filter?: unknown }>[]) : []).flatMap((op) => {
        const [kind, body] = Object.entries(op)[0] ?? [];
        return kind && kind !== 'insertOne' && body?.filter !== undefined ? [{ filter: body.filter }] : [];
      });
    default:
      return [];
  }
}

/**
 * A pipeline is answered from an index only through a leading `$match` (and a `$sort` right
 * after it); a pipeline that does not start with `$match` reads the whole collection.
 */
function pipelineCall(pipeline: unknown[]): { filter: unknown; sort: unknown; scansAll: boolean } {
  const [first, second] = pipeline as Record<string, unknown>[];
  if (!first || !('$match' in first)) return { filter: {}, sort: undefined, scansAll: true };
  return { filter: first.$match, sort: second && '$sort' in second ? second.$sort : undefined, scansAll: false };
}

export type QueryRecorder = {
  /** Runs `fn`, naming the hot path its queries come from in the audit's report. */
  during: <T>(path: string, fn: () => Promise<T>) => Promise<T>;
  shapes: () => RecordedShape[];
  stop: () => void;
};

export function startQueryRecorder(): QueryRecorder {
  const recorded = new Map<string, RecordedShape>();
  let path = '(setup)';
  const record = (shape: QueryShape) => {
    const key = shapeKey(shape);
    const seen = recorded.get(key) ?? { shape, key, paths: new Set<string>(), calls: 0 };
    seen.paths.add(path);
    seen.calls += 1;
    recorded.set(key, seen);
  };
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    for (const call of callOf(method, args)) {
      let { filter } = call;
      let sort = (call.options as Options)?.sort;
      let label = call.distinctField ? `distinct(${call.distinctField})` : method;
      if (call.pipeline) {
        const first = pipelineCall(call.pipeline);
        ({ filter, sort } = first);
        label = first.scansAll ? 'aggregate (no leading $match)' : 'aggregate $match';
      }
      const branches = parseFilter(filter);
      for (const predicates of branches) {
        record({
          collection,
          method: label,
          predicates,
          sort: parseSort(sort),
          projection: parseProjection((call.options as Options)?.projection),
          ...(branches.length > 1 ? { orBranch: true } : {}),
        });
      }
    }
  });
  return {
    during: async (name, fn) => {
      path = name;
      try {
        return await fn();
      } finally {
        path = '(between paths)';
      }
    },
    shapes: () => [...recorded.values()],
    stop: () => {
      mongoose.set('debug', false);
    },
  };
}
