import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { segment } from '../../src/segment/index.js';
import { fetched } from '../parse/fetched.js';
import { expectWellFormed } from './invariants.js';

/**
 * Small narratives written for these tests in the shape of each era of the TIP report (not quoted
 * from any report), read through parse as plain text, then segmented.
 */
function run(lines: readonly string[], path = 'narrative.txt') {
  const doc = parseSource(fetched(lines.join('\n\n'), { path }));
  const result = segment(doc);
  expectWellFormed(doc.text, result);
  const outline = result.sections.map((section): [string, string | null, string[]] => [
    section.kind,
    section.heading,
    section.paragraphs.map((p) => doc.text.slice(p.start, p.end).slice(0, 24)),
  ]);
  return { doc, result, outline };
}

const PROFILE = 'Ruritania is a source country for men and women subjected to forced labor in farming.';
const ASSESSMENT_OLD =
  'The Government of Ruritania does not fully comply with the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so.';
const ASSESSMENT_NEW =
  'The Government of Ruritania does not fully meet the minimum standards for the elimination of trafficking but is making significant efforts to do so.';
const PROSECUTION = 'The government opened four cases against labor recruiters.';
const PROTECTION = 'The government referred nine victims to a shelter run by an NGO.';
const PREVENTION = 'The government printed leaflets for migrant workers.';

