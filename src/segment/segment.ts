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
  for (const block of blocks) {
    const words = text.slice(block.contentStart, block.contentEnd);
    const named = headingKinds.size > 0;
    const forms = block.type === 'heading' ? LINE : block.type === 'paragraph' ? LINE_OR_RUN_IN : null;
    const match: HeadingMatch | null = forms ? matchHeading(words, forms, header === null && !named) : null;
    if (match) {
      const heading = words.slice(match.headingStart, match.headingEnd);
      if (match.rule.name === 'hrr-trafficking-in-persons') hasHrrHeading = true;
      if (match.rule.kind === 'header') {
        header = {
          start: block.contentStart,
          end: block.contentEnd,
          country: match.country ?? heading,
          placement: match.placement,
        };
        open('header', heading, block.start);
        continue;
      }
      if (match.rule.kind !== 'other') headingKinds.add(match.rule.kind);
      const draft = open(match.rule.kind, heading, block.start);
      if (match.rule.form === 'run-in') {
        draft.paragraphs.push({ start: block.contentStart + match.contentStart, end: block.contentEnd });
      }
      continue;
    }
    if (block.type === 'heading') {
      open('other', words, block.start);
      continue;
    }
    const current = drafts.at(-1);
    const draft =
      !current || current.kind === 'header' ? open(named ? 'other' : 'lead', null, block.start) : current;
    if (block.hasText) draft.paragraphs.push({ start: block.contentStart, end: block.contentEnd });
  }
  const kind = documentKind(header, headingKinds, hasHrrHeading);
  const resolved = drafts.flatMap((draft) =>
    resolveLead(draft, kind, header, headingKinds.has('profile'), text),
  );
  const sections = resolved.map(
    (draft, i): Section => ({
      kind: draft.kind === 'lead' ? 'other' : draft.kind,
      heading: draft.heading,
      start: draft.start,
      end: resolved[i + 1]?.start ?? blocks.at(-1)?.end ?? draft.start,
      paragraphs: draft.paragraphs,
    }),
  );
  const sentences = sections.flatMap((section) =>
    section.paragraphs.flatMap((paragraph) => splitSentences(text, paragraph.start, paragraph.end)),
  );
  return { kind, header, sections, sentences, diagnostics: kindDiagnostics(kind, header, sections) };
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
