import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../src/extract/index.js';
import { MAX_SOURCE_BYTES } from '../src/extract/limits.js';
import type { Fetched } from '../src/fetch/types.js';
import { type Processed, processSource, run } from '../src/pipeline.js';
import { ROOT } from './helpers/pipeline.js';

/**
 * Bad, broken and hostile input: each gets a classified error or a partial result that says what it lacks,
 * within a stated time bound, and a bad document never costs the previous good output.
 */

const SEED = readFileSync(join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt'), 'utf8');

function fetched(body: string | Uint8Array, contentType: string | null = null, path = 'doc.txt'): Fetched {
  return {
    source: { id: 'doc', path },
    url: null,
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    contentType,
    sha256: '0'.repeat(64),
  };
}

function timed(input: Fetched): { result: Processed; ms: number } {
  const start = performance.now();
  const result = processSource(input);
  return { result, ms: performance.now() - start };
}

const failureOf = (p: Processed) =>
  p.ok ? null : `${p.failure.errorClass}: ${p.failure.message.split(':')[0]}`;

describe('unusable sources fail with a classified error', () => {
  it.each([
    ['empty', ''],
    ['white space only', ' \n\t\n '],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3])],
    [
      'an HTTP error page served with 200',
      '<html><body><h1>404 Not Found</h1><p>The page you requested was not found.</p></body></html>',
    ],
    ['a maintenance page', 'Service temporarily unavailable. Refworld is under maintenance.'],
  ])('%s', (_, body) => {
    const { result } = timed(fetched(body));
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.failure.errorClass).toBe('ParseError');
  });

  it('a source over MAX_SOURCE_BYTES', () => {
    const { result } = timed(fetched('x '.repeat(MAX_SOURCE_BYTES / 2 + 1)));
    expect(failureOf(result)).toMatch(/^ParseError/);
  });
});

describe('broken sources give a partial result that says what it lacks', () => {
  it('truncated HTML: the part that arrived, with its missing sections named', () => {
    const html = `<html><body><main>${SEED.split(/\n\n+/)
      .map((p) => `<p>${p}</p>`)
      .join('')}</main></body></html>`;
    const cut = html.slice(0, html.indexOf('PROTECTION') + 200);
    const { result } = timed(fetched(cut, 'text/html'));
    expect(result.ok).toBe(true);
    const doc = result.ok ? result.document : null;
    expect(doc?.document.kind).toBe('tip_narrative');
    expect(doc?.sections.map((s) => s.kind)).not.toContain('prevention');
    expect(
      doc?.diagnostics
        .filter((d) => d.rule === 'missing-section')
        .map((d) => d.message)
        .join(' '),
    ).toMatch(/prevention/i);
    expect(doc?.figures.find((f) => f.metric === 'convictions' && f.year === 2016)?.value).toBe(10);
  });

  it('a page that is not a narrative: its numbers, a warning, kind unknown', () => {
    const { result } = timed(
      fetched('The museum opened in 1998 and received 12,000 visitors in 2019, compared with 9,500 in 2018.'),
    );
    const doc = result.ok ? result.document : null;
    expect(doc?.document.kind).toBe('unknown');
    expect(doc?.diagnostics.map((d) => d.rule)).toContain('not-a-tip-narrative');
    expect(doc?.numbers.map((n) => n.text)).toStrictEqual(['1998', '12,000', '2019', '9,500', '2018']);
  });
});

describe('odd encodings read as the same narrative', () => {
  const baseline = processSource(fetched(SEED));
  const figures = (p: Processed) =>
    p.ok ? p.document.figures.map((f) => `${f.metric}:${f.value}:${f.year}`) : [];

  it('a byte-order mark and CRLF line ends', () => {
    const { result } = timed(fetched(`\uFEFF${SEED.replace(/\n/g, '\r\n')}`));
    expect(figures(result)).toStrictEqual(figures(baseline));
  });

  it('windows-1252 bytes with curly quotes, no charset declared', () => {
    const text = SEED.replace(
      'entitled "Trafficking in Persons,"',
      'entitled \u201CTrafficking in Persons,\u201D',
    );
    const bytes = Uint8Array.from(text, (c) =>
      c === '\u201C' ? 0x93 : c === '\u201D' ? 0x94 : c.charCodeAt(0) & 0xff,
    );
    const { result } = timed(fetched(bytes));
    expect(result.ok && result.document.text).toContain('entitled \u201CTrafficking in Persons,\u201D');
    expect(figures(result)).toStrictEqual(figures(baseline));
  });

  it('UTF-8 read as windows-1252 (mojibake) is repaired', () => {
    const { result } = timed(
      fetched(
        SEED.replace(
          "the government's anti-trafficking efforts",
          'the government\u00e2\u20ac\u2122s anti-trafficking efforts',
        ),
      ),
    );
    expect(result.ok && result.document.text).toContain('the government\u2019s anti-trafficking efforts');
  });
});

