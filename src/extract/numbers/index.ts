/**
 * The numbers pass: every numeric mention of a text, with kind, value or range, qualifier and unit,
 * and offsets into the text (see find.ts for the flow, rules.ts for the tables).
 */
export { explainNumbers, findNumbers } from './find.js';
export { LEXICAL_RULES, NUMBER_RULES } from './rules.js';
export type { NumberRule, Stage } from './shadow.js';
export type { ExplainedMention, RuleExample, RuleRow } from './types.js';
