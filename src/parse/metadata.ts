import { toIsoDate } from './dates.js';
import { normalizeInline } from './normalize.js';
import type { SourceMetadata } from './types.js';

/**
 * Refworld metadata as rules: line rules for the metadata block of text dumps (also applied to
 * the label/value rows of an HTML metadata table), a selector map for HTML pages, and derived
 * rules that read further fields out of the ones found ("Cite as" -> url -> Refworld id).
 */

/** Fields a line rule can fill. */
export type LineField = 'title' | 'publisher' | 'publicationDate' | 'lastUpdated' | 'citeAs';

/** One line of a metadata block: `value` is the named group holding the field's text. */
export interface FieldRule {
  name: string;
  /** The field the line fills, or null for lines that belong to the block but are not kept. */
  field: LineField | null;
  pattern: RegExp;
  /** A real line the rule was written for. */
  example: string;
  /** Near misses the rule must not match. */
  counterExamples: readonly string[];
  /** Matches any line: used only for the title, and only before the block's labelled lines. */
  fallback?: true;
}

/**
 * A labelled line: the label, then a colon, a pipe (table dumps) or white space, then the value.
 * Lines are normalised (single spaces) before matching, so the separator is at most a few characters.
 */
function labelled(label: string, flags = ''): RegExp {
  return new RegExp(`^${label}(?: ?[:|] ?| )(?<value>\\S.*)$`, flags);
}

/** Line rules, tried in order; the first that matches a line claims it. */
export const FIELD_RULES: readonly FieldRule[] = [
  {
    name: 'last-updated',
    field: 'lastUpdated',
    pattern: labelled('Last Updated', 'i'),
    example: 'Last Updated: Friday, 01 November 2019, 13:47 GMT',
    counterExamples: ['Last Updatedness is no word'],
  },
  {
    name: 'publisher',
    field: 'publisher',
    pattern: labelled('Publisher'),
    example: 'Publisher United States Department of State',
    counterExamples: ['Publishers of newspapers reported threats.', 'publisher of the report'],
  },
  {
    name: 'publication-date',
    field: 'publicationDate',
    pattern: labelled('Publication Date', 'i'),
    example: 'Publication Date 27 June 2017',
    counterExamples: ['Publication Dates varied by country.'],
  },
  {
    name: 'cite-as',
    field: 'citeAs',
    pattern: labelled('Cite as', 'i'),
    example:
      'Cite as United States Department of State, 2017 Trafficking in Persons Report - Kyrgyz Republic, 27 June 2017, available at: https://www.refworld.org/docid/5959eca511.html [accessed 5 November 2019]',
    counterExamples: ['Cite asks for sources.'],
  },
  {
    name: 'disclaimer',
    field: null,
    pattern: /^(?:Disclaimer(?![a-z])|This is not a UNHCR publication)/,
    example:
      'DisclaimerThis is not a UNHCR publication. UNHCR is not responsible for, nor does it necessarily endorse, its content.',
    counterExamples: ['Disclaimers were added to the brochures.'],
  },
  {
    name: 'other-label',
    field: null,
    pattern: /^(?:Author|Topics?|Countries|Country|Document type|Keywords?|Other languages?)\s*[:|]\s*\S/i,
    example: 'Author | Office to Monitor and Combat Trafficking in Persons |',
    counterExamples: ['Authorities did not report investigations.', 'Countries'],
  },
  {
    name: 'title',
    field: 'title',
    pattern: /^(?<value>\S.{0,299})$/,
    example: '2017 Trafficking in Persons Report - Kyrgyz Republic',
    counterExamples: [''],
    fallback: true,
  },
];

/** What a line rule found in one line. */
export interface FieldMatch {
  rule: FieldRule;
  value: string | null;
}

/**
 * Finds the first line rule that matches a line of a metadata block.
 *
 * @param line One line, as in the source.
 * @param allowFallback Whether the title fallback may claim the line.
 */