describe('hostile HTML is only ever read as text', () => {
  it('scripts, handlers and styles do not reach the clean text', () => {
    const html = `<html><head><script>alert(1)</script><style>p{}</style></head><body><main>
<p>KYRGYZ REPUBLIC: TIER 2</p><p onclick="alert(2)">The government convicted 10 offenders in 2016.<img src=x onerror="alert(3)"></p>
<script>document.write('convicted 99 offenders')</script><iframe src="javascript:alert(4)"></iframe></main></body></html>`;
    const { result } = timed(fetched(html, 'text/html'));
    const doc = result.ok ? result.document : null;
    expect(doc?.text).not.toMatch(/alert|onerror|document\.write|99/);
    expect(doc?.figures.map((f) => [f.metric, f.value])).toStrictEqual([['convictions', 10]]);
  });
});

/** Adversarial inputs and the bound each must finish within, whatever the machine's load (about 10x margin). */
const ADVERSARIAL: [string, () => Fetched, number][] = [
  [
    '1 MB with no newline',
    () => fetched(`${'The government convicted 10 offenders in 2016 and '.repeat(20_000)}.`),
    15_000,
  ],
  ['100,000 digits with commas', () => fetched(Array.from({ length: 100_000 }, () => '1').join(',')), 10_000],
  ['"article article ..." x 100,000', () => fetched('article '.repeat(100_000)), 10_000],
  [
    'HTML nested 10,000 deep',
    () =>
      fetched(
        `<html><body>${'<div>'.repeat(10_000)}convicted 3 traffickers${'</div>'.repeat(10_000)}</body></html>`,
        'text/html',
      ),
    10_000,
  ],
  [
    '10,000 headings',
    () =>
      fetched(
        Array.from(
          { length: 10_000 },
          (_, i) => `PROSECUTION\n\nThe government convicted ${i} offenders.`,
        ).join('\n\n'),
      ),
    20_000,
  ],
  [
    'one sentence of 200,000 words',
    () => fetched(`${'and the government identified five victims '.repeat(30_000)}.`),
    20_000,
  ],
];

describe('adversarial inputs finish within a stated bound', () => {
  it.each(ADVERSARIAL)('%s', (_, make, bound) => {
    const { result, ms } = timed(make());
    expect(ms).toBeLessThan(bound);
    if (result.ok) expect(result.document.text.length).toBeGreaterThan(0);
  });
});

describe('a bad document never costs the previous good output', () => {
  it('an error page served in place of a narrative fails, and the good JSON stays byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tip-keep-'));
    await copyFile(join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt'), join(dir, 'seed.txt'));
    await writeFile(join(dir, 'sources.json'), JSON.stringify([{ id: 'seed', path: 'seed.txt' }]));
    const options = { sources: join(dir, 'sources.json'), out: join(dir, 'out') };
    expect((await run(options)).failed).toBe(0);
    const good = await readFile(join(dir, 'out', 'seed.json'), 'utf8');
    for (const bad of [
      '<h1>503 Service Unavailable</h1>',
      '',
      'Welcome! Please sign in to continue reading.',
    ]) {
      await writeFile(join(dir, 'seed.txt'), bad);
      const report = await run(options);
      expect(report.failed, JSON.stringify(bad)).toBe(1);
      expect(report.documents[0]?.failure?.errorClass).toMatch(/^(?:ParseError|ContentError)$/);
      expect(await readFile(join(dir, 'out', 'seed.json'), 'utf8')).toBe(good);
      expect(await readFile(join(dir, 'out', 'figures.csv'), 'utf8')).toMatch(/^seed,/m);
    }
  });
});

describe('inputs that once hung the numbers scanner', () => {
  it.each(['1/2.5.6', '27.06.2017.5.6', 'version 1/2.5.6 released', '.5.6', '3/4.5'])(
    '%j returns at once',
    (line) => {
      const start = performance.now();
      const numbers = extractNumbers(line);
      expect(performance.now() - start).toBeLessThan(1_000);
      for (const n of numbers) expect(line.slice(n.start, n.end)).toBe(n.text);
    },
  );
});
