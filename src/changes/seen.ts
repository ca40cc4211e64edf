import type { TipDocument } from '../validate/schema.js';
import { figureKey } from './diff.js';

/** When each figure of each document was first and last seen: `{ [documentId]: { [figureKey]: dates } }`. */
export type SeenLedger = Record<string, Record<string, { firstSeen: string; lastSeen: string }>>;

/**
 * Records that the figures of these documents were seen on `date`: a new figure gets it as first and last
 * seen, a known one as last seen. Figures no longer present keep their dates, so a later report can say
 * until when a removed figure was seen.
 *
 * @param ledger The ledger so far (not changed).
 * @param docs The documents of this run.
 * @param date The run's date, YYYY-MM-DD.
 */
export function recordSeen(ledger: SeenLedger, docs: TipDocument[], date: string): SeenLedger {
  const next: SeenLedger = structuredClone(ledger);
  for (const doc of docs) {
    const entries = next[doc.document.id] ?? {};
    const counts = new Map<string, number>();
    for (const f of doc.figures) {
      const base = figureKey(f);
      const n = (counts.get(base) ?? 0) + 1;
      counts.set(base, n);
      const key = n === 1 ? base : `${base}#${n}`;
      entries[key] = { firstSeen: entries[key]?.firstSeen ?? date, lastSeen: date };
    }
    next[doc.document.id] = Object.fromEntries(
      Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Records that the figures seen in the previous run were seen again today, without reading the documents:
 * used when a re-run finds every document unchanged.
 *
 * @param ledger The ledger so far (not changed).
 * @param ids The documents of this run.
 * @param previousDate The previous run's date: the figures last seen then are the ones still there.
 * @param date This run's date.
 */
export function touchSeen(ledger: SeenLedger, ids: string[], previousDate: string, date: string): SeenLedger {
  const next: SeenLedger = structuredClone(ledger);
  for (const id of ids) {
    for (const entry of Object.values(next[id] ?? {}))
      if (entry.lastSeen === previousDate) entry.lastSeen = date;
  }
  return next;
}
