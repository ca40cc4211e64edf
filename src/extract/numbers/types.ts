/**
 * Internal shapes of the numbers pass: tokens from the scanner, and nodes, the growing mentions that the
 * rule stages join ("five" + "to" + "20" -> a range, + "years" -> a duration).
 */

import type { NumberKind, NumberMention, Qualifier } from '../../validate/schema.js';
import type { CardinalType, OrdinalType } from '../words.js';

/**
 * A number as the rule stages see it; offsets are relative to the scanned slice until the end. Every
 * field is always present (absent ones are `undefined`), in this order: nodes of one shape keep the
 * stages' and the rules' property reads monomorphic (V8 deoptimised on "wrong map" when they varied).
 */
export interface NumNode {
  start: number;
  end: number;
  kind: NumberKind;
  value: number | null;
  min: number | undefined;
  max: number | undefined;
  qualifier: Qualifier | undefined;
  unit: string | undefined;
  /** The rules that built this node, innermost first (lexical rule, then each stage's rule). */
  rules: string[];
}

/**
 * What a rule's build step returns: the node's meaning, absent fields left out; the runner adds offsets
 * and rule names, and copies the meaning into a node of the one shape.
 */
export interface Draft {
  kind: NumberKind;
  value: number | null;
  min?: number;
  max?: number;
  qualifier?: Qualifier;
  unit?: string;
}

/** How a token is separated from the token before it. */
export type Gap = 'space' | 'hyphen' | 'break';

/** The kinds of scanner token the spelled-out-number parser reads. */
export type TokType =
  | 'digits'
  | CardinalType
  | 'hundred'
  | 'scale'
  | 'dozen'
  | 'mult'
  | 'ord'
  | 'frac'
  | 'article'
  | 'and'
  | 'point'
  | 'neg'
  | 'over'
  | 'out'
  | 'unknown'
  | 'number';

/** One word or digit number the scanner found, with how it joins the token before it. */
export interface Tok {
  type: TokType;
  start: number;
  end: number;
  /** The word's numeric meaning: 7 for "seventh", 1e6 for "million", the denominator for "half". */
  value: number;
  plural: boolean;
  ordType: OrdinalType | null;
  gap: Gap;
  /** For a `digits` token: the number the digits make. */
  node: NumNode | null;
}

/** A mention with the names of the rules that made it: what `explainNumbers` returns. */
export type ExplainedMention = NumberMention & { rules: string[] };

/** One example of a rule: a sentence, where it comes from, and the mention it must give. */
export interface RuleExample {
  text: string;
  /** "kyrgyz-2017" (the fixture), "hrr:<file>" (the corpus), "peer:<model>" or "constructed". */
  source: string;
  mention: Pick<NumberMention, 'text' | 'kind' | 'value'> &
    Partial<Pick<NumberMention, 'min' | 'max' | 'qualifier' | 'unit'>>;
}

/** What every rule row has, lexical or contextual: a name, a pattern, examples and counterexamples. */
export interface RuleRow {
  name: string;
  pattern: RegExp;
  examples: readonly RuleExample[];
  /** Sentences in which this rule must make no mention. */
  counterExamples: readonly string[];
}
