import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A fixture narrative taken apart into the pieces the corpus generator varies and the two renderers
 * (text dump, Refworld-like HTML page) put back together.
 */

/** One block of the body: a heading line, a paragraph, or a block of several lines (a list). */
export interface Block {
  kind: 'heading' | 'paragraph' | 'lines';
  text: string;
}

/** A narrative in pieces: the Refworld metadata block, the body blocks, and the dump's trailing chrome. */
export interface Narrative {
  /** The fixture it was made from, e.g. `era-2018-ethiopia`. */
  family: string;
  /** `markdown` for the `.md` fixtures (they keep their `####` headings), else `text`. */
  format: 'text' | 'markdown';
  /** "Last Updated: Monday, 02 July 2018, 14:05 GMT", or null. */
  lastUpdated: string | null;
  /** "2018 Trafficking in Persons Report - Ethiopia", or null. */
  title: string | null;
  /** The labelled lines: "Publisher ...", "Publication Date ...", "Cite as ...", "Disclaimer...". */
  metaLines: string[];
  blocks: Block[];
  /** Lines a text dump carries after the narrative ("Search Refworld", "Countries"). */
  trailer: string[];
  country: string;
  year: number;
}

/** A heading is one short line that does not end like a sentence. */
const MAX_HEADING_CHARS = 80;
const TRAILER = new Set(['Search Refworld', 'Countries']);

/**
 * The repository root: the nearest folder above this module holding `fixtures/sources.json`, so that the
 * same code works from `bench/` (vitest) and from `dist/bench/` (npm run bench).
 */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'fixtures', 'sources.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('Cannot find fixtures/sources.json above the bench module');
    dir = up;
  }
}

/**
 * Takes a fixture apart into a `Narrative`.
 *
 * @param family The fixture id.
 * @param source The fixture's text.
 * @param format Whether it is a text dump or markdown.
 * @param hint Country and year from the manifest, for fixtures whose text has no title line.
 */
export function splitNarrative(
  family: string,
  source: string,
  format: Narrative['format'],
  hint: { country?: string; year?: number },
): Narrative {
  const raw = source
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const narrative: Narrative = {
    family,
    format,
    lastUpdated: null,
    title: null,
    metaLines: [],
    blocks: [],
    trailer: [],
    country: hint.country ?? 'Ghana',
    year: hint.year ?? 2008,
  };
  let at = 0;
  if (raw[at]?.startsWith('Last Updated')) narrative.lastUpdated = raw[at++] ?? null;
  if (raw[at + 1]?.startsWith('Publisher')) narrative.title = raw[at++] ?? null;
  if (raw[at]?.startsWith('Publisher')) narrative.metaLines = (raw[at++] ?? '').split('\n');
  let end = raw.length;
  while (end > at && TRAILER.has(raw[end - 1] ?? '')) end--;
  narrative.trailer = raw.slice(end);
  narrative.blocks = raw.slice(at, end).map((text) => ({ kind: blockKind(text), text }));
  const titled = narrative.title?.match(/^(?<year>\d{4}) Trafficking in Persons Report - (?<country>.+)$/);
  if (titled?.groups) {
    narrative.country = titled.groups.country ?? narrative.country;
    narrative.year = Number(titled.groups.year);
  }
  return narrative;
}

function blockKind(text: string): Block['kind'] {
  if (text.includes('\n')) return 'lines';
  return text.length <= MAX_HEADING_CHARS && !/[.;:,]$/.test(text) ? 'heading' : 'paragraph';
}

/**
 * Reads every fixture of `fixtures/sources.json` (text and markdown) as a `Narrative`.
 *
 * @param root The repository root.
 */
export function loadNarratives(root: string = repoRoot()): Narrative[] {
  const manifest = JSON.parse(readFileSync(join(root, 'fixtures', 'sources.json'), 'utf8')) as Array<{
    id: string;
    path: string;
    country?: string;
    year?: number;
  }>;
  return manifest.map((entry) => {
    const source = readFileSync(join(root, 'fixtures', entry.path), 'utf8');
    const format = extname(entry.path) === '.md' ? 'markdown' : 'text';
    const hint = {
      ...(entry.country !== undefined ? { country: entry.country } : {}),
      ...(entry.year !== undefined ? { year: entry.year } : {}),
    };
    return splitNarrative(entry.id, source, format, hint);
  });
}

/**
 * Writes a narrative back as a Refworld text dump (or markdown): metadata lines, blank-line separated
 * blocks, the trailer.
 *
 * @param n The narrative.
 */
export function renderText(n: Narrative): string {
  const parts: string[] = [];
  if (n.lastUpdated) parts.push(n.lastUpdated);
  if (n.title) parts.push(n.title);
  if (n.metaLines.length > 0) parts.push(n.metaLines.join('\n'));
  for (const block of n.blocks) parts.push(block.text);
  parts.push(...n.trailer);
  return `${parts.join('\n\n')}\n`;
}
