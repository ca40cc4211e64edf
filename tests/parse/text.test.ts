import { describe, expect, it } from 'vitest';
import {
  DERIVED_RULES,
  decodeBody,
  FIELD_RULES,
  parseSource,
  toSourceOffset,
} from '../../src/parse/index.js';
import { fetched, fixture, fixtureBytes } from './fetched.js';

describe('parseSource on the Refworld text dump', () => {
  const doc = parseSource(fixture());

  it('reads the metadata block into exact values', () => {
    expect(doc.format).toBe('text');
    expect(doc.metadata).toStrictEqual({
      title: '2017 Trafficking in Persons Report - Kyrgyz Republic',
      publisher: 'United States Department of State',
      publicationDate: '2017-06-27',
      lastUpdated: '2019-11-01',
      citeAs:
        'United States Department of State, 2017 Trafficking in Persons Report - Kyrgyz Republic, 27 June 2017, available at: https://www.refworld.org/docid/5959eca511.html [accessed 5 November 2019]',
      refworldId: '5959eca511',
      url: 'https://www.refworld.org/docid/5959eca511.html',
      reportYear: 2017,
      country: 'Kyrgyz Republic',
    });
  });

  it('keeps the narrative only: from the header line to the last sentence of the profile', () => {
    expect(
      doc.text.startsWith('KYRGYZ REPUBLIC: TIER 2\n\nThe Government of the Kyrgyz Republic (or Kyrgyzstan)'),
    ).toBe(true);
    expect(
      doc.text.endsWith(
        'before extremist groups force them to fight, work, or suffer sexual servitude in Syria.',
      ),
    ).toBe(true);
    expect(doc.text).not.toContain('Search Refworld');
    expect(doc.text).not.toContain('Disclaimer');
    expect(doc.text).not.toContain('Publication Date');
    expect(doc.diagnostics).toStrictEqual([]);
  });

  it('writes blocks separated by exactly one blank line, with no trailing white space', () => {
    expect(doc.text).not.toMatch(/\n{3}/);
    expect(doc.text).not.toMatch(/[ \t]\n|[ \t]$/);
    expect(doc.text.split('\n\n')).toHaveLength(16);
    expect(doc.text.split('\n\n')[2]).toBe('RECOMMENDATIONS FOR KYRGYZ REPUBLIC');
  });

  it('maps every clean offset back to the decoded source (a figure, and every run)', () => {
    const source = decodeBody(fixtureBytes(), 'text/plain');
    const quote = 'the hotline received 2,979 calls in 2016';
    const start = doc.text.indexOf(quote);
    const from = toSourceOffset(doc, start);
    const to = toSourceOffset(doc, start + quote.length);
    expect(source.slice(from, to)).toBe(quote);
    expect(source.slice(from - 30, from)).toBe(
      'provided legal advice and assistance on working abroad; '.slice(-30),
    );
    for (const run of doc.sourceMap) {
      expect(source.slice(run.source, run.source + run.length)).toBe(
        doc.text.slice(run.clean, run.clean + run.length),
      );
    }
    // Only the "\n\n" written between the 16 blocks is not a copy.
    const mapped = doc.sourceMap.reduce((sum, run) => sum + run.length, 0);
    expect(doc.text.length - mapped).toBe(15 * 2);
  });

  it('maps an offset inside a written block break to the end of the run before it', () => {
    const source = decodeBody(fixtureBytes(), 'text/plain');
    const end = 'KYRGYZ REPUBLIC: TIER 2'.length;
    expect(toSourceOffset(doc, end + 1)).toBe(source.indexOf('KYRGYZ REPUBLIC: TIER 2') + end);
    expect(() => toSourceOffset(doc, doc.text.length + 1)).toThrow(RangeError);
  });
});

