/**
 * The find pass: runs every statute rule over every sentence and keeps the leftmost longest
 * references, with what each one names. Nothing is resolved here (see resolve.ts).
 */
import type { Range } from '../../segment/types.js';
import { MAX_SENTENCE_CHARS } from '../limits.js';
import { codeEntry, type InstrumentKind, kindOfWord, normaliseName } from './instruments.js';
import { ARTICLE_ITEM_RE, DEFINITION_RE, TITLE_RE } from './patterns.js';
import { STATUTE_RULES } from './rules.js';
import type { ArticleRef, FoundMention, InstrumentRef } from './types.js';

type Groups = Record<string, string | undefined>;
type GroupIndices = Record<string, [number, number] | undefined>;

/** A match before validation: an abbreviation is only known once its definition has been seen. */
interface Candidate extends FoundMention {
  order: number;
  abbr: string | undefined;
}

/** An instrument ref with every field present, in the one order of `InstrumentRef`. */
function instrumentRef(
  name: string,
  kind: InstrumentKind,
  generic: InstrumentRef['generic'] = undefined,
  year: string | undefined = undefined,
  number: InstrumentRef['number'] = undefined,
): InstrumentRef {
  return { name, kind, generic, year, number };
}

/**
 * Checks that `sentences` are ordered, non-overlapping ranges inside `text`.
 *
 * @param text The clean text.
 * @param sentences The sentence ranges to check.
 */
export function checkSentences(text: string, sentences: readonly Range[]): void {
  let previousEnd = 0;
  sentences.forEach((sentence, i) => {
    const { start, end } = sentence;
    if (
      !(
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        start >= previousEnd &&
        start <= end &&
        end <= text.length
      )
    ) {
      throw new TypeError(
        `Expected \`sentences[${i}]\` to be a range inside the text (length ${text.length}) after ${previousEnd}, got {start: ${start}, end: ${end}}`,
      );
    }
    previousEnd = end;
  });
}

/**
 * Reads the articles of a match: one for "article 124", each number of "articles 260 and 261"; `from`
 * moves the offsets from the sentence slice to the text.
 */
function readArticles(groups: Groups, indices: GroupIndices, from: number): ArticleRef[] {
  // One array literal, filled by push: an empty array then has the same elements kind as a full one
  // (V8 learns it at the literal), so loops over `articles` see one array map, not two or three.
  const found: ArticleRef[] = [];
  const one = groups.article;
  const oneAt = indices.article;
  const list = groups.articles;
  const listAt = indices.articles;
  if (one !== undefined && oneAt) found.push(articleRef(one, from + oneAt[0]));
  else if (list !== undefined && listAt) {
    for (const item of list.matchAll(ARTICLE_ITEM_RE))
      found.push(articleRef(item[0], from + listAt[0] + item.index));
  }
  return found;
}

function articleRef(written: string, start: number): ArticleRef {
  const text = written.replace(/\s+/g, ' ');
  return { text, base: /^\d+/.exec(text)?.[0] ?? text, start, end: start + written.length };
}

/** The year inside an instrument's number: "2008" of "6/2008", "2011" of "2011-14". */
const NUMBER_YEAR = /(?:^|[/-])((?:19|20)\d{2})(?:$|[/-])/;

/**
 * The title a numbered instrument is given beside its number ("Law on ... (Law No. 6/2008)"), or
 * null when the match has none. `false` when the title's kind word is not the number's ("the Child
 * Rights Act (Law No. 5)"): two instruments, not one, and the match is dropped.
 */
function readNumberTitle(groups: Groups): string | false | null {
  const title = groups.numTitle;
  if (title === undefined) return null;
  const titleKind = groups.namedKind ?? groups.lawOnKind;
  if (titleKind === undefined || groups.numKind === undefined) return false;
  return kindOfWord(titleKind) === kindOfWord(groups.numKind) ? title.replace(/\s+/g, ' ') : false;
}

