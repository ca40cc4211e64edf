export { explainNumbers, findNumbers } from './find.js';
export { LEXICAL_RULES, NUMBER_RULES } from './rules.js';
export type { NumberRule, Stage } from './shadow.js';
export type { ExplainedMention, RuleExample, RuleRow } from './types.js';
