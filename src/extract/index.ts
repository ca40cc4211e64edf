import type { CleanDocument } from '../parse/types.js';
import type { Range, Segmented } from '../segment/types.js';
import type { NumberMention } from '../validate/schema.js';
import { findFigures } from './figures/index.js';
import { findNumbers } from './numbers/index.js';
import { findStatutes, statuteArticleRanges } from './statutes/index.js';
import { findTier } from './tier/index.js';
import type { Extraction } from './types.js';

export type { Extraction } from './types.js';

/**
 * Drops the numbers that stand inside statute article references ("124" in "Article 124"): they are
 * accounted for as statutes, not counts.
 *
 * @param numbers The numbers pass, sorted.
 * @param articles The article-number ranges, in any order.
 */
export function dropArticleNumbers(numbers: NumberMention[], articles: Range[]): NumberMention[] {
  if (articles.length === 0) return numbers;
  const sorted = [...articles].sort((a, b) => a.start - b.start);
  let i = 0;
  return numbers.filter((n) => {
    while (i < sorted.length && (sorted[i] as Range).end <= n.start) i++;
    const a = sorted[i];
    return !(a && a.start < n.end && n.start < a.end);
  });
}

/**
 * Extracts everything the contract asks of one document: the numbers pass first, then statutes, then the
 * figure refiners, then the tier.
 *
 * @param doc The clean document from parse.
 * @param segmented Its sections, sentences and header from segment.
 */
export function extract(doc: CleanDocument, segmented: Segmented): Extraction {
  const { text } = doc;
  const all = findNumbers(text);
  const statutes = findStatutes(text, segmented.sentences, all);
  const numbers = dropArticleNumbers(all, statuteArticleRanges(statutes));
  const { figures, diagnostics } = findFigures({
    text,
    kind: segmented.kind,
    sections: segmented.sections,
    sentences: segmented.sentences,
    numbers,
    statutes,
  });
  const tier = findTier(text, segmented.header, segmented.sentences);
  return { tier, statutes, figures, numbers, diagnostics };
}

/**
 * The numbers of a single line of text, as `tip-extract numbers` prints them: every numeric mention except
 * statute article numbers.
 *
 * @param line One line of text.
 */
export function extractNumbers(line: string): NumberMention[] {
  const all = findNumbers(line);
  const statutes = findStatutes(line, [{ start: 0, end: line.length }], all);
  return dropArticleNumbers(all, statuteArticleRanges(statutes));
}