/** Reads the instrument groups of a match into a canonical instrument, or an abbreviation to check. */
function readInstrument(groups: Groups, indices: GroupIndices): InstrumentRef | { abbr: string } | null {
  if (groups.code !== undefined) {
    const entry = codeEntry(groups.code);
    return entry ? instrumentRef(entry.canonical, entry.kind) : null;
  }
  if (groups.topic !== undefined) {
    const year = groups.topicYear;
    const kind = kindOfWord(groups.topicKind ?? 'law');
    const name = `${year === undefined ? '' : `${year} `}${normaliseName(groups.topic)} ${kind}`;
    // "the 2008 anti-trafficking law" still only describes a law: resolve.ts looks for the one
    // trafficking law of 2008 the document names, and keeps this name when there is none.
    return instrumentRef(name, kind, 'topic', year);
  }
  if (groups.yearLaw !== undefined) {
    return instrumentRef(`${groups.yearLaw} law`, 'law', 'year', groups.yearLaw);
  }
  if (groups.numKind !== undefined && groups.numNo !== undefined && indices.numNo) {
    const [start, end] = indices.numNo;
    const kind = kindOfWord(groups.numKind);
    const number = normaliseName(groups.numNo);
    const name = `${kind} ${groups.numMark === undefined ? '' : 'no. '}${number}`;
    const year = NUMBER_YEAR.exec(number)?.[1];
    return instrumentRef(name, kind, undefined, year, { start, end });
  }
  if (groups.namedName !== undefined && groups.namedKind !== undefined) {
    const name = normaliseName(`${groups.namedName} ${groups.namedKind}`);
    // "the Kyrgyz Criminal Code" is the criminal code: the table's name wins over the words.
    const entry = codeEntry(name);
    if (entry) return instrumentRef(entry.canonical, entry.kind);
    const year = groups.namedYear ?? groups.namedYear2;
    const kind = kindOfWord(groups.namedKind);
    return year === undefined
      ? instrumentRef(name, kind)
      : instrumentRef(`${year} ${name}`, kind, undefined, year);
  }
  if (groups.lawOnKind !== undefined && groups.lawOnName !== undefined) {
    const name = normaliseName(`${groups.lawOnKind} ${groups.lawOnName}`);
    const kind = kindOfWord(groups.lawOnKind);
    const year = groups.lawOnYear;
    return year === undefined
      ? instrumentRef(name, kind)
      : instrumentRef(`${year} ${name}`, kind, undefined, year);
  }
  if (groups.abbr !== undefined) return { abbr: groups.abbr };
  return null;
}

/** Moves the offsets of an instrument read from a sentence slice to text offsets. */
function shiftInstrument(ref: InstrumentRef, by: number): InstrumentRef {
  return ref.number
    ? instrumentRef(ref.name, ref.kind, ref.generic, ref.year, {
        start: ref.number.start + by,
        end: ref.number.end + by,
      })
    : ref;
}

/**
 * Every match of a global rule pattern in `slice`. `matchAll` would copy the pattern (several KB of
 * source) for every sentence; `exec` on the shared pattern does not. `lastIndex` is left at 0, as
 * `matchAll` callers elsewhere expect.
 */
function matchesIn(pattern: RegExp, slice: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(slice); match !== null; match = pattern.exec(slice)) {
    // An empty match would be found again at the same place: step past it, as `matchAll` does.
    if (match[0] === '') pattern.lastIndex++;
    matches.push(match);
  }
  pattern.lastIndex = 0;
  return matches;
}

/**
 * Any rule's trigger. Few sentences hold one (64 of the fixtures' 269), and one search for all of them
 * is cheaper than a search per rule. A rule without a trigger adds the empty pattern, which passes all.
 */
const ANY_TRIGGER = new RegExp(
  // Once each: four article rows share a trigger, and a repeated alternative is searched for again.
  [...new Set(STATUTE_RULES.map((rule) => rule.trigger?.source ?? '(?:)'))].join('|'),
);

/** Every match of every rule in one sentence, as candidates with text offsets. */
function candidatesIn(text: string, sentence: Range, index: number): Candidate[] {
  const from = sentence.start;
  // Real sentences are far shorter; the cap keeps every regex on a bounded input (limits.ts).
  const slice = text.slice(from, Math.min(sentence.end, from + MAX_SENTENCE_CHARS));
  const found: Candidate[] = [];
  if (!ANY_TRIGGER.test(slice)) return found;
  // Rows share trigger objects (rules.ts): each is searched for once per sentence.
  const seen = new Map<RegExp, boolean>();
  STATUTE_RULES.forEach((rule, order) => {
    // Most sentences cite no law: a rule whose trigger words are absent cannot match (rules.ts).
    if (rule.trigger) {
      const present = seen.get(rule.trigger) ?? rule.trigger.test(slice);
      seen.set(rule.trigger, present);
      if (!present) return;
    }
    for (const match of matchesIn(rule.pattern, slice)) {
      const groups: Groups = match.groups ?? {};
      const indices = (match.indices?.groups ?? {}) as GroupIndices;
      const ref = indices.ref;
      if (!ref) continue;
      const instrument =
        rule.kind === 'bare' || rule.kind === 'short' ? null : readInstrument(groups, indices);
      if (rule.kind !== 'bare' && rule.kind !== 'short' && instrument === null) continue;
      const title = readNumberTitle(groups);
      if (title === false) continue;
      // Every field set here, in the order of the type: candidates of one hidden class (see types.ts).
      found.push({
        rule: rule.name,
        kind: rule.kind,
        start: from + ref[0],
        end: from + ref[1],
        instrument: instrument && !('abbr' in instrument) ? shiftInstrument(instrument, from) : null,
        articles: readArticles(groups, indices, from),
        short: rule.kind === 'short' && groups.short !== undefined ? groups.short.toLowerCase() : undefined,
        title: title ?? undefined,
        sentence: index,
        order,
        abbr: instrument && 'abbr' in instrument ? instrument.abbr : undefined,
      });
    }
  });
  return found;
}

