import type { HeaderLine, Range } from '../../segment/types.js';
import type { Tier } from '../../validate/schema.js';
import { normalizeTier, TIER_RULES } from './rules.js';

export { normalizeTier, TIER, TIER_RULES } from './rules.js';

/** Tier sentences stand in the summary at the top; reading only the first sentences keeps strays out. */
const SENTENCES_READ = 40;

/**
 * Reads the tier: the placement from the header line, and last year's placement or the change where a
 * sentence states it ("remained on Tier 2", "was downgraded from Tier 2 Watch List to Tier 3").
 *
 * @param text The clean text.
 * @param header The header line found by segment, or null.
 * @param sentences The document's sentences.
 * @returns The tier, or null when neither the header nor a sentence gives a placement.
 */
export function findTier(text: string, header: HeaderLine | null, sentences: Range[]): Tier | null {
  let tier: Tier | null =
    header?.placement != null
      ? {
          placement: header.placement,
          start: header.start,
          end: header.end,
          quote: text.slice(header.start, header.end),
        }
      : null;
  for (const sentence of sentences.slice(0, SENTENCES_READ)) {
    const body = text.slice(sentence.start, sentence.end);
    for (const rule of TIER_RULES) {
      const match = rule.pattern.exec(body);
      const to = match?.groups?.to;
      const placement = to ? normalizeTier(to) : null;
      if (!match || !placement) continue;
      const start = sentence.start + match.index;
      const end = start + match[0].length;
      const quote = text.slice(start, end);
      if (!tier) tier = { placement, start, end, quote };
      if (rule.gives === 'remained') {
        return { ...tier, previous: { placement, start, end, quote }, change: 'remained' };
      }
      if (rule.gives === 'upgraded' || rule.gives === 'downgraded') {
        const from = match.groups?.from ? normalizeTier(match.groups.from) : null;
        return from
          ? { ...tier, previous: { placement: from, start, end, quote }, change: rule.gives }
          : { ...tier, change: rule.gives };
      }
    }
  }
  return tier;
}
