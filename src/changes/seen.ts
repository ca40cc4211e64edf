import type { TipDocument } from '../validate/schema.js';
import { figureKey } from './diff.js';

/** When one figure was first and last seen (YYYY-MM-DD). */
export interface SeenDates {
  firstSeen: string;
  lastSeen: string;
}

/** When each figure of one document was first and last seen: `{ [figureKey]: dates }`. */
export type SeenEntries = Record<string, SeenDates>;

/** When each figure of each document was first and last seen: `{ [documentId]: { [figureKey]: dates } }`. */
export type SeenLedger = Record<string, SeenEntries>;

/** One line of the ledger file (`changes/seen.jsonl`): a document's entries, the lines sorted by id. */
export interface SeenLine {
  id: string;
  figures: SeenEntries;
}

/**
 * The ledger keys of a document's figures: `figureKey`, with `#2`, `#3`... for repeats of the same key.
 *
 * @param doc A document.
 */
export function seenKeys(doc: TipDocument): string[] {
  const counts = new Map<string, number>();
  return doc.figures.map((f) => {
    const base = figureKey(f);
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/**
 * One document's entries after a run saw `keys` on `date`: a new figure gets it as first and last seen, a
 * known one as last seen. Figures no longer present keep their dates, so a later report can say until when
 * a removed figure was seen. Changes `entries` in place.
 *
 * @param entries The document's entries so far, if any.
 * @param keys Its figures' keys in this run (`seenKeys`).
 * @param date The run's date.
 */
export function mergeSeen(
  entries: SeenEntries | undefined,
  keys: readonly string[],
  date: string,
): SeenEntries {
  const merged = entries ?? {};
  for (const key of keys) merged[key] = { firstSeen: merged[key]?.firstSeen ?? date, lastSeen: date };
  return merged;
}

/**
 * One document's entries after a quiet re-run on `date`: what was last seen on `previousDate` is still there.
 *
 * @param entries The document's entries, changed in place.
 * @param previousDate The previous run's date.
 * @param date This run's date.
 */
export function touchEntries(entries: SeenEntries, previousDate: string, date: string): SeenEntries {
  for (const entry of Object.values(entries)) if (entry.lastSeen === previousDate) entry.lastSeen = date;
  return entries;
}

/**
 * A document's entries with the figure keys in order, so that the ledger file is the same for the same history.
 *
 * @param entries The entries.
 */
export function sortedEntries(entries: SeenEntries): SeenEntries {
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
