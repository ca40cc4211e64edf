export { findStatuteMentions } from './find.js';
export { CODES, type CodeEntry, type InstrumentKind } from './instruments.js';
export { findPenalties } from './penalties.js';
export {
  type Resolution,
  type Resolved,
  resolveMentions,
  type Target,
  UNKNOWN_INSTRUMENT,
} from './resolve.js';
export { type RuleExample, STATUTE_RULES, type StatuteRule } from './rules.js';
export { findStatutes, statuteArticleRanges } from './statutes.js';
export type { ArticleRef, FoundMention, InstrumentRef, MentionKind } from './types.js';