/**
 * Keeps the leftmost longest of overlapping candidates; on a tie, the earlier rule. A short form
 * gives way to any fuller reference it overlaps: "the Code on Children" is the code, not "the code".
 */
function leftmostLongest(candidates: Candidate[]): Candidate[] {
  const full = candidates.filter((c) => c.kind !== 'short');
  const standing = candidates.filter(
    (c) => c.kind !== 'short' || !full.some((f) => f.start < c.end && c.start < f.end),
  );
  const sorted = [...standing].sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const kept: Candidate[] = [];
  let lastEnd = -1;
  for (const candidate of sorted) {
    if (candidate.start >= lastEnd) {
      kept.push(candidate);
      lastEnd = candidate.end;
    }
  }
  return kept;
}

/** Reads a title right after a reference: `, entitled "Trafficking in Persons,"` gives "Trafficking in Persons". */
function titleAfter(text: string, end: number): string | undefined {
  const groups = TITLE_RE.exec(text.slice(end, end + 260))?.groups;
  const title = groups?.straight ?? groups?.curly ?? groups?.single;
  // `(?<![\s,.;:])`: only the first of a run of trailing marks starts a match, not every one of them.
  const trimmed = title?.replace(/(?<![\s,.;:])[\s,.;:]+$/, '').trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Finds every statute reference in the sentences of `text`, in text order, unresolved.
 *
 * Only text inside `sentences` is read. An abbreviation ("the CC") counts only after the text
 * defined it right after an instrument ("the Criminal Code (CC)").
 *
 * @param text The clean text.
 * @param sentences Ordered, non-overlapping sentence ranges of `text`.
 */
export function findStatuteMentions(text: string, sentences: readonly Range[]): FoundMention[] {
  checkSentences(text, sentences);
  // Push loops, not `flatMap` and `filter`: their arrays differ in elements kind (holey once optimised,
  // small-integer when empty), and the loops over them deoptimised on each new array map.
  const all: Candidate[] = [];
  sentences.forEach((sentence, i) => {
    for (const candidate of candidatesIn(text, sentence, i)) all.push(candidate);
  });
  const definitions = new Map<string, { at: number; instrument: InstrumentRef }>();
  for (const candidate of all) {
    if (!candidate.instrument || candidate.kind === 'bare') continue;
    const abbr = DEFINITION_RE.exec(text.slice(candidate.end, candidate.end + 40))?.groups?.abbr;
    if (abbr !== undefined && !definitions.has(abbr)) {
      definitions.set(abbr, {
        at: candidate.end,
        instrument: instrumentRef(candidate.instrument.name, candidate.instrument.kind),
      });
    }
  }
  const bySentence = new Map<number, Candidate[]>();
  for (const candidate of all) {
    if (candidate.abbr !== undefined) {
      // An abbreviation counts only after the text defined it.
      const definition = definitions.get(candidate.abbr);
      if (!definition || definition.at > candidate.start) continue;
      candidate.instrument = definition.instrument;
    }
    const list = bySentence.get(candidate.sentence) ?? [];
    list.push(candidate);
    bySentence.set(candidate.sentence, list);
  }
  // A push loop, not `flatMap`/`map`: optimised, those give holey arrays, unoptimised packed ones.
  const mentions: FoundMention[] = [];
  for (const i of [...bySentence.keys()].sort((a, b) => a - b)) {
    for (const c of leftmostLongest(bySentence.get(i) ?? []))
      mentions.push({
        // A literal, not rest and spread: those made a new hidden class for nearly every mention.
        rule: c.rule,
        kind: c.kind,
        start: c.start,
        end: c.end,
        instrument: c.instrument,
        articles: c.articles,
        short: c.short,
        title: (c.kind === 'short' ? undefined : titleAfter(text, c.end)) ?? c.title,
        sentence: c.sentence,
      });
  }
  return mentions;
}