export function matchFieldRule(line: string, allowFallback: boolean): FieldMatch | null {
  const text = normalizeInline(line);
  for (const rule of FIELD_RULES) {
    if (rule.fallback && !allowFallback) continue;
    const match = rule.pattern.exec(text);
    if (!match) continue;
    const raw = match.groups?.value;
    return { rule, value: raw === undefined ? null : raw.replace(/ ?\|$/, '') };
  }
  return null;
}

/** Derived rules: named groups are the fields they fill; each reads one field already found. */
export const DERIVED_RULES: ReadonlyArray<{
  name: string;
  from: 'citeAs' | 'url' | 'title';
  pattern: RegExp;
  example: string;
}> = [
  {
    name: 'url-from-cite-as',
    from: 'citeAs',
    pattern: /available at:?\s*(?<url>https?:\/\/[^\s\]]+)/i,
    example:
      '27 June 2017, available at: https://www.refworld.org/docid/5959eca511.html [accessed 5 November 2019]',
  },
  {
    name: 'title-from-cite-as',
    // The lazy title is bounded (300) and followed by a fixed date shape, so it cannot run away.
    from: 'citeAs',
    pattern: /^[^,]{1,200}, (?<title>.{1,300}?), \d{1,2} [A-Za-z]+ \d{4}, available at/,
    example:
      'United States Department of State, 2017 Trafficking in Persons Report - Kyrgyz Republic, 27 June 2017, available at: https://www.refworld.org/docid/5959eca511.html',
  },
  {
    name: 'refworld-docid',
    from: 'url',
    pattern: /refworld\.org\/docid\/(?<refworldId>[A-Za-z0-9]+)\.html/i,
    example: 'https://www.refworld.org/docid/5959eca511.html',
  },
  {
    name: 'refworld-reference',
    // Each repetition ends with "/", which the part before it cannot contain: linear.
    from: 'url',
    pattern: /refworld\.org\/reference\/(?:[\w-]+\/){1,6}(?<refworldId>[A-Za-z0-9]+)\/?(?:[?#]|$)/i,
    example: 'https://www.refworld.org/reference/annualreport/usdos/2008/en/58472',
  },
  {
    name: 'refworld-legacy',
    // Each repetition ends with ",", which the part before it cannot contain: linear.
    from: 'url',
    pattern: /refworld\.org\/[a-z]+,(?:[^,\s/]*,){1,8}(?<refworldId>[0-9a-f]{8,13}),\d+\.html/i,
    example: 'https://www.refworld.org/publisher,USDOS,,KGZ,467be3bec,0.html',
  },
  {
    name: 'title-year-first',
    from: 'title',
    pattern:
      /^(?:U\.S\. Department of State )?(?<reportYear>(?:19|20)\d{2}) Trafficking in Persons Report\s*[-–—:,]\s*(?<country>\S.*)$/,
    example: '2017 Trafficking in Persons Report - Kyrgyz Republic',
  },
  {
    name: 'title-year-last',
    from: 'title',
    pattern: /^Trafficking in Persons Report,? (?<reportYear>(?:19|20)\d{2})\s*[-–—:,]\s*(?<country>\S.*)$/,
    example: 'Trafficking in Persons Report 2010 - Kyrgyzstan',
  },
];

/** A metadata record with every field null. */
export function emptyMetadata(): SourceMetadata {
  return {
    title: null,
    publisher: null,
    publicationDate: null,
    lastUpdated: null,
    citeAs: null,
    refworldId: null,
    url: null,
    reportYear: null,
    country: null,
  };
}

/**
 * Sets a field found in the source unless it is already set; dates become ISO 8601.
 *
 * @param metadata The record being filled.
 * @param field The field a rule or selector found.
 * @param value The text found, as in the source.
 * @returns Whether the field was set.
 */
export function setField(metadata: SourceMetadata, field: LineField | 'url', value: string): boolean {
  if (metadata[field] !== null) return false;
  const text = normalizeInline(value);
  if (text === '') return false;
  const isDate = field === 'publicationDate' || field === 'lastUpdated';
  const stored = isDate ? toIsoDate(text) : text;
  if (stored === null) return false;
  metadata[field] = stored;
  return true;
}

/**
 * The stops after a URL in running text ("see https://x.org/a."). The leftmost run is the whole run, so
 * `(?<![.,;])` lets only its first character start a match: one try per run, not one per character.
 */
const TRAILING_PUNCTUATION = /(?<![.,;])[.,;]+$/;

/**
 * Fills the fields that follow from others (url, Refworld id, report year, country) in place.
 *
 * @param metadata The record found so far.
 * @param pageUrl The address the source was read from: a fallback for the Refworld id.
 */
export function deriveMetadata(metadata: SourceMetadata, pageUrl: string | null): SourceMetadata {
  for (const rule of DERIVED_RULES) {
    const candidates = rule.from === 'url' ? [metadata.url, pageUrl] : [metadata[rule.from]];
    for (const input of candidates) {
      const groups = input ? rule.pattern.exec(input)?.groups : undefined;
      if (!groups) continue;
      if (groups.url && metadata.url === null) metadata.url = groups.url.replace(TRAILING_PUNCTUATION, '');
      if (groups.title && metadata.title === null) metadata.title = groups.title;
      if (groups.refworldId && metadata.refworldId === null) metadata.refworldId = groups.refworldId;
      if (groups.reportYear && metadata.reportYear === null) metadata.reportYear = Number(groups.reportYear);
      if (groups.country && metadata.country === null) metadata.country = groups.country.trim();
      break;
    }
  }
  return metadata;
}

/** Where an HTML page may give a field: a CSS selector, and the attribute to read (else the text). */
export interface HtmlSelector {
  selector: string;
  attribute?: string;
  /** A value that does not match is passed over (an `<h1>` holding the "COUNTRY: TIER 2" line is no title). */
  mustMatch?: RegExp;
}

/** A Refworld TIP title names the report. */
const REPORT_TITLE = /Trafficking in Persons|Report/i;

/**
 * The selector map for HTML pages, best first; labelled rows ("Publisher", "Cite as") of a metadata
 * table or definition list are read with `FIELD_RULES` before these are tried.
 */
export const HTML_SELECTORS: Readonly<Record<LineField | 'url', readonly HtmlSelector[]>> = {
  title: [
    { selector: 'h1', mustMatch: REPORT_TITLE },
    { selector: '.document-title, .title', mustMatch: REPORT_TITLE },
    { selector: 'meta[property="og:title"]', attribute: 'content' },
    { selector: 'meta[name="DC.title"], meta[name="dc.title"]', attribute: 'content' },
    { selector: 'title' },
  ],
  publisher: [
    { selector: 'meta[name="DC.publisher"], meta[name="dc.publisher"]', attribute: 'content' },
    { selector: 'meta[name="citation_publisher"]', attribute: 'content' },
  ],
  publicationDate: [
    { selector: 'meta[name="DC.date"], meta[name="dc.date"]', attribute: 'content' },
    { selector: 'meta[name="citation_publication_date"]', attribute: 'content' },
    { selector: 'meta[property="article:published_time"]', attribute: 'content' },
  ],
  lastUpdated: [
    { selector: 'meta[name="DC.date.modified"], meta[name="dc.date.modified"]', attribute: 'content' },
    { selector: 'meta[property="article:modified_time"]', attribute: 'content' },
  ],
  citeAs: [{ selector: 'meta[name="citation"]', attribute: 'content' }],
  url: [
    { selector: 'link[rel="canonical"]', attribute: 'href' },
    { selector: 'meta[property="og:url"]', attribute: 'content' },
  ],
};

/**
 * Site names that a `<title>` tag appends to the document title ("... | Refworld"). Used with `replace`, so
 * only the leftmost match counts, and that never follows white space (starting one earlier would match
 * too): `(?<!\s)` skips the other starts in a run of spaces, each of which would read the run to its end.
 */
export const TITLE_SUFFIX = /(?<!\s)\s*[|–—-]\s*(?:Refworld|UNHCR)\s*$/i;
