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
  type SeenDates,
  type SeenEntries,
  type SeenLedger,
  type SeenLine,
  seenKeys,
  sortedEntries,
  touchEntries,
} from './seen.js';
