import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  acceptDiff,
  audit,
  compare,
  comparisonsToJson,
  type ExpectedDocument,
  ExpectedFileError,
  expectedFromDocument,
  formatComparison,
  formatExpectedFile,
  formatSummary,
  isClean,
  loadExpectedDir,
  unifiedDiff,
} from '../../src/audit/index.js';
import type { TipDocument } from '../../src/validate/schema.js';
import { tipDocument } from '../helpers/factories.js';
import { richDocument } from '../report/documents.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXPECTED = join(ROOT, 'fixtures', 'expected');
const SEED_ID = 'refworld-5959eca511';

/** The factory document's expected file, as an auditor would write it. */
const factoryExpected = (figures: ExpectedDocument['figures'], complete = true): ExpectedDocument => ({
  id: 'doc-1',
  complete,
  ...(figures ? { figures } : {}),
});

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tip-expected-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

describe('loadExpectedDir', () => {
  it('reads every expected file of fixtures/expected, in name order, with defaults applied', async () => {
    const all = await loadExpectedDir(EXPECTED);
    expect(all.map((e) => e.id)).toContain(SEED_ID);
    expect(all.map((e) => e.id)).toStrictEqual([...all.map((e) => e.id)].sort());
    expect(all.find((e) => e.id === SEED_ID)?.figures).toHaveLength(30);
  });

  it('ignores files that are not JSON files, and defaults complete to false', async () => {
    const dir = await dirWith({ 'NOTES.md': '# notes', 'a.json': '{ "id": "a" }' });
    expect(await loadExpectedDir(dir)).toStrictEqual([{ id: 'a', complete: false }]);
  });

  it.each([
    ['broken.json', '{ "id": ', /broken\.json: not JSON: /],
    [
      'bad.json',
      '{ "id": "bad", "figures": [{ "metric": "convictions", "value": "ten" }] }',
      /bad\.json: figures\[0\]\.value: /,
    ],
    ['extra.json', '{ "id": "extra", "figure": [] }', /extra\.json: \(the whole file\): Unrecognized key/],
    ['copy.json', '{ "id": "original" }', /copy\.json: id "original" differs from the file name "copy"/],
  ])('refuses %s, naming the file and what is wrong', async (name, content, message) => {
    const dir = await dirWith({ [name]: content });
    const error = await loadExpectedDir(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectedFileError);
    expect((error as ExpectedFileError).message).toMatch(message);
    expect((error as ExpectedFileError).file).toBe(join(dir, name));
  });
});

