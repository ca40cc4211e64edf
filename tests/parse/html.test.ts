import { describe, expect, it } from 'vitest';
import { decodeBody, ParseError, parseSource, toSourceOffset } from '../../src/parse/index.js';
import { fetched } from './fetched.js';

const CITE =
  'United States Department of State, 2017 Trafficking in Persons Report - Kyrgyz Republic, 27 June 2017, available at: https://www.refworld.org/docid/5959eca511.html [accessed 5 November 2019]';

/** A page in Refworld's shape: title, metadata table, sidebar with countries and search, nav, footer, scripts. */
const REFWORLD_PAGE = `<!DOCTYPE html>
<!-- Refworld page -->
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>2017 Trafficking in Persons Report - Kyrgyz Republic | Refworld</title>
  <link rel="canonical" href="https://www.refworld.org/docid/5959eca511.html">
  <script>window.alert('x'); document.write('<p>INJECTED</p>');</script>
  <style>p { color: red }</style>
</head>
<body>
  <header class="site-header"><a href="/">Refworld</a> | Global Law and Policy Database</header>
  <nav class="main-nav"><ul><li><a href="/">Home</a></li><li>Countries</li><li>Topics</li></ul></nav>
  <div id="container">
    <aside id="sidebar">
      <form class="search-box" action="/search"><input name="q" placeholder="Search Refworld"><button>Search</button></form>
      <h3>Countries</h3>
      <ul class="country-list"><li>Afghanistan</li><li>Albania</li><li>Algeria</li></ul>
    </aside>
    <div class="breadcrumb">Home &gt; Countries &gt; Kyrgyzstan</div>
    <main id="content">
      <h1>2017 Trafficking in Persons Report - Kyrgyz Republic</h1>
      <table class="metadata">
        <tr><th>Publisher</th><td>United States Department of State</td></tr>
        <tr><th>Publication Date</th><td>27 June 2017</td></tr>
        <tr><th>Cite as</th><td>United States Department of State, 2017 Trafficking in Persons Report - Kyrgyz Republic, 27 June 2017,&nbsp; available at: https://www.refworld.org/docid/5959eca511.html&nbsp; [accessed 5 November 2019]</td></tr>
        <tr><th>Disclaimer</th><td>This is not a UNHCR publication. UNHCR is not responsible for its content.</td></tr>
      </table>
      <div class="last-updated">Last Updated: Friday, 01 November 2019, 13:47 GMT</div>
      <h2>KYRGYZ REPUBLIC: TIER 2</h2>
      <p>The Government of the Kyrgyz Republic (or Kyrgyzstan) does not fully meet the minimum standards
         for the elimination of trafficking; however, it is making significant efforts to do so.</p>
      <h3>PROSECUTION</h3>
      <p>Article 124 of the criminal code, entitled &quot;Trafficking in Persons,&quot; criminalizes both
         sex and labor trafficking; the hotline received <b>2,979</b> calls in 2016.</p>
      <ul>
        <li>Increase efforts to identify victims.</li>
        <li>Train <i>judges</i> on the law.</li>
      </ul>
      <table>
        <tr><th>Year</th><th>Investigations</th></tr>
        <tr><td>2015</td><td>4</td></tr>
        <tr><td>2016</td><td><p>8</p></td></tr>
      </table>
      <p>First line<br>Second line</p>
      <div class="share-buttons">Share this page</div>
    </main>
  </div>
  <footer>&copy; UNHCR 2019</footer>
  <div id="cookie-banner">We use cookies.</div>
  <script>alert(1)</script>
</body>
</html>`;

const html = (body: string) => fetched(body, { contentType: 'text/html; charset=utf-8', path: 'page.html' });

describe('parseSource on a Refworld-like HTML page', () => {
  const doc = parseSource(html(REFWORLD_PAGE));

  it('reads the same metadata as the text dump', () => {
    expect(doc.format).toBe('html');
    expect(doc.metadata).toStrictEqual({
      title: '2017 Trafficking in Persons Report - Kyrgyz Republic',
      publisher: 'United States Department of State',
      publicationDate: '2017-06-27',
      lastUpdated: '2019-11-01',
      citeAs: CITE,
      refworldId: '5959eca511',
      url: 'https://www.refworld.org/docid/5959eca511.html',
      reportYear: 2017,
      country: 'Kyrgyz Republic',
    });
  });

  it('keeps the narrative and drops the chrome, headings as blocks, list items and table rows as lines', () => {
    expect(doc.text).toBe(
      [
        'KYRGYZ REPUBLIC: TIER 2',
        'The Government of the Kyrgyz Republic (or Kyrgyzstan) does not fully meet the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so.',
        'PROSECUTION',
        'Article 124 of the criminal code, entitled "Trafficking in Persons," criminalizes both sex and labor trafficking; the hotline received 2,979 calls in 2016.',
        'Increase efforts to identify victims.\nTrain judges on the law.',
        'Year | Investigations\n2015 | 4\n2016 | 8',
        'First line\nSecond line',
      ].join('\n\n'),
    );
  });

  it('maps clean offsets into the HTML string, inside the element text', () => {
    const source = decodeBody(new TextEncoder().encode(REFWORLD_PAGE), 'text/html');
    const quote = 'sex and labor trafficking; the hotline received';
    const start = doc.text.indexOf(quote);
    const from = toSourceOffset(doc, start);
    expect(source.slice(from, toSourceOffset(doc, start + quote.length))).toBe(quote);
    // A character decoded from an entity is not a copy, so it has no run of its own.
    const quoteMark = doc.text.indexOf('"Trafficking');
    expect(source.slice(toSourceOffset(doc, quoteMark + 1), toSourceOffset(doc, quoteMark + 12))).toBe(
      'Trafficking',
    );
    for (const run of doc.sourceMap) {
      expect(source.slice(run.source, run.source + run.length)).toBe(
        doc.text.slice(run.clean, run.clean + run.length),
      );
    }
  });
});

