import { type CheerioAPI, type CheerioOptions, type HTMLParser2Options, load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { boundedText, isElement, isParent, isText } from './dom.js';
import { emptyMetadata, HTML_SELECTORS, matchFieldRule, setField, TITLE_SUFFIX } from './metadata.js';
import { CleanTextBuilder, normalizeInline } from './normalize.js';
import type { SourceMetadata } from './types.js';

/**
 * htmlparser2 (cheerio/slim) rather than parse5: it keeps source indices on every node, it is
 * several times faster, and it builds a 10,000-level nesting in linear time.
 */
const LOAD_OPTIONS: CheerioOptions & HTMLParser2Options = { withStartIndices: true, withEndIndices: true };

/** Elements that never hold narrative text. */
const DROPPED = new Set(
  'script style noscript template nav header footer aside form iframe svg math object embed canvas button select input textarea dialog head title video audio map'.split(
    ' ',
  ),
);

/**
 * A class or id token names page chrome ("site-nav", "sidebar", "search-box", "breadcrumbs") when it is
 * made of letter-and-digit parts joined by "-" or "_" (CHROME_TOKEN_SHAPE) and some whole parts spell a
 * chrome word (CHROME_WORD). Two tests, because one regex with the word between a repeated prefix and a
 * repeated suffix (`^(?:[a-z0-9]+[-_])*(?:nav|…)(?:[-_][a-z0-9]+)*$`) tries the word at every part and
 * reads the rest of the token each time: quadratic in "x-nav-x-nav-…".
 */
const CHROME_TOKEN_SHAPE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/i;
const CHROME_WORD =
  /(?:^|[-_])(?:nav|navbar|navigation|sidebar|search|searchbox|breadcrumbs?|menu|menubar|footer|cookies?|cookie-banner|share|sharing|social|skip|toolbar)(?:[-_]|$)/i;

/** Containers that hold the main content, best first. */
const CONTAINERS = [
  'main',
  '[role="main"]',
  'article',
  '#content',
  '#main-content',
  '#maincontent',
  '.main-content',
  '.content',
  '#main',
];

/** A container with less text than this is a stub (an empty `<main>`), not the content. */
const MIN_CONTAINER_CHARS = 200;

/** Elements whose text may be a labelled metadata line ("Publisher ...", "Last Updated: ..."). */
const LABEL_CANDIDATES = 'tr, dt, p, li, span, div';

/** A metadata line is short; longer text is narrative. */
const MAX_LABEL_CHARS = 600;

/** Blocks, as opposed to inline elements: they start and end a block of the clean text. */
const BLOCKS = new Set(
  'address article blockquote body center dd details dir div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 hgroup hr html legend main menu ol p pre section summary table ul caption'.split(
    ' ',
  ),
);

/** An entity reference in raw HTML text; one alternative per shape, each bounded: linear. */
const ENTITY = /&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)/y;

/** What the HTML reader produces. */
export interface ReadHtml {
  builder: CleanTextBuilder;
  metadata: SourceMetadata;
}

/**
 * Reads an HTML page: metadata from its labelled rows and the selector map, the narrative from the
 * main content container without page chrome.
 *
 * @param source The decoded HTML.
 */
export function readHtml(source: string): ReadHtml {
  const $ = load(source, LOAD_OPTIONS);
  const consumed = new Set<Element>();
  const metadata = readHtmlMetadata($, consumed);
  const builder = new CleanTextBuilder();
  walk(pickContainer($), source, builder, consumed);
  return { builder, metadata };
}

function readHtmlMetadata($: CheerioAPI, consumed: Set<Element>): SourceMetadata {
  const metadata = emptyMetadata();
  for (const element of $(LABEL_CANDIDATES)) {
    if (
      element.name === 'div' &&
      element.children.some((child) => isElement(child) && BLOCKS.has(child.name))
    ) {
      continue;
    }
    const value = element.name === 'dt' ? $(element).next('dd')[0] : undefined;
    const line = [element, value].map((node) => (node ? boundedText(node, MAX_LABEL_CHARS, 200) : ''));
    const text = line.join(' ').trim();
    if (text.length > MAX_LABEL_CHARS) continue;
    const found = matchFieldRule(text, false);
    if (!found) continue;
    if (found.rule.field && found.value !== null) setField(metadata, found.rule.field, found.value);
    consumed.add(element);
    if (value) consumed.add(value);
  }
  for (const field of Object.keys(HTML_SELECTORS) as Array<keyof typeof HTML_SELECTORS>) {
    for (const { selector, attribute, mustMatch } of HTML_SELECTORS[field]) {
      const element = $(selector)[0];
      if (!element || !isElement(element)) continue;
      const raw = attribute ? (element.attribs[attribute] ?? '') : boundedText(element, 1000, 500);
      const value = field === 'title' ? normalizeInline(raw).replace(TITLE_SUFFIX, '') : raw;
      if (mustMatch && !mustMatch.test(value)) continue;
      if (setField(metadata, field, value)) {
        consumed.add(element);
        break;
      }
    }
  }
  return metadata;
}

