import type { Narrative } from './narrative.js';
import { COUNTRIES } from './words.js';

/**
 * The HTML form of a corpus document: the narrative inside a page shaped like Refworld's (head with
 * scripts and styles, site header, nav, a sidebar with search and the country list, a metadata table,
 * `<main>` with `<h2>`/`<p>`, footer, cookie banner), so that parse has the page chrome to drop.
 */

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const escapeAttribute = (text: string): string => escapeHtml(text).replace(/"/g, '&quot;');

/** The metadata table's labels, as Refworld prints them; the rest of each line is the value. */
const LABELS = ['Publisher', 'Publication Date', 'Cite as', 'Disclaimer'];

function metadataRows(lines: readonly string[]): string {
  return lines
    .map((line) => {
      const label = LABELS.find((l) => line.startsWith(l)) ?? '';
      const value = line.slice(label.length).trim();
      return `        <tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
    })
    .join('\n');
}

function body(n: Narrative): string {
  const out: string[] = [];
  for (const block of n.blocks) {
    if (block.kind === 'heading') {
      const md = block.text.match(/^(?<hashes>#{1,6}) (?<rest>.*)$/);
      const level = md?.groups ? Math.min(6, (md.groups.hashes ?? '').length) : 2;
      out.push(`      <h${level}>${escapeHtml(md?.groups?.rest ?? block.text)}</h${level}>`);
    } else if (block.kind === 'paragraph') {
      out.push(`      <p>${escapeHtml(block.text)}</p>`);
    } else {
      const [first = '', ...rest] = block.text.split('\n');
      out.push(`      <p>${escapeHtml(first)}</p>`);
      const items = rest.map((line) => `        <li>${escapeHtml(line.replace(/^[*-] /, ''))}</li>`);
      if (items.length > 0) out.push('      <ul>', ...items, '      </ul>');
    }
  }
  return out.join('\n');
}

/**
 * Renders a narrative as a Refworld-like page.
 *
 * @param n The (varied) narrative.
 * @param docid The Refworld document id of the page, for its canonical address.
 */
export function renderHtml(n: Narrative, docid: string): string {
  const title = n.title ?? `${n.year} Human Rights Report - ${n.country}`;
  const countries = COUNTRIES.map(
    (c) => `          <li><a href="/country/${escapeAttribute(c)}">${c}</a></li>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} | Refworld</title>
  <link rel="canonical" href="https://www.refworld.org/docid/${docid}.html">
  <link rel="stylesheet" href="/static/refworld.css">
  <style>.sidebar { float: left; width: 20% } .metadata th { text-align: left }</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){ dataLayer.push(arguments); }</script>
</head>
<body>
  <header class="site-header"><a href="/">Refworld</a> | Global Law and Policy Database</header>
  <nav class="main-nav">
    <ul><li><a href="/">Home</a></li><li><a href="/countries">Countries</a></li><li><a href="/topics">Topics</a></li><li><a href="/publishers">Publishers</a></li><li><a href="/about">About</a></li></ul>
  </nav>
  <div id="container">
    <aside id="sidebar" class="sidebar">
      <form class="search-box" action="/search"><input name="q" placeholder="Search Refworld"><button>Search</button></form>
      <h3>Countries</h3>
      <ul class="country-list">
${countries.join('\n')}
      </ul>
    </aside>
    <div class="breadcrumb">Home &gt; Countries &gt; ${escapeHtml(n.country)}</div>
    <main id="content">
      <h1>${escapeHtml(title)}</h1>
      <table class="metadata">
${metadataRows(n.metaLines)}
      </table>
${n.lastUpdated ? `      <div class="last-updated">${escapeHtml(n.lastUpdated)}</div>\n` : ''}${body(n)}
      <div class="share-buttons">Share this page: <a href="#">Email</a> <a href="#">Print</a></div>
    </main>
  </div>
  <footer>&copy; UNHCR ${n.year} | <a href="/terms">Terms</a> | <a href="/privacy">Privacy</a></footer>
  <div id="cookie-banner">This site uses cookies. <button>Accept</button></div>
  <script src="/static/refworld.js"></script>
</body>
</html>
`;
}
