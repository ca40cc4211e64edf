import type { TierPlacement } from '../../validate/schema.js';

/**
 * The tier rules: what a narrative says of its placement beyond the header line. Each row's pattern has the
 * named groups `to` (the placement the sentence names) and, where the text gives it, `from`.
 */

/** A placement as narratives write it: "Tier 2 Watch List", "TIER 2 WATCHLIST", "Tier Two", "Special Case". */
// "Watch\s*(?:-\s*)?list", not "Watch\s*-?\s*list": two white-space runs with only an optional dash between
// them can split one run in n ways, which recheck rightly calls quadratic.
export const TIER = String.raw`(?:Tier\s+(?:[123]|One|Two|Three)(?:\s+Watch\s*(?:-\s*)?list)?|Special\s+Case)`;

/** What a tier sentence says happened. */
export type TierChange = 'remained' | 'upgraded' | 'downgraded' | 'placed';

export interface TierRule {
  name: string;
  gives: TierChange;
  pattern: RegExp;
  examples: string[];
  counterExamples: string[];
}

const rule = (source: string): RegExp => new RegExp(source, 'i');

export const TIER_RULES: TierRule[] = [
  {
    name: 'remained-on',
    gives: 'remained',
    pattern: rule(
      String.raw`\b(?:remained|remains|remain|was\s+placed\s+again|is\s+placed\s+again|stays?)\s+(?:on|at|in)\s+(?<to>${TIER})`,
    ),
    examples: [
      'The government demonstrated increasing efforts compared to the previous reporting period; therefore, Kyrgyz Republic remained on Tier 2.',
      'Therefore Country X remained on Tier 2 Watch List for the third consecutive year.',
    ],
    counterExamples: ['The government remained committed to its national action plan.'],
  },
  {
    name: 'downgraded',
    gives: 'downgraded',
    pattern: rule(
      String.raw`\b(?:automatically\s+)?downgraded\s+(?:from\s+(?<from>${TIER})\s+)?to\s+(?<to>${TIER})`,
    ),
    examples: [
      'Therefore, Country X was downgraded to Tier 3.',
      'It was downgraded from Tier 2 Watch List to Tier 3.',
    ],
    counterExamples: ['The hotline was downgraded to a part-time service.'],
  },
  {
    name: 'upgraded',
    gives: 'upgraded',
    pattern: rule(String.raw`\bupgraded\s+(?:from\s+(?<from>${TIER})\s+)?to\s+(?<to>${TIER})`),
    examples: ['Therefore, Country X was upgraded to Tier 2.'],
    counterExamples: [],
  },
  {
    name: 'placed-again',
    gives: 'remained',
    pattern: rule(
      String.raw`\b(?:is|was|has\s+been)\s+placed\s+on\s+(?<to>${TIER})\s+for\s+(?:a|the)\s+(?:second|third|fourth|fifth|sixth|[2-9](?:nd|rd|th))\s+consecutive\s+year`,
    ),
    examples: ['Therefore, Country X is placed on Tier 2 Watch List for the third consecutive year.'],
    counterExamples: ['Country X is placed on Tier 2 Watch List.'],
  },
  {
    name: 'placed-on',
    gives: 'placed',
    pattern: rule(String.raw`\b(?:is|was|has\s+been)\s+placed\s+on\s+(?<to>${TIER})`),
    examples: ['Country X is placed on Tier 2 Watch List.'],
    counterExamples: [],
  },
];

/**
 * Normalises a tier as written to the contract's placement.
 *
 * @param written "TIER 2 WATCHLIST", "Tier Two", "special case"...
 * @example normalizeTier('TIER 2 WATCH LIST') //=> 'Tier 2 Watch List'
 */
export function normalizeTier(written: string): TierPlacement | null {
  const t = written.toLowerCase().replace(/\s+/g, ' ');
  if (t.startsWith('special')) return 'Special Case';
  const level = /tier (1|2|3|one|two|three)/.exec(t)?.[1];
  const n = level === 'one' ? '1' : level === 'two' ? '2' : level === 'three' ? '3' : level;
  if (!n) return null;
  if (n === '2' && /watch/.test(t)) return 'Tier 2 Watch List';
  return `Tier ${n}` as TierPlacement;
}
