export {
  type ChangeReport,
  diffDocuments,
  type FigureView,
  figureKey,
  formatChangeReport,
  isEmptyReport,
} from './diff.js';
export {
  mergeSeen,
  recordSeen,
  recordSeenKeys,
  type SeenDates,
  type SeenEntries,
  type SeenLedger,
  type SeenLine,
  seenKeys,
  sortedEntries,
  sortedLedger,
  touchEntries,
  touchSeen,
} from './seen.js';