function pickContainer($: CheerioAPI): AnyNode {
  let best: { node: AnyNode; chars: number } | null = null;
  for (const selector of CONTAINERS) {
    const node = $(selector)[0];
    if (!node) continue;
    const chars = boundedText(node, MIN_CONTAINER_CHARS, 100_000).length;
    if (chars >= MIN_CONTAINER_CHARS) return node;
    if (!best || chars > best.chars) best = { node, chars };
  }
  return $('body')[0] ?? best?.node ?? $.root()[0]!;
}

function isDropped(element: Element, consumed: ReadonlySet<Element>): boolean {
  if (DROPPED.has(element.name) || consumed.has(element)) return true;
  const { attribs } = element;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  if (attribs.style && /display\s*:\s*none/i.test(attribs.style)) return true;
  const tokens = `${attribs.id ?? ''} ${attribs.class ?? ''}`.split(/\s+/);
  return tokens.some((token) => CHROME_TOKEN_SHAPE.test(token) && CHROME_WORD.test(token));
}

/** Walks the container without recursion, writing text and breaks into the builder. */
function walk(
  container: AnyNode,
  source: string,
  builder: CleanTextBuilder,
  consumed: ReadonlySet<Element>,
): void {
  let cells = 0;
  let items = 0;
  /** Where the last `<br>` broke the line: a second one at the same place makes a paragraph break. */
  let lineBreakAt = -1;
  /** A break asked for by the markup, softened inside table cells (a space) and list items (a line). */
  const block = (): void => {
    if (cells > 0) builder.text(' ', null);
    else if (items > 0) builder.lineBreak();
    else builder.blockBreak();
  };
  const stack: Array<{ node: AnyNode; exit: boolean }> = [{ node: container, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (isText(node)) {
      appendText(builder, node.data, node.startIndex, node.endIndex, source);
      continue;
    }
    if (!isParent(node)) continue;
    if (isElement(node)) {
      const name = node.name;
      if (!exit && node !== container && isDropped(node, consumed)) continue;
      if (name === 'td' || name === 'th') {
        cells += exit ? -1 : 1;
        if (!exit) builder.cellBreak();
      } else if (name === 'li') {
        items += exit ? -1 : 1;
        builder.lineBreak();
      } else if (name === 'br' && !exit && cells === 0 && builder.size === lineBreakAt) {
        // "<br><br>" with no text between them separates paragraphs in older pages: a block break.
        block();
      } else if (name === 'tr' || name === 'br') {
        if (cells > 0) builder.text(' ', null);
        else builder.lineBreak();
        if (name === 'br') lineBreakAt = builder.size;
      } else if (BLOCKS.has(name)) {
        block();
      }
      if (exit) continue;
      stack.push({ node, exit: true });
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, exit: false });
  }
}

/**
 * Appends a text node, mapping every character that stands verbatim in the HTML to its offset
 * there; characters decoded from entities ("&quot;" -> '"') are written without a mapping.
 */
function appendText(
  builder: CleanTextBuilder,
  data: string,
  start: number | null,
  end: number | null,
  source: string,
): void {
  if (start === null || end === null) {
    builder.text(data, null);
    return;
  }
  const raw = source.slice(start, end + 1);
  if (raw === data) {
    builder.text(data, start);
    return;
  }
  let i = 0;
  let j = 0;
  let run = 0;
  const flush = (): void => {
    if (j > run) builder.text(data.slice(run, j), start + i - (j - run));
  };
  while (j < data.length && i < raw.length) {
    ENTITY.lastIndex = i;
    const entity = raw[i] === '&' ? ENTITY.exec(raw) : null;
    if (entity && !data.startsWith(entity[0], j)) {
      flush();
      const width = data.codePointAt(j)! > 0xffff ? 2 : 1;
      builder.text(data.slice(j, j + width), null);
      i += entity[0].length;
      j += width;
      run = j;
    } else if (raw[i] === data[j]) {
      i++;
      j++;
    } else {
      break;
    }
  }
  flush();
  // What could not be aligned (a rare two-character entity) is written without a mapping.
  if (j < data.length) builder.text(data.slice(j), null);
}
