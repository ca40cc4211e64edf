export {
  type ChangeReport,
  diffDocuments,
  type FigureView,
  figureKey,
  formatChangeReport,
  isEmptyReport,
} from './diff.js';
export { recordSeen, type SeenLedger, sortedLedger, touchSeen } from './seen.js';
