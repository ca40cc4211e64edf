import { describe, expect, it } from 'vitest';
import { compare } from '../../src/audit/compare.js';
import { processSource } from '../../src/process.js';
import { escapeHtml } from '../../src/report/escape.js';
import { headlineFigure, highlightText, renderReport } from '../../src/report/index.js';
import { figure, tipDocument } from '../helpers/factories.js';
import { fetched } from '../parse/fetched.js';
import { hostileDocument, PAYLOADS, richDocument, seriesDocuments } from './documents.js';

/** The text a browser would show: tags dropped, the five escapes undone (the report writes no other entity). */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every start tag is closed in order: the nesting the browser will build is the nesting we wrote. */
function isWellNested(html: string): boolean {
  const stack: string[] = [];
  for (const [, close, name] of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (!close) stack.push(name ?? '');
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

const primaryFigures = (html: string): string[] =>
  [...html.matchAll(/<mark class="fig[^"]*" id="([^"]+)"/g)].map((m) => m[1] ?? '');

describe('escapeHtml', () => {
  it.each([
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    [`"'`, '&quot;&#39;'],
    ['&amp;', '&amp;amp;'],
  ])('escapes %s', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

describe('highlightText', () => {
  it('keeps the clean text exactly, wraps every figure once and nests well', () => {
    const doc = richDocument();
    const html = highlightText(doc, 0);
    expect(visibleText(html)).toBe(doc.text);
    expect(primaryFigures(html)).toStrictEqual(doc.figures.map((_, i) => `d0-f${i}`));
    expect(isWellNested(html)).toBe(true);
    expect(html.match(/class="num"/g)?.length).toBeGreaterThanOrEqual(doc.numbers.length);
    expect(html.match(/class="stat"/g)?.length).toBe(1);
  });

  it('puts a number inside its figure, so that the figure colour wins', () => {
    const html = highlightText(tipDocument(), 0);
    expect(html).toContain(
      'convicted <span class="num" data-kind="count" title="number: count 10">10</span> offenders</mark>',
    );
  });

  it('gives crossing figures one primary element each and a continuation fragment', () => {
    // "convicted 10" and "10 offenders" cross: the second is cut where the first closes and reopened after it.
    const doc = tipDocument({
      figures: [
        figure({ id: 'a', start: 26, end: 38, quote: 'convicted 10' }),
        figure({ id: 'b', start: 36, end: 48, quote: '10 offenders' }),
      ],
      numbers: [],
    });
    const html = highlightText(doc, 3);
    expect(primaryFigures(html)).toStrictEqual(['d3-f0', 'd3-f1']);
    expect(html.match(/fig-cont" data-ref="d3-f1"/g)?.length).toBe(1);
    expect(isWellNested(html)).toBe(true);
    expect(visibleText(html)).toBe(doc.text);
  });

  it('nests figures that share a start, the longer outside', () => {
    const doc = tipDocument({
      figures: [
        figure({ id: 'short', start: 26, end: 35, quote: 'convicted' }),
        figure({ id: 'long', start: 26, end: 48, quote: 'convicted 10 offenders' }),
      ],
      numbers: [],
    });
    const html = highlightText(doc, 0);
    expect(html.indexOf('id="d0-f1"')).toBeLessThan(html.indexOf('id="d0-f0"'));
    expect(html).not.toContain('fig-cont');
  });

  it('writes a figure that names no words as an empty element, still counted', () => {
    const doc = tipDocument({ figures: [figure({ start: 26, end: 26, quote: '' })], numbers: [] });
    expect(primaryFigures(highlightText(doc, 0))).toStrictEqual(['d0-f0']);
  });
});

describe('renderReport', () => {
  it('is one self-contained page: no external address, no fetch allowed', () => {
    const html = renderReport([richDocument(), ...seriesDocuments()]);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/\s(?:src|href)="(?!#)/);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain('default-src &#39;none&#39;');
    expect(html.match(/<script>/g)?.length).toBe(1);
  });

  it('is deterministic and independent of the order of the documents', () => {
    const docs = [richDocument(), ...seriesDocuments(), tipDocument()];
    expect(renderReport([...docs].reverse())).toBe(renderReport(docs));
  });

  it('carries every figure field the panel shows as data attributes', () => {
    const html = renderReport([richDocument()]);
    expect(html).toContain(
      'data-ref="d0-f0" data-id="f1" data-metric="investigations" data-value="8" data-unit="cases" data-year="2016" data-statute="criminal code:124" data-compared-with="f4" data-section="summary" data-quote="initiated eight trafficking investigations"',
    );
    expect(html).toContain('data-qualifier="approximately"');
    expect(html).toContain('data-actor="government"');
    expect(html).toContain('data-breakdown="sex trafficking" data-part-of="f1"');
  });

  it('lists figures by section, the arithmetic warning and the notes', () => {
    const html = renderReport([richDocument()]);
    expect(html).toContain('Summary (6)');
    expect(html).toContain('<a href="#d0-f5">f6</a>');
    expect(html).toMatch(
      /<h3>Arithmetic warnings<\/h3><ul><li class="diag warning" data-rule="breakdown-sum">/,
    );
    expect(html).toContain('<summary>1 note</summary>');
  });

  it('keeps hostile text as text everywhere: body, attributes, ids, metadata and diagnostics', () => {
    const html = renderReport([hostileDocument()], { title: PAYLOADS[0] });
    for (const bad of ['<script>window', '<img', '<svg onload', '</textarea>', 'onerror="', '<b>']) {
      expect(html).not.toContain(bad);
    }
    expect(html.match(/<script>/g)?.length).toBe(1);
    for (const p of PAYLOADS) expect(visibleText(html)).toContain(p);
  });

  it('shows the audit status of each figure when given comparisons', () => {
    const doc = richDocument();
    const c = compare(
      {
        id: doc.document.id,
        complete: false,
        figures: [{ metric: 'investigations', value: 9, year: 2016, quote: doc.figures[0]?.quote ?? '' }],
      },
      doc,
    );
    const html = renderReport([doc], { comparisons: [c] });
    expect(html).toContain('class="fig audit-changed" id="d0-f0"');
    expect(html).toContain('class="fig audit-unchecked" id="d0-f1"');
    expect(html).toContain('investigations 2016: 9 -&gt; 8');
  });
});

describe('trend charts', () => {
  it('draws one chart for a country with several report years, with gaps where a year has no figure', () => {
    const html = renderReport(seriesDocuments());
    expect(html.match(/<svg class="trend"/g)?.length).toBe(1);
    expect(html.match(/<circle class="dot s-investigations"/g)?.length).toBe(3);
    expect(html.match(/<circle class="dot s-convictions"/g)?.length).toBe(2);
    expect(html.match(/<line class="line s-convictions"/g)).toBeNull();
    expect(html.match(/<line class="line s-prosecutions"/g)?.length).toBe(2);
    const trends = html.slice(html.indexOf('<section class="trends"'), html.indexOf('</section>'));
    expect(trends).not.toMatch(/\b99\b/);
  });

  it('draws none when every country has a single report year', () => {
    expect(renderReport([richDocument(), tipDocument()])).not.toContain('<svg');
  });

  it('takes as headline the first whole figure of the reporting period, not parts or comparisons', () => {
    const doc = richDocument();
    expect(headlineFigure(doc, 'investigations')?.id).toBe('f1');
    expect(headlineFigure(doc, 'people_trained')).toBeUndefined();
    const [first] = seriesDocuments();
    expect(first && headlineFigure(first, 'investigations')?.value).toBe(3);
  });
});

describe('the report of the real source fixtures', () => {
  // Imported here, not at the top, so that the tests above run even while a pipeline stage is being rebuilt.
  it('keeps every text exactly, wraps every figure once and nests well', async () => {
    const { processFile, sourceFixtures } = await import('../helpers/pipeline.js');
    for (const [id, path] of sourceFixtures()) {
      const doc = await processFile(path, id);
      const html = highlightText(doc, 0);
      expect(visibleText(html), id).toBe(doc.text);
      // Each figure exactly once; in text order, which need not be the order of `figures`.
      expect(primaryFigures(html).sort(), id).toStrictEqual(doc.figures.map((_, i) => `d0-f${i}`).sort());
      expect(isWellNested(html), id).toBe(true);
    }
  });
});

describe('a document with tens of thousands of highlights', () => {
  it('renders in linear time: 5,000 headed paragraphs, each a figure and a number, in well under 5 s', () => {
    const text = Array.from(
      { length: 5_000 },
      (_, i) => `PROSECUTION\n\nThe government convicted ${i} offenders.`,
    ).join('\n\n');
    const processed = processSource(fetched(text, { path: 'huge.txt' }));
    if (!processed.ok) throw new Error(processed.failure.message);
    const figures = processed.document.figures.length;
    expect(figures).toBeGreaterThan(4_500);
    const started = performance.now();
    const html = highlightText(processed.document, 0);
    // The quadratic version this replaced took about a minute here (2 s at 1,000, 9.5 s at 2,000); the
    // sweep takes about 0.15 s.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(html.match(/<mark[^>]* role="button"/g)).toHaveLength(figures);
    expect(html.match(/class="sec-anchor"/g)).toHaveLength(processed.document.sections.length);
  });
});
