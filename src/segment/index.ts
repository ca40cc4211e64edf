export { type Block, readBlocks } from './blocks.js';
export { HEADING_RULES, type HeadingRule, matchHeading, toPlacement } from './headings.js';
export { documentKind, TIP_SECTION_KINDS } from './kind.js';
export { segment } from './segment.js';
export { SENTENCE_RULES, type SentenceRule, splitSentences } from './sentences.js';
export type { HeaderLine, Range, Segmented } from './types.js';
