import { checkShape, declaredIndexes, indexText } from './index-rule.js';
import type { RecordedShape } from './query-recorder.js';

/** A shape let through unindexed: its collection, its exact key (as shapeKey writes it), and why. */
export type AllowedScan = { collection: string; shape: string; reason: string };

export type AuditResult = {
  /** One line per recorded shape that would scan its collection, with the indexes it has. */
  failures: string[];
  /** Allow-list entries no recorded shape needed (stale entries hide nothing, so they fail too). */
  unusedAllowances: AllowedScan[];
};

export function auditShapes(recorded: RecordedShape[], allowed: AllowedScan[]): AuditResult {
  const used = new Set<AllowedScan>();
  const failures: string[] = [];
  for (const { shape, key, paths, calls } of [...recorded].sort((a, b) => a.key.localeCompare(b.key))) {
    const indexes = declaredIndexes(shape.collection);
    const verdict = checkShape(shape, indexes);
    const from = `from: ${[...paths].join('; ')} (${calls}×)`;
    if (verdict.indexed) continue;
    const allowance = allowed.find((a) => a.collection === shape.collection && a.shape === key);
    if (allowance) {
      used.add(allowance);
      continue;
    }
    const projection = shape.projection.length ? `\n    projection: ${shape.projection.join(', ')}` : '';
    failures.push(
      `${key}\n    ${verdict.reason}\n    indexes: ${indexes.map(indexText).join(' ')}${projection}\n    ${from}`,
    );
  }
  return { failures, unusedAllowances: allowed.filter((a) => !used.has(a)) };
}
