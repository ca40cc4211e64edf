export { findFigures } from './figures.js';
export type { FigureInput } from './find.js';
export type { Metric, Unit } from './rules.js';