describe('plain text without a metadata block', () => {
  it('keeps the whole text as the body and leaves every field null', () => {
    const doc = parseSource(
      fetched('KYRGYZSTAN (TIER 2)\n\nKyrgyzstan is a source country for men and women.\n'),
    );
    expect(doc.text).toBe('KYRGYZSTAN (TIER 2)\n\nKyrgyzstan is a source country for men and women.');
    expect(Object.values(doc.metadata).every((value) => value === null)).toBe(true);
  });

  it('splits single-line paragraphs into blocks but keeps hard-wrapped prose and markdown lists together', () => {
    const text = [
      'PROSECUTION',
      'The government maintained law enforcement efforts but did not address serious',
      'allegations of official complicity.',
      'PRIORITIZED RECOMMENDATIONS:',
      '* Increase efforts to identify victims.',
      '* Train judges on the anti-trafficking law.',
      '• Adopt a national action plan.',
    ].join('\n');
    expect(parseSource(fetched(text)).text).toBe(
      [
        'PROSECUTION',
        'The government maintained law enforcement efforts but did not address serious\nallegations of official complicity.',
        'PRIORITIZED RECOMMENDATIONS:',
        '* Increase efforts to identify victims.\n* Train judges on the anti-trafficking law.',
        '• Adopt a national action plan.',
      ].join('\n\n'),
    );
  });

  it('reads the newer Refworld address form into the document id', () => {
    const text = [
      'Trafficking in Persons Report 2008 - Kyrgyzstan',
      'Publisher: United States Department of State',
      'Publication Date: June 4, 2008',
      'Cite as: United States Department of State, Trafficking in Persons Report 2008 - Kyrgyzstan, 4 June 2008, available at: https://www.refworld.org/reference/annualreport/usdos/2008/en/58472 [accessed 1 May 2024]',
      '',
      'KYRGYZSTAN (Tier 2)',
    ].join('\n');
    const doc = parseSource(fetched(text));
    expect(doc.metadata).toMatchObject({
      title: 'Trafficking in Persons Report 2008 - Kyrgyzstan',
      publicationDate: '2008-06-04',
      refworldId: '58472',
      url: 'https://www.refworld.org/reference/annualreport/usdos/2008/en/58472',
      reportYear: 2008,
      country: 'Kyrgyzstan',
    });
    expect(doc.text).toBe('KYRGYZSTAN (Tier 2)');
  });

  it('reads the older table-shaped metadata block (pipes, an Author row, no Last Updated)', () => {
    const text = [
      'U.S. Department of State 2003 Trafficking in Persons Report - Kyrgyz Republic',
      'Publisher | United States Department of State |',
      'Author | Office to Monitor and Combat Trafficking in Persons |',
      'Publication Date | 11 June 2003 |',
      'Cite as | United States Department of State, U.S. Department of State 2003 Trafficking in Persons Report - Kyrgyz Republic, 11 June 2003, available at: https://www.refworld.org/docid/4680d7cfc.html [accessed 6 June 2023] |',
      'Disclaimer | This is not a UNHCR publication. UNHCR is not responsible for, nor does it necessarily endorse, its content. |',
      'Kyrgyz Republic (Tier 2)',
      'Ruritania is a source country for women subjected to forced labor.',
    ].join('\n');
    const doc = parseSource(fetched(text));
    expect(doc.metadata).toStrictEqual({
      title: 'U.S. Department of State 2003 Trafficking in Persons Report - Kyrgyz Republic',
      publisher: 'United States Department of State',
      publicationDate: '2003-06-11',
      lastUpdated: null,
      citeAs:
        'United States Department of State, U.S. Department of State 2003 Trafficking in Persons Report - Kyrgyz Republic, 11 June 2003, available at: https://www.refworld.org/docid/4680d7cfc.html [accessed 6 June 2023]',
      refworldId: '4680d7cfc',
      url: 'https://www.refworld.org/docid/4680d7cfc.html',
      reportYear: 2003,
      country: 'Kyrgyz Republic',
    });
    expect(doc.text).toBe(
      'Kyrgyz Republic (Tier 2)\n\nRuritania is a source country for women subjected to forced labor.',
    );
  });

  it('falls back to the page address for the document id', () => {
    const doc = parseSource(
      fetched('Kyrgyzstan is a source country.', { url: 'https://www.refworld.org/docid/467be3bec.html' }),
    );
    expect(doc.metadata.refworldId).toBe('467be3bec');
    expect(doc.metadata.url).toBeNull();
  });
});

describe('metadata rules', () => {
  it.each(FIELD_RULES.map((rule) => [rule.name, rule] as const))(
    'line rule %s matches its example',
    (_, rule) => {
      expect(rule.pattern.test(rule.example)).toBe(true);
    },
  );

  it.each(
    FIELD_RULES.flatMap((rule) => rule.counterExamples.map((line) => [rule.name, line, rule] as const)),
  )('line rule %s does not match %j', (_, line, rule) => {
    expect(rule.pattern.test(line)).toBe(false);
  });

  it.each(DERIVED_RULES.map((rule) => [rule.name, rule] as const))(
    'derived rule %s matches its example',
    (_, rule) => {
      expect(rule.pattern.test(rule.example)).toBe(true);
    },
  );

  it('reads the legacy comma address form', () => {
    const doc = parseSource(
      fetched('Some text.', { url: 'https://www.refworld.org/publisher,USDOS,,KGZ,467be3bec,0.html' }),
    );
    expect(doc.metadata.refworldId).toBe('467be3bec');
  });
});
