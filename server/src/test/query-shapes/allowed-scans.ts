import type { AllowedScan } from './query-audit.js';

/**
 * Shapes the query-shape audit lets through although no index answers them by the rule. An entry
 * that no recorded query needs any more fails the audit, so the lists only ever shrink.
 */

const reportRange =
  'a report over the period asked for (at most 366 days): the date index bounds the read to that period, which the report reads whole anyway for its base figures; an index per outcome or actor type would cost every insert for a report opened a few times a day';

/** Deliberately unindexed, and bounded by something other than an index. */
export const boundedScans: AllowedScan[] = [
  {
    collection: 'users',
    shape: 'users.find {} sort {name: 1}',
    reason: "the staff list (floor and summary rows): a call centre's users, tens of documents",
  },
  {
    collection: 'queueclaims',
    shape: 'queueclaims.find {expiresAt: range ($gt)} sort {claimedAt: 1}',
    reason:
      'the floor: claims last 10 minutes and the expire-claims sweep deletes them every minute, so the collection holds the items managers are holding right now',
  },
  {
    collection: 'calls',
    shape: 'calls.aggregate $match {at: range ($gte $lt), outcome: in ($in)}',
    reason: reportRange,
  },
  {
    collection: 'calls',
    shape: 'calls.aggregate $match {at: range ($gte $lt), outcome: eq, paidWithin7Days: eq}',
    reason: reportRange,
  },
  {
    collection: 'calls',
    shape: 'calls.aggregate $match {at: range ($gte $lt), by.id: eq, outcome: in ($in)}',
    reason: reportRange,
  },
  {
    collection: 'calls',
    shape: 'calls.aggregate $match {at: range ($gte $lt), by.id: eq, outcome: eq, paidWithin7Days: eq}',
    reason: reportRange,
  },
  {
    collection: 'letters',
    shape: 'letters.aggregate $match {actor.type: eq, createdAt: range ($gte $lt)}',
    reason: reportRange,
  },
  {
    collection: 'letters',
    shape: 'letters.aggregate $match {actor.id: eq, actor.type: eq, createdAt: range ($gte $lt)}',
    reason: reportRange,
  },
];

const textSearch =
  'a "contains" search (unanchored, case-insensitive regex) reads every client: no B-tree index answers it, and FerretDB has no text index; it needs search keys the index can look up (normalised phone digits, e-mail, name words, matched by equality or an anchored prefix)';

/**
 * Unbounded scans on hot paths that an index cannot fix: each needs a change in its service
 * (named in the reason). Listed here so the audit stays green while they wait; the test prints
 * them on every run.
 */
export const scansToFix: AllowedScan[] = [
  {
    collection: 'clients',
    shape: 'clients.find ($or branch) {name: residual ($regex)}',
    reason: `orders list q=…: ${textSearch}`,
  },
  {
    collection: 'clients',
    shape: 'clients.find ($or branch) {emails: residual ($regex)}',
    reason: `orders list q=…: ${textSearch}`,
  },
  {
    collection: 'clients',
    shape: 'clients.find ($or branch) {phones.number: residual ($regex)}',
    reason: `orders list q=<phone>: ${textSearch}`,
  },
  {
    collection: 'clients',
    shape: 'clients.find ($or branch) {name: residual ($regex)} sort {name: 1, _id: 1}',
    reason: `clients list q=…: ${textSearch}`,
  },
  {
    collection: 'clients',
    shape: 'clients.find ($or branch) {emails: residual ($regex)} sort {name: 1, _id: 1}',
    reason: `clients list q=…: ${textSearch}`,
  },
];
