import mongoose from 'mongoose';
import { describe, expect, it } from '@jest/globals';
import { useTestApp } from '../test-app.js';
import { declaredIndexes, indexText } from '../query-shapes/index-rule.js';

/**
 * The indexes the query-shape audit checks against are the ones the database really has:
 * syncIndexes (run at every start) builds each declared index on the run's server (FerretDB by
 * default, which refuses partial, TTL and text indexes) and drops one an earlier release declared.
 */

useTestApp();

async function builtIndexes(collection: string): Promise<string[]> {
  const indexes = await mongoose.connection.db!.collection(collection).indexes();
  return indexes
    .map((ix) =>
      indexText({
        keys: Object.entries(ix.key).map(([field, dir]) => ({ field, dir: dir === -1 ? -1 : 1 })),
        unique: !!ix.unique || ix.name === '_id_',
      }),
    )
    .sort();
}

describe('mongoose.connection.syncIndexes()', () => {
  it('builds every index the models declare', async () => {
    for (const model of Object.values(mongoose.models)) {
      const collection = model.collection.collectionName;
      const declared = declaredIndexes(collection).map(indexText).sort();
      expect({ collection, indexes: await builtIndexes(collection) }).toEqual({ collection, indexes: declared });
    }
  });

  it('replaces an index an earlier release declared', async () => {
    const orders = mongoose.connection.db!.collection('orders');
    await orders.createIndex({ createdAt: -1 });
    await orders.createIndex({ 'call.state': 1, 'call.nextCallAt': 1 });
    await mongoose.connection.syncIndexes();
    expect(await builtIndexes('orders')).toEqual(declaredIndexes('orders').map(indexText).sort());
  });
});
