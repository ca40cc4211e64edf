import type { CleanDocument } from '../parse/types.js';
import type { DocumentKind, Section, SectionKind } from '../validate/schema.js';
import { readBlocks } from './blocks.js';
import { type HeadingMatch, type HeadingRule, MAX_HEADING_CHARS, matchHeading } from './headings.js';
import { documentKind, kindDiagnostics } from './kind.js';
import { splitSentences } from './sentences.js';
import type { HeaderLine, Range, Segmented } from './types.js';

/**
 * A section before its kind is final: untitled text near the top (`lead`) becomes profile, summary or
 * other once the whole document has been read.
 */
interface Draft {
  kind: SectionKind | 'lead';
  heading: string | null;
  start: number;
  paragraphs: Range[];
}

const LINE: ReadonlySet<HeadingRule['form']> = new Set(['line']);
const LINE_OR_RUN_IN: ReadonlySet<HeadingRule['form']> = new Set(['line', 'run-in']);
const OPENING: ReadonlySet<HeadingRule['form']> = new Set(['opening']);

/**
 * Splits a clean document into sections (with paragraphs), sentences and the header line.
 *
 * Untitled text after the header is the `summary` when the narrative has a TRAFFICKING PROFILE heading
 * (2017 on). Before 2017 the profile came first without a heading: untitled text is then the `profile`
 * up to the first paragraph that opens the assessment ("The Government of X does not fully comply
 * ..."), and the `summary` from there to the next named section.
 *
 * @param doc The parsed document.
 */
export function segment(doc: Pick<CleanDocument, 'text'>): Segmented {
  const { text } = doc;
  const blocks = readBlocks(text);
  const drafts: Draft[] = [];
  const headingKinds = new Set<SectionKind>();
  let header: HeaderLine | null = null;
  let hasHrrHeading = false;
  const open = (kind: Draft['kind'], heading: string | null, start: number): Draft => {
    const draft: Draft = { kind, heading, start, paragraphs: [] };
    drafts.push(draft);
    return draft;
  };
  /** Adds a paragraph to the open section, or opens an untitled one after the header or at the start. */
  const addParagraph = (paragraph: Range, sectionStart: number): void => {
    const current = drafts.at(-1);
    const named = headingKinds.size > 0;
    const draft =
      !current || current.kind === 'header' ? open(named ? 'other' : 'lead', null, sectionStart) : current;
    draft.paragraphs.push(paragraph);
  };
  for (const block of blocks) {
    const words = text.slice(block.contentStart, block.contentEnd);
    const found: FoundHeading | null =
      block.type === 'heading' || block.type === 'paragraph'
        ? findHeading(block.type, words, header === null && headingKinds.size === 0)
        : null;
    if (!found) {
      if (block.type === 'heading') open('other', words, block.start);
      else if (block.hasText) addParagraph({ start: block.contentStart, end: block.contentEnd }, block.start);
      continue;
    }
    const { match, rest }: FoundHeading = found;
    const heading = words.slice(match.headingStart, match.headingEnd);
    if (match.rule.name === 'hrr-trafficking-in-persons') hasHrrHeading = true;
    if (match.rule.kind === 'header') {
      const end: number = block.contentStart + (rest === null ? words.length : rest - 1);
      header = {
        start: block.contentStart,
        end,
        country: match.country ?? heading,
        placement: match.placement,
      };
      open('header', heading, block.start);
    } else {
      if (match.rule.kind !== 'other') headingKinds.add(match.rule.kind);
      open(match.rule.kind, heading, block.start);
    }
    if (rest !== null) {
      const start = block.contentStart + rest;
      addParagraph({ start, end: block.contentEnd }, start);
    }
  }
  const kind = documentKind(header, headingKinds, hasHrrHeading);
  const resolved = drafts.flatMap((draft) =>
    resolveLead(draft, kind, header, headingKinds.has('profile'), text),
  );
  // Push loops, not `map`/`flatMap`: those give holey arrays once optimised and packed ones before, and
  // every later loop over the sections or sentences deoptimised on the second array map.
  const sections: Section[] = [];
  for (let i = 0; i < resolved.length; i++) {
    const draft = resolved[i]!;
    sections.push({
      kind: draft.kind === 'lead' ? 'other' : draft.kind,
      heading: draft.heading,
      start: draft.start,
      end: resolved[i + 1]?.start ?? blocks.at(-1)?.end ?? draft.start,
      paragraphs: draft.paragraphs,
    });
  }
  const sentences: Range[] = [];
  for (const section of sections) {
    for (const paragraph of section.paragraphs) {
      for (const sentence of splitSentences(text, paragraph.start, paragraph.end)) sentences.push(sentence);
    }
  }
  return { kind, header, sections, sentences, diagnostics: kindDiagnostics(kind, header, sections) };
}

/** A heading found in a block, and where the rest of the block (its paragraph) starts, or null when it has none. */
interface FoundHeading {
  match: HeadingMatch;
  rest: number | null;
}

/**
 * Finds a heading at the start of a block: the whole block, a run-in heading, or (in a paragraph of
 * several lines, as a single "<br>" or a line break in a text dump leaves them) its first line.
 */
function findHeading(
  type: 'heading' | 'paragraph',
  words: string,
  allowHeader: boolean,
): FoundHeading | null {
  const match = matchHeading(words, type === 'heading' ? LINE : LINE_OR_RUN_IN, allowHeader);
  if (match) return { match, rest: match.rule.form === 'run-in' ? match.contentStart : null };
  const newline = type === 'paragraph' ? words.indexOf('\n') : -1;
  if (newline <= 0 || newline > MAX_HEADING_CHARS) return null;
  const first = matchHeading(words.slice(0, newline), LINE, allowHeader);
  return first ? { match: first, rest: newline + 1 } : null;
}

/** Gives untitled lead text its kind, splitting a pre-2017 lead into profile and summary (see `segment`). */
function resolveLead(
  draft: Draft,
  kind: DocumentKind,
  header: HeaderLine | null,
  hasProfileHeading: boolean,
  text: string,
): Draft[] {
  if (draft.kind !== 'lead') return [draft];
  // Text before the header line (a stray title) is no part of the narrative's profile or summary.
  if (kind !== 'tip_narrative' || (header && draft.start < header.start))
    return [{ ...draft, kind: 'other' }];
  if (hasProfileHeading) return [{ ...draft, kind: 'summary' }];
  const opening = draft.paragraphs.findIndex((paragraph) =>
    matchHeading(
      text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + MAX_HEADING_CHARS)),
      OPENING,
      false,
    ),
  );
  if (opening === -1) return [{ ...draft, kind: 'profile' }];
  const summary: Draft = {
    ...draft,
    kind: 'summary',
    start: draft.paragraphs[opening]!.start,
    paragraphs: draft.paragraphs.slice(opening),
  };
  if (opening === 0) return [summary];
  return [{ ...draft, kind: 'profile', paragraphs: draft.paragraphs.slice(0, opening) }, summary];
}
