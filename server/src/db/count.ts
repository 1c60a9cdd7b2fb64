/** What counting needs of a model (any Mongoose model). */
type Countable = {
  estimatedDocumentCount(): PromiseLike<number>;
  countDocuments(filter: never): PromiseLike<number>;
};

/**
 * How many documents match. An unfiltered total comes from the collection's metadata: countDocuments({})
 * reads every document on MongoDB (no index bounds it), estimatedDocumentCount() reads none.
 */
export async function countMatching(model: Countable, filter: Record<string, unknown>): Promise<number> {
  return Object.keys(filter).length === 0 ? model.estimatedDocumentCount() : model.countDocuments(filter as never);
}