describe('formatComparison', () => {
  it('says a clean comparison is ok, with its counts and scores', () => {
    const c = compare(factoryExpected([{ metric: 'convictions', value: 10, year: 2016 }]), tipDocument());
    expect(formatComparison(c)).toBe(
      [
        'doc-1: ok: 1 figures and 0 statutes match; 0 changed, 0 missing, 0 unexpected, 0 unchecked',
        '  precision 1.000 (1/1), recall 1.000 (1/1)',
      ].join('\n'),
    );
  });

  it('names a changed figure, old -> new, with both quotes', () => {
    const c = compare(
      factoryExpected([{ metric: 'convictions', value: 12, year: 2016, quote: 'convicted 10 offenders' }]),
      tipDocument(),
    );
    expect(formatComparison(c)).toBe(
      [
        'doc-1: DIFFERS: 0 figures and 0 statutes match; 1 changed, 0 missing, 0 unexpected, 0 unchecked',
        '  changed  convictions 2016: 12 -> 10   [expected #0, extracted f1]',
        '           expected quote: "convicted 10 offenders"',
        '           actual quote:   "convicted 10 offenders"',
        '  precision 0.000 (0/1), recall 0.000 (0/1)',
      ].join('\n'),
    );
  });

  it('names every changed field of a figure paired by value and year, the quote included', () => {
    const c = compare(
      factoryExpected([
        { metric: 'convictions', value: 10, unit: 'cases', year: 2016, quote: 'convicted ten offenders' },
      ]),
      tipDocument(),
    );
    expect(formatComparison(c).split('\n').slice(1, 5)).toStrictEqual([
      '  changed  convictions 2016: unit "cases" -> "offenders"   [expected #0, extracted f1]',
      '  changed  convictions 2016: quote "convicted ten offenders" -> "convicted 10 offenders"   [expected #0, extracted f1]',
      '           expected quote: "convicted ten offenders"',
      '           actual quote:   "convicted 10 offenders"',
    ]);
  });

  it('lists missing and unexpected figures of a complete file', () => {
    const c = compare(
      factoryExpected([{ metric: 'prosecutions', value: 3, unit: 'cases', year: 2016 }]),
      tipDocument(),
    );
    const text = formatComparison(c);
    expect(text).toContain('  missing  prosecutions 2016: 3 cases (none given)   [expected #0]');
    expect(text).toContain('  unexpected  convictions 2016: 10 offenders "convicted 10 offenders"   [f1]');
    expect(text).toContain('precision 0.000 (0/1), recall 0.000 (0/1)');
  });

  it('lists the figures a partial file leaves unchecked, and stays ok', () => {
    const doc = richDocument();
    // compare() counts statutes a file leaves out as unexpected even in a partial file, so both are listed here.
    const statutes = doc.statutes.map((st) => ({ instrument: st.instrument, article: st.article }));
    const figures = [{ metric: 'investigations', value: 8, year: 2016 }];
    const c = compare({ id: doc.document.id, complete: false, figures, statutes }, doc);
    const text = formatComparison(c);
    expect(isClean(c)).toBe(true);
    expect(text).toMatch(/^rich-1: ok: 1 figures and 2 statutes match/);
    expect(text).toContain('  unchecked (not yet checked by anyone): 5 figures');
    expect(text).toContain(
      '    investigations 2016 sex trafficking: 5 cases "five sex trafficking cases"   [f2]',
    );
    expect(text).toContain(
      '    sentences reporting period: not reported "did not report on sentences"   [f5]',
    );
  });

  it('names changed document fields and statute penalties', () => {
    const doc = richDocument();
    const c = compare(
      {
        id: doc.document.id,
        complete: false,
        document: { country: 'Lemuria' },
        statutes: [
          {
            instrument: 'criminal code',
            article: '124',
            penalties: [{ kind: 'imprisonment', min: 5, max: 15, unit: 'years' }],
          },
          { instrument: 'criminal code', article: '999' },
        ],
      },
      doc,
    );
    const text = formatComparison(c);
    expect(text).toContain('  changed  document.country: "Lemuria" -> "Atlantis"');
    expect(text).toContain(
      '  changed  statute criminal code:124: penalties [imprisonment 5-15 years] -> [imprisonment 5-20 years; fine (when aggravated, or "repeated")]',
    );
    expect(text).toContain('  missing  statute criminal code article 999');
  });
});

describe('formatSummary and comparisonsToJson', () => {
  const clean = compare(factoryExpected([{ metric: 'convictions', value: 10, year: 2016 }]), tipDocument());
  const changed = compare(
    factoryExpected([{ metric: 'convictions', value: 12, year: 2016, quote: 'convicted 10 offenders' }]),
    tipDocument(),
  );

  it('ends a clean audit with exit 0', () => {
    expect(formatSummary([clean])).toBe(
      [
        'audit: 1 document, 1 ok, 0 differ; 1 matched, 0 changed, 0 missing, 0 unexpected, 0 unchecked',
        'overall precision 1.000 (1/1), recall 1.000 (1/1)',
        'exit 0: every expected figure and statute matches',
      ].join('\n'),
    );
  });

  it('ends a regressed audit with exit 1, naming the documents, and fails on a missing document', () => {
    expect(formatSummary([clean, changed])).toMatch(/\nexit 1: doc-1 regressed\./);
    expect(formatSummary([clean], { missingDocuments: ['gone'] })).toMatch(
      /no extracted document for: gone\nexit 1: gone/,
    );
  });

  it('gives machines the same facts as JSON', () => {
    const json = comparisonsToJson([clean, changed]);
    expect(JSON.parse(JSON.stringify(json))).toStrictEqual(json);
    expect(json.ok).toBe(false);
    expect(json.counts).toStrictEqual({ matched: 1, changed: 1, missing: 0, unexpected: 0, unchecked: 0 });
    expect(json.documents[1]?.figures.changed).toStrictEqual([
      {
        expectedIndex: 0,
        id: 'f1',
        metric: 'convictions',
        year: 2016,
        changes: [{ field: 'value', expected: 12, actual: 10 }],
        expectedQuote: 'convicted 10 offenders',
        actualQuote: 'convicted 10 offenders',
      },
    ]);
  });
});

describe('audit', () => {
  it('pairs expected files with documents by id and reports what cannot be paired', () => {
    const result = audit(
      [factoryExpected([{ metric: 'convictions', value: 10, year: 2016 }]), { id: 'gone', complete: false }],
      [tipDocument(), richDocument()],
    );
    expect(result.comparisons.map((c) => c.id)).toStrictEqual(['doc-1']);
    expect(result.missingDocuments).toStrictEqual(['gone']);
    expect(result.unaudited).toStrictEqual(['rich-1']);
    expect(result.ok).toBe(false);
  });
});