describe('era shapes', () => {
  it('2001-2004: header in capitals, profile first, run-in headings with and without a colon', () => {
    const { result, outline } = run([
      'RURITANIA (TIER 2)',
      PROFILE,
      ASSESSMENT_OLD,
      `Prosecution: ${PROSECUTION}`,
      `Protection ${PROTECTION}`,
      'Prevention',
      PREVENTION,
    ]);
    expect(result.kind).toBe('tip_narrative');
    expect(result.header).toMatchObject({ country: 'RURITANIA', placement: 'Tier 2' });
    expect(outline).toStrictEqual([
      ['header', 'RURITANIA (TIER 2)', []],
      ['profile', null, ['Ruritania is a source co']],
      ['summary', null, ['The Government of Rurita']],
      ['prosecution', 'Prosecution', ['The government opened fo']],
      ['protection', 'Protection', ['The government referred ']],
      ['prevention', 'Prevention', ['The government printed l']],
    ]);
    expect(result.diagnostics).toStrictEqual([
      { severity: 'info', rule: 'missing-section', message: 'Found no recommendations section' },
    ]);
  });

  it('2001-2004: mixed-case header and no section headings at all', () => {
    const { result, outline } = run(['Ruritania (Tier 3)', PROFILE, ASSESSMENT_OLD, PROSECUTION, PROTECTION]);
    expect(result.kind).toBe('tip_narrative');
    expect(result.header).toMatchObject({ country: 'Ruritania', placement: 'Tier 3' });
    expect(outline.map(([kind]) => kind)).toStrictEqual(['header', 'profile', 'summary']);
    expect(result.diagnostics.map((d) => d.message)).toStrictEqual([
      'Found no recommendations section',
      'Found no prosecution section',
      'Found no protection section',
      'Found no prevention section',
    ]);
  });

  it('2005-2009: Watch List header, inline recommendations paragraph, mixed-case headings', () => {
    const { result, outline } = run([
      'RURITANIA (Tier 2 Watch List)',
      PROFILE,
      ASSESSMENT_OLD,
      'Recommendations for Ruritania: Prosecute labor recruiters; train border guards; open a second shelter.',
      'Prosecution',
      PROSECUTION,
      'Protection',
      PROTECTION,
      'Prevention',
      PREVENTION,
    ]);
    expect(result.header).toMatchObject({ country: 'RURITANIA', placement: 'Tier 2 Watch List' });
    expect(outline).toStrictEqual([
      ['header', 'RURITANIA (Tier 2 Watch List)', []],
      ['profile', null, ['Ruritania is a source co']],
      ['summary', null, ['The Government of Rurita']],
      ['recommendations', 'Recommendations for Ruritania', ['Prosecute labor recruite']],
      ['prosecution', 'Prosecution', ['The government opened fo']],
      ['protection', 'Protection', ['The government referred ']],
      ['prevention', 'Prevention', ['The government printed l']],
    ]);
    expect(result.diagnostics).toStrictEqual([]);
  });

  it('2010-2016: "COUNTRY: Tier 2", a recommendations heading line, two profile paragraphs', () => {
    const { result, outline } = run([
      'SAINT RURITANIA AND THE GRENADINES: Tier 2',
      PROFILE,
      'Ruritanian women are also exploited in domestic service abroad.',
      ASSESSMENT_OLD,
      'Recommendations for Saint Ruritania and the Grenadines:',
      'Prosecute labor recruiters; train border guards.',
      'Prosecution:',
      PROSECUTION,
      'Protection:',
      PROTECTION,
      'Prevention:',
      PREVENTION,
    ]);
    expect(result.header).toMatchObject({
      country: 'SAINT RURITANIA AND THE GRENADINES',
      placement: 'Tier 2',
    });
    expect(outline.map(([kind, heading, paragraphs]) => [kind, heading, paragraphs.length])).toStrictEqual([
      ['header', 'SAINT RURITANIA AND THE GRENADINES: Tier 2', 0],
      ['profile', null, 2],
      ['summary', null, 1],
      ['recommendations', 'Recommendations for Saint Ruritania and the Grenadines', 1],
      ['prosecution', 'Prosecution', 1],
      ['protection', 'Protection', 1],
      ['prevention', 'Prevention', 1],
    ]);
  });

  it('2017-2019: summary first and TRAFFICKING PROFILE last; a special case', () => {
    const { result, outline } = run([
      'RURITANIA: SPECIAL CASE',
      ASSESSMENT_NEW,
      'RECOMMENDATIONS FOR RURITANIA',
      'Prosecute labor recruiters; train border guards.',
      'PROSECUTION',
      PROSECUTION,
      'PROTECTION',
      PROTECTION,
      'PREVENTION',
      PREVENTION,
      'TRAFFICKING PROFILE',
      PROFILE,
    ]);
    expect(result.header).toMatchObject({ country: 'RURITANIA', placement: 'Special Case' });
    expect(outline.map(([kind]) => kind)).toStrictEqual([
      'header',
      'summary',
      'recommendations',
      'prosecution',
      'protection',
      'prevention',
      'profile',
    ]);
  });

  it('2020-2024: PRIORITIZED RECOMMENDATIONS one per line, bulleted with "*", "-" or not at all', () => {
    const { doc, result, outline } = run([
      "CÔTE D'IVOIRE: Tier 2 Watch List",
      ASSESSMENT_NEW,
      'PRIORITIZED RECOMMENDATIONS:',
      '* Prosecute labor recruiters.\n* Train border guards.',
      '- Open a second shelter.',
      'Adopt a national action plan.',
      'PROSECUTION',
      PROSECUTION,
      'PROTECTION',
      PROTECTION,
      'PREVENTION',
      PREVENTION,
      'TRAFFICKING PROFILE',
      PROFILE,
    ]);
    expect(result.header).toMatchObject({ country: "CÔTE D'IVOIRE", placement: 'Tier 2 Watch List' });
    expect(outline[2]).toStrictEqual([
      'recommendations',
      'PRIORITIZED RECOMMENDATIONS',
      [
        'Prosecute labor recruite',
        'Train border guards.',
        'Open a second shelter.',
        'Adopt a national action ',
      ],
    ]);
    const recommendations = result.sections[2]!.paragraphs.map((p) => doc.text.slice(p.start, p.end));
    expect(recommendations).toStrictEqual([
      'Prosecute labor recruiters.',
      'Train border guards.',
      'Open a second shelter.',
      'Adopt a national action plan.',
    ]);
    expect(outline.map(([kind]) => kind)).toStrictEqual([
      'header',
      'summary',
      'recommendations',
      'prosecution',
      'protection',
      'prevention',
      'profile',
    ]);
  });

  it('2020-2024 in markdown: headings with markers, "COUNTRY (Tier 2)"', () => {
    const { result, outline } = run(
      [
        "## KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF (Tier 3)",
        ASSESSMENT_NEW,
        '### PRIORITIZED RECOMMENDATIONS:',
        '* Prosecute labor recruiters.',
        '### PROSECUTION',
        PROSECUTION,
        '### TRAFFICKING PROFILE',
        PROFILE,
      ],
      'narrative.md',
    );
    expect(result.header).toMatchObject({
      country: "KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF",
      placement: 'Tier 3',
    });
    expect(outline.map(([kind, heading]) => [kind, heading])).toStrictEqual([
      ['header', "KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF (Tier 3)"],
      ['summary', null],
      ['recommendations', 'PRIORITIZED RECOMMENDATIONS'],
      ['prosecution', 'PROSECUTION'],
      ['profile', 'TRAFFICKING PROFILE'],
    ]);
  });

  it('finds a heading on the first line of a paragraph (a page that breaks lines with a single <br>)', () => {
    const page = `<div>RURITANIA (TIER 2)<br>${PROFILE}<br>${ASSESSMENT_OLD}<br><br>PROSECUTION<br>${PROSECUTION}<br><br>Protection<br>${PROTECTION}</div>`;
    const doc = parseSource(fetched(page, { contentType: 'text/html' }));
    const result = segment(doc);
    expectWellFormed(doc.text, result);
    expect(result.header).toStrictEqual({ start: 0, end: 18, country: 'RURITANIA', placement: 'Tier 2' });
    expect(
      result.sections.map((section) => [
        section.kind,
        section.heading,
        doc.text.slice(section.paragraphs[0]?.start ?? 0).slice(0, 20),
      ]),
    ).toStrictEqual([
      ['header', 'RURITANIA (TIER 2)', 'RURITANIA (TIER 2)\nR'],
      ['profile', null, 'Ruritania is a sourc'],
      ['prosecution', 'PROSECUTION', 'The government opene'],
      ['protection', 'Protection', 'The government refer'],
    ]);
  });

  it('a narrative without a header line is still a narrative when two sections are named', () => {
    const { result } = run(['PROSECUTION', PROSECUTION, 'PROTECTION', PROTECTION]);
    expect(result.kind).toBe('tip_narrative');
    expect(result.header).toBeNull();
    expect(result.diagnostics).toContainEqual({
      severity: 'warning',
      rule: 'no-header',
      message: 'Found no "COUNTRY: TIER" header line',
    });
  });

  it('gives exact sentence offsets across an abbreviation and a decimal', () => {
    const { doc, result } = run([
      'RURITANIA: TIER 1',
      'The U.S. Embassy funded 1.5 shelters per province. Mr. Smith (an NGO lawyer) said so.',
    ]);
    expect(result.sentences).toStrictEqual([
      { start: 19, end: 69 },
      { start: 70, end: 104 },
    ]);
    expect(doc.text.slice(70, 104)).toBe('Mr. Smith (an NGO lawyer) said so.');
  });
});
