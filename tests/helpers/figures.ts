import { processSource } from '../../src/pipeline.js';
import type { Figure, TipDocument } from '../../src/validate/schema.js';

/**
 * The figures of one paragraph, extracted as if it stood in the PROSECUTION section of a 2017-shaped
 * narrative (or, with `hrr`, in a human-rights report's trafficking section).
 *
 * @param paragraph The sentences.
 * @param options `hrr` for a human-rights-report section.
 */
export function figuresOf(paragraph: string, options: { hrr?: boolean } = {}): Figure[] {
  return documentOf(paragraph, options).figures;
}

/**
 * The whole document made of one paragraph, as `figuresOf` builds it.
 *
 * @param paragraph The sentences.
 * @param options `hrr` for a human-rights-report section.
 */
export function documentOf(paragraph: string, options: { hrr?: boolean } = {}): TipDocument {
  const text = options.hrr
    ? `#### Trafficking in Persons\n\n${paragraph}\n`
    : `COUNTRY X: TIER 2\n\nPROSECUTION\n\n${paragraph}\n`;
  const result = processSource({
    source: { id: 'test', path: options.hrr ? 'test.md' : 'test.txt' },
    url: null,
    body: new TextEncoder().encode(text),
    contentType: null,
    sha256: '0'.repeat(64),
  });
  if (!result.ok) throw new Error(result.failure.message);
  return result.document;
}

/** A figure reduced to the fields a test row states: metric, value, unit, year (or period), quote. */
export function brief(f: Figure): string {
  const when = [f.year, f.period].filter((x) => x !== null && x !== undefined).join(' ');
  const extra = [
    f.qualifier,
    f.breakdown && `part: ${f.breakdown}`,
    f.partOf && `of ${f.partOf}`,
    f.comparedWith && `vs ${f.comparedWith}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${f.id} ${f.metric} ${f.value} ${f.unit ?? '-'} ${when}${extra ? ` (${extra})` : ''} "${f.quote}"`;
}
