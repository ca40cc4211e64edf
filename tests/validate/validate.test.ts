import { describe, expect, it } from 'vitest';
import { validate } from '../../src/validate/index.js';
import { FACTORY_TEXT, figure, tipDocument } from '../helpers/factories.js';

describe('validate', () => {
  it('accepts a valid document and returns it typed', () => {
    const doc = tipDocument();
    expect(FACTORY_TEXT.slice(26, 48)).toBe('convicted 10 offenders');
    expect(validate(doc)).toStrictEqual({ success: true, data: doc });
  });

  it('reports a wrong field with its path, without throwing', () => {
    const doc = tipDocument({ figures: [figure({ value: '10' as unknown as number })] });
    const result = validate(doc);
    expect(result.success).toBe(false);
    expect(!result.success && result.issues.map((i) => [i.path, i.code])).toStrictEqual([
      ['figures.0.value', 'invalid_type'],
    ]);
  });

  it('reports a quote that is not its slice of the text', () => {
    const result = validate(tipDocument({ figures: [figure({ quote: 'convicted 11 offenders' })] }));
    expect(!result.success && result.issues).toStrictEqual([
      {
        path: 'figures.0',
        code: 'span_quote_mismatch',
        message: 'Expected the quote to equal text.slice(26, 48)',
      },
    ]);
  });

  it('reports offsets past the end of the text', () => {
    const result = validate(tipDocument({ figures: [figure({ end: 999 })] }));
    expect(!result.success && result.issues.map((i) => i.code)).toStrictEqual(['span_out_of_range']);
  });

  it('refuses a document id that could not be a file name', () => {
    const doc = tipDocument();
    doc.document.id = '../etc/passwd';
    const result = validate(doc);
    expect(!result.success && result.issues.map((i) => i.path)).toStrictEqual(['document.id']);
  });

  it('refuses an unknown tier placement', () => {
    const result = validate(
      tipDocument({ tier: { placement: 'Tier 4' as 'Tier 1', start: 0, end: 9, quote: 'X: TIER 2' } }),
    );
    expect(!result.success && result.issues.map((i) => i.path)).toStrictEqual(['tier.placement']);
  });
});
