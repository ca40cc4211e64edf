import { describe, expect, it } from 'vitest';
import { findTier, normalizeTier, TIER_RULES } from '../../src/extract/tier/index.js';
import type { HeaderLine } from '../../src/segment/types.js';

const whole = (text: string) => [{ start: 0, end: text.length }];

describe('tier rules table', () => {
  const rows = TIER_RULES.flatMap((rule) => rule.examples.map((example) => [rule.name, example] as const));
  it.each(rows)('%s matches its example: %s', (name, example) => {
    const rule = TIER_RULES.find((r) => r.name === name);
    expect(rule?.pattern.exec(example)?.groups?.to).toBeDefined();
  });
  const near = TIER_RULES.flatMap((rule) =>
    rule.counterExamples.map((example) => [rule.name, example] as const),
  );
  it.each(near)('%s does not match its near miss: %s', (name, example) => {
    const rule = TIER_RULES.find((r) => r.name === name);
    expect(rule?.pattern.exec(example)).toBeNull();
  });
});

describe('normalizeTier', () => {
  it.each([
    ['TIER 2', 'Tier 2'],
    ['Tier 2 Watch List', 'Tier 2 Watch List'],
    ['TIER 2 WATCHLIST', 'Tier 2 Watch List'],
    ['Tier Three', 'Tier 3'],
    ['tier 1', 'Tier 1'],
    ['SPECIAL CASE', 'Special Case'],
  ])('%s -> %s', (written, placement) => {
    expect(normalizeTier(written)).toBe(placement);
  });
  it('should not read a tier where there is none', () => {
    expect(normalizeTier('Tier')).toBeNull();
  });
});

describe('findTier', () => {
  const text =
    'KYRGYZ REPUBLIC: TIER 2\n\nThe government demonstrated increasing efforts compared to the previous reporting period; therefore, Kyrgyz Republic remained on Tier 2.';
  const header: HeaderLine = { start: 0, end: 23, country: 'KYRGYZ REPUBLIC', placement: 'Tier 2' };

  it('takes the placement from the header and the previous one from "remained on"', () => {
    const sentences = [{ start: 25, end: text.length }];
    expect(findTier(text, header, sentences)).toStrictEqual({
      placement: 'Tier 2',
      start: 0,
      end: 23,
      quote: 'KYRGYZ REPUBLIC: TIER 2',
      previous: { placement: 'Tier 2', start: 142, end: 160, quote: 'remained on Tier 2' },
      change: 'remained',
    });
  });

  it('reads a downgrade with its earlier placement', () => {
    const t = 'It was downgraded from Tier 2 Watch List to Tier 3.';
    const h: HeaderLine = { start: 0, end: 0, country: 'X', placement: 'Tier 3' };
    const tier = findTier(t, h, whole(t));
    expect(tier?.change).toBe('downgraded');
    expect(tier?.previous?.placement).toBe('Tier 2 Watch List');
  });

  it('does not invent a previous placement for a bare "downgraded to"', () => {
    const t = 'Therefore, Country X was downgraded to Tier 3.';
    const tier = findTier(t, { start: 0, end: 0, country: 'X', placement: 'Tier 3' }, whole(t));
    expect(tier?.change).toBe('downgraded');
    expect(tier?.previous).toBeUndefined();
  });

  it('reads "placed on ... for the third consecutive year" as remained', () => {
    const t = 'Therefore, Country X is placed on Tier 2 Watch List for the third consecutive year.';
    const tier = findTier(t, { start: 0, end: 0, country: 'X', placement: 'Tier 2 Watch List' }, whole(t));
    expect([tier?.change, tier?.previous?.placement]).toStrictEqual(['remained', 'Tier 2 Watch List']);
  });

  it('takes the placement from a sentence when there is no header', () => {
    const t = 'Country X is placed on Tier 2 Watch List.';
    expect(findTier(t, null, whole(t))?.placement).toBe('Tier 2 Watch List');
  });

  it('gives no tier for a text that names none', () => {
    const t = 'Trafficking in persons was a problem.';
    expect(findTier(t, null, whole(t))).toBeNull();
  });
});