describe('acceptDiff', () => {
  it.each([
    ['the factory document', tipDocument()],
    ['a document that uses every field', richDocument()],
  ])('projects %s so that comparing it back is clean, with nothing unchecked', (_, doc: TipDocument) => {
    const { next, diff } = acceptDiff(null, doc);
    const c = compare(next, doc);
    expect(isClean(c)).toBe(true);
    expect(c.figures.matched).toHaveLength(doc.figures.length);
    expect(c.statutes.matched).toHaveLength(doc.statutes.length);
    expect(diff.startsWith(`--- /dev/null\n+++ extracted/${doc.document.id}.json\n@@ -0,0 +1,`)).toBe(true);
    expect(acceptDiff(next, doc).diff).toBe('');
  });

  it('writes figure links as indexes and keeps the file partial when it was', () => {
    const doc = richDocument();
    const next = expectedFromDocument(doc, false);
    expect(next.complete).toBe(false);
    expect(next.figures?.[1]).toStrictEqual({
      metric: 'investigations',
      value: 5,
      unit: 'cases',
      year: 2016,
      breakdown: 'sex trafficking',
      partOf: 0,
      quote: 'five sex trafficking cases',
    });
    expect(next.figures?.[0]?.comparedWithIndex).toBe(3);
    expect(acceptDiff({ id: doc.document.id, complete: false }, doc).next.complete).toBe(false);
  });

  it('shows one changed figure as one removed and one added line', () => {
    const doc = tipDocument();
    const old = acceptDiff(null, doc).next;
    const changed: ExpectedDocument = {
      ...old,
      figures: [{ ...(old.figures?.[0] ?? { metric: '', value: null }), value: 12 }],
    };
    const { diff } = acceptDiff(changed, doc);
    expect(diff.split('\n').filter((l) => /^[-+](?![-+])/.test(l))).toStrictEqual([
      '-    { "metric": "convictions", "value": 12, "unit": "offenders", "year": 2016, "quote": "convicted 10 offenders" }',
      '+    { "metric": "convictions", "value": 10, "unit": "offenders", "year": 2016, "quote": "convicted 10 offenders" }',
    ]);
  });

  it('formats the seed expected file exactly as it was written by hand', async () => {
    const [e] = (await loadExpectedDir(EXPECTED)).filter((x) => x.id === SEED_ID);
    expect(e && formatExpectedFile(e)).toBe(await readFile(join(EXPECTED, `${SEED_ID}.json`), 'utf8'));
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts and numbers its hunks as diff -u does', () => {
    expect(unifiedDiff('a\n', 'a\n', ['x', 'y'])).toBe('');
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n');
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8', '9', '10'].join('\n');
    expect(unifiedDiff(before, after, ['old', 'new'])).toBe(
      [
        '--- old',
        '+++ new',
        '@@ -3,7 +3,8 @@',
        ' 3',
        ' 4',
        '-5',
        '+five',
        ' 6',
        ' 7',
        ' 8',
        ' 9',
        '+10',
        '',
      ].join('\n'),
    );
  });
});

describe('the audit of the seed narrative', () => {
  // Imported here, not at the top, so that the tests above run even while a pipeline stage is being rebuilt.
  it('passes on the hand-checked file, and fails naming the figure when one expected value is changed', async () => {
    const { processFile } = await import('../helpers/pipeline.js');
    const doc = await processFile(join(ROOT, 'fixtures', 'sources', `${SEED_ID}.txt`));
    const [expected] = (await loadExpectedDir(EXPECTED)).filter((e) => e.id === SEED_ID);
    if (!expected) throw new Error('no seed expected file');
    expect(formatComparison(compare(expected, doc))).toMatch(
      /^refworld-5959eca511: ok: 30 figures and 5 statutes match/,
    );
    const figures = (expected.figures ?? []).map((f, i) => (i === 0 ? { ...f, value: 9 } : f));
    const text = formatComparison(compare({ ...expected, figures }, doc));
    expect(text).toContain('  changed  investigations 2016: 9 -> 8   [expected #0, extracted f1]');
    expect(text).toContain('           expected quote: "initiated eight trafficking investigations"');
    const round = acceptDiff(null, doc).next;
    expect(isClean(compare(round, doc))).toBe(true);
  });
});