describe('HTML edge cases', () => {
  it('reads metadata from a definition list and <meta> fallbacks', () => {
    const doc = parseSource(
      html(`<html><head><meta name="DC.publisher" content="United States Department of State">
        <meta property="og:title" content="2010 Trafficking in Persons Report - Kyrgyzstan"></head>
        <body><dl><dt>Publication Date</dt><dd>14 June 2010</dd><dt>Cite as</dt><dd>${CITE}</dd></dl>
        <p>KYRGYZSTAN (Tier 2 Watch List)</p></body></html>`),
    );
    expect(doc.metadata).toMatchObject({
      title: '2010 Trafficking in Persons Report - Kyrgyzstan',
      publisher: 'United States Department of State',
      publicationDate: '2010-06-14',
      reportYear: 2010,
      country: 'Kyrgyzstan',
    });
    expect(doc.text).toBe('KYRGYZSTAN (Tier 2 Watch List)');
  });

  it('does not take an <h1> that is the header line for the title', () => {
    const doc = parseSource(
      html('<title>Kyrgyzstan | Refworld</title><h1>KYRGYZSTAN (TIER 2)</h1><p>Text.</p>'),
    );
    expect(doc.metadata.title).toBe('Kyrgyzstan');
    expect(doc.text).toBe('KYRGYZSTAN (TIER 2)\n\nText.');
  });

  it('executes nothing in hostile markup and keeps none of its code', () => {
    const hostile = `<!doctype html><body onload="globalThis.pwned = 1">
      <script>globalThis.pwned = 1</script><img src=x onerror="globalThis.pwned = 1">
      <svg><script>globalThis.pwned = 1</script></svg><iframe srcdoc="<script>globalThis.pwned=1</script>"></iframe>
      <a href="javascript:globalThis.pwned=1">Victims</a> were <![CDATA[ x ]]> identified.<!-- <p>hidden</p>
      --><template><p>never</p></template><noscript>no</noscript><p hidden>secret</p>
      <p style="display: none">invisible</p><object data="x.swf">flash</object><p>End &lt;script&gt;</p></body>`;
    const doc = parseSource(html(hostile));
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(doc.text).toBe('Victims were identified.\n\nEnd <script>');
  });

  it('reads 10,000 nested divs without overflowing the stack', () => {
    const depth = 10_000;
    const page = `<html><body>${'<div>'.repeat(depth)}Deep text.${'</div>'.repeat(depth)}<p>After.</p></body></html>`;
    const started = performance.now();
    const doc = parseSource(html(page));
    expect(doc.text).toBe('Deep text.\n\nAfter.');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reads "<br><br>" as a paragraph break and a single "<br>" as a line break', () => {
    const page =
      '<div>KYRGYZSTAN (TIER 2)<br>\n<br>Prosecution<br><br>\n\nThe government opened cases.<br>It closed some.</div>';
    expect(parseSource(html(page)).text).toBe(
      'KYRGYZSTAN (TIER 2)\n\nProsecution\n\nThe government opened cases.\nIt closed some.',
    );
  });

  it('refuses a page with no body text', () => {
    const page =
      '<html><head><title>x</title><script>var a = 1;</script></head><body><nav>Menu</nav></body></html>';
    expect(() => parseSource(html(page))).toThrow(
      expect.objectContaining({ name: 'ParseError', code: 'no_text' }),
    );
    expect(() => parseSource(html(page))).toThrow(ParseError);
  });

  it('detects HTML by its first tag when the content type says nothing', () => {
    const doc = parseSource(
      fetched('\n<!-- x -->\n<p>Kyrgyzstan &amp; Tajikistan</p>', { contentType: null }),
    );
    expect(doc.format).toBe('html');
    expect(doc.text).toBe('Kyrgyzstan & Tajikistan');
  });
});
