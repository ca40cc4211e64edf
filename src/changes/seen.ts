import type { TipDocument } from '../validate/schema.js';
import { figureKey } from './diff.js';

/** When each figure of each document was first and last seen: `{ [documentId]: { [figureKey]: dates } }`. */
export type SeenLedger = Record<string, Record<string, { firstSeen: string; lastSeen: string }>>;

/**
 * Records, in place, that the figures of a document were seen on `date`: a new figure gets it as first and
 * last seen, a known one as last seen. Figures no longer present keep their dates, so a later report can say
 * until when a removed figure was seen. (In place: a run records thousands of documents, and copying the
 * ledger for each would make a run quadratic.)
 *
 * @param ledger The ledger, changed in place.
 * @param doc A document of this run.
 * @param date The run's date, YYYY-MM-DD.
 */
export function recordSeen(ledger: SeenLedger, doc: TipDocument, date: string): void {
  const entries = ledger[doc.document.id] ?? {};
  const counts = new Map<string, number>();
  for (const f of doc.figures) {
    const base = figureKey(f);
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    const key = n === 1 ? base : `${base}#${n}`;
    entries[key] = { firstSeen: entries[key]?.firstSeen ?? date, lastSeen: date };
  }
  ledger[doc.document.id] = entries;
}

/**
 * Records, in place, that the figures seen in the previous run were seen again today, without reading the
 * documents: used when a re-run finds every document unchanged.
 *
 * @param ledger The ledger, changed in place.
 * @param ids The documents of this run.
 * @param previousDate The previous run's date: the figures last seen then are the ones still there.
 * @param date This run's date.
 */
export function touchSeen(ledger: SeenLedger, ids: string[], previousDate: string, date: string): void {
  for (const id of ids) {
    for (const entry of Object.values(ledger[id] ?? {}))
      if (entry.lastSeen === previousDate) entry.lastSeen = date;
  }
}

/**
 * The ledger with documents and figures in a fixed order, so that its file is the same for the same history.
 *
 * @param ledger The ledger.
 */
export function sortedLedger(ledger: SeenLedger): SeenLedger {
  const byKey = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    byKey(Object.entries(ledger)).map(([id, entries]) => [
      id,
      Object.fromEntries(byKey(Object.entries(entries))),
    ]),
  );
}
