/**
 * findStatutes: find, resolve, attach penalties, and build one `Statute` per (instrument, article).
 *
 * ```
 * text + sentences -find-> FoundMention[] -resolve-> Resolved[] -+-> Statute[]
 * numbers (durations) ---------------------------penalties------+
 * ```
 */
import type { Range } from '../../segment/types.js';
import { span } from '../../span.js';
import type { NumberMention, Penalty, Span, Statute } from '../../validate/schema.js';
import { findStatuteMentions } from './find.js';
import { cueBetween, findPenalties, opensWithCondition, penaltyCue, pluralBeforeCue } from './penalties.js';
import { type Resolved, resolveMentions, type Target } from './resolve.js';

/** A statute being built. `title` is always present (undefined until known): one hidden class for all drafts. */
interface Draft {
  instrument: string;
  article: string | null;
  title: string | undefined;
  penalties: Penalty[];
  mentions: Span[];
  /** `start:end` of every mention and penalty already in, so that none is added twice. */
  seen: Set<string>;
}

/** Groups items by a key, keeping their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const idOf = (t: Target): string => (t.article === null ? t.instrument : `${t.instrument}:${t.article}`);

/** The targets once each, in order. */
function uniqueTargets(targets: readonly Target[]): Target[] {
  return [...new Map(targets.map((t) => [idOf(t), t])).values()];
}

/** The number mentions inside `range`, from mentions sorted by start (binary search for the first). */
function numbersIn(sorted: readonly NumberMention[], range: Range): NumberMention[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < range.start) lo = mid + 1;
    else hi = mid;
  }
  const found: NumberMention[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < range.end; i++) {
    if (sorted[i]!.end <= range.end) found.push(sorted[i]!);
  }
  return found;
}

/**
 * The statutes a document cites, with their mentions and penalties, in order of first mention.
 *
 * - "articles 260 and 261" gives each of the two statutes one mention with the shared span of
 *   the whole reference; `statuteArticleRanges` gives the numbers' own offsets.
 * - A penalty attaches to the statute referred to last before the sentence's penalty cue (or
 *   first after it), unless a statute named after the cue has a cue of its own before the penalty
 *   ("Article 128 prescribed ..., and Article 128(2) increased the penalty to ..."): then it is
 *   that statute's. A plural word before the cue ("; these carried penalties") gives the penalty
 *   to every statute named before it, or at a sentence's start to every statute of the sentence
 *   before. A sentence opening with "When ..."/"If ..." and naming no statute continues the
 *   statute of the sentence before. A penalty with no named statute is dropped.
 * - "imposes the same penalties ... as article 260" copies nothing: the penalties stay where the
 *   text states them, so every penalty quote is the words of its own statute.
 * - A whole instrument cited alone ("the existing criminal code") whose articles the document
 *   also cites is not listed again, unless the text gives it penalties or a title of its own.
 *
 * @param text The clean text.
 * @param sentences Ordered, non-overlapping sentence ranges; only text inside them is read.
 * @param numbers The numbers pass over the whole text; its durations give penalty terms.
 * @example findStatutes(text, sentences, numbers)[0]?.id //=> 'criminal code:124'
 */
export function findStatutes(
  text: string,
  sentences: readonly Range[],
  numbers: readonly NumberMention[],
): Statute[] {
  const found = findStatuteMentions(text, sentences);
  const { resolved } = resolveMentions(found);
  const drafts = new Map<string, Draft>();
  for (const { mention, targets } of resolved) {
    for (const target of targets) {
      const id = idOf(target);
      const draft = drafts.get(id) ?? {
        instrument: target.instrument,
        article: target.article,
        title: undefined,
        penalties: [],
        mentions: [],
        seen: new Set<string>(),
      };
      drafts.set(id, draft);
      if (!draft.seen.has(`m${mention.start}:${mention.end}`)) {
        draft.seen.add(`m${mention.start}:${mention.end}`);
        draft.mentions.push(span(text, mention.start, mention.end));
      }
      if (mention.title !== undefined && targets.length === 1 && draft.title === undefined)
        draft.title = mention.title;
    }
  }

  const sortedNumbers = [...numbers].sort((a, b) => a.start - b.start);
  const bySentence = groupBy(resolved, (r) => r.mention.sentence);
  const foundBySentence = groupBy(found, (m) => m.sentence);
  let previous: Target[] = [];
  sentences.forEach((sentence, i) => {
    const here = bySentence.get(i) ?? [];
    // No statute here, none carried over, none in the sentence before: no penalty can be given to one,
    // whatever the sentence says. Most sentences are so; skipping their cue search changes nothing.
    if (here.length === 0 && previous.length === 0 && !bySentence.has(i - 1)) return;
    const cue = penaltyCue(text, sentence);
    let last: Target[] = [];
    if (cue !== null) {
      // Push loops, not `filter`: an empty filter result has another elements kind than a full one,
      // and this code deoptimised on "wrong map" when both reached it.
      const before: Resolved[] = [];
      const after: Resolved[] = [];
      for (const r of here) (r.mention.start < cue ? before : after).push(r);
      // "Article 308 ..., and Article 309 ...; these carried penalties": every statute before the
      // cue; "These articles prescribe ..." opening a sentence: every statute of the one before.
      const plural = pluralBeforeCue(text, sentence, cue);
      let lead: Target[] = plural
        ? uniqueTargets(
            (before.length > 0 ? before : (bySentence.get(i - 1) ?? [])).flatMap((r) => r.targets),
          )
        : (before.at(-1)?.targets ?? []);
      if (lead.length === 0 && after.length === 0 && opensWithCondition(text, sentence)) lead = previous;
      last = lead.length > 0 ? lead : (after[0]?.targets ?? []);
      if (last.length > 0) {
        const exclude = foundBySentence.get(i) ?? [];
        const penalties = findPenalties(text, sentence, numbersIn(sortedNumbers, sentence), exclude);
        for (const p of penalties) {
          // A statute named after the cue takes the penalties after its own cue ("and Article
          // 128(2) increased the penalty to ..."); the others go to the statute before the cue.
          const owner =
            after.filter((r) => r.mention.end <= p.start && cueBetween(text, r.mention.end, p.start)).at(-1)
              ?.targets ?? last;
          for (const target of owner) {
            const draft = drafts.get(idOf(target));
            if (!draft || draft.seen.has(`p${p.start}:${p.end}`)) continue;
            draft.seen.add(`p${p.start}:${p.end}`);
            draft.penalties.push(p);
          }
          last = owner;
        }
      }
    }
    previous = last.length > 0 ? last : (here.at(-1)?.targets ?? []);
  });

  const withArticles = new Set(
    [...drafts.values()].filter((d) => d.article !== null).map((d) => d.instrument),
  );
  // A push loop, not `map`: optimised, `map` gives a holey array, unoptimised a packed one, and the
  // readers of the statutes deoptimised on the second array map. No spread either (a clone per statute).
  const statutes: Statute[] = [];
  for (const [id, d] of drafts) {
    if (
      d.article === null &&
      d.penalties.length === 0 &&
      d.title === undefined &&
      withArticles.has(d.instrument)
    )
      continue;
    statutes.push(
      d.title === undefined
        ? { id, instrument: d.instrument, article: d.article, penalties: d.penalties, mentions: d.mentions }
        : {
            id,
            instrument: d.instrument,
            article: d.article,
            title: d.title,
            penalties: d.penalties,
            mentions: d.mentions,
          },
    );
  }
  return statutes;
}

/** A regex for a number as written, with any dash for "-" and the number standing alone. */
function numberPattern(written: string): RegExp {
  const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-‐–]/g, '[-‐–]');
  return new RegExp(`(?<![\\d/])${escaped}(?![\\d/])`);
}

/** The number of a numbered instrument ("3/2011" of "law no. 3/2011" or "law 3/2011"), or null. */
function instrumentNumber(instrument: string): string | null {
  return /^(?:law|act|decree|proclamation|ordinance) (?:no\. )?(\d[\d/-]*)$/.exec(instrument)?.[1] ?? null;
}

/**
 * Where the reference numbers of the statutes stand: "124" in "Article 124", each of "260" and
 * "261" in "articles 260 and 261", "3/2011" in "Law No. 3/2011". They are not counts, so a later
 * refiner can drop them from the numbers list. Years in a law's name are real years and are not
 * included.
 *
 * @param statutes Statutes from `findStatutes`.
 * @returns Ranges sorted by start, without duplicates.
 */
export function statuteArticleRanges(statutes: readonly Statute[]): Range[] {
  const ranges = new Map<string, Range>();
  // One pattern per number as written, not one per mention: a statute is mentioned many times.
  const patterns = new Map<string, RegExp>();
  const patternOf = (written: string): RegExp => {
    let pattern = patterns.get(written);
    if (pattern === undefined) {
      pattern = numberPattern(written);
      patterns.set(written, pattern);
    }
    return pattern;
  };
  for (const statute of statutes) {
    const written = [statute.article, instrumentNumber(statute.instrument)].filter(
      (w): w is string => w !== null,
    );
    for (const mention of statute.mentions) {
      for (const w of written) {
        const match = patternOf(w).exec(mention.quote);
        if (!match) continue;
        const start = mention.start + match.index;
        ranges.set(`${start}`, { start, end: start + match[0].length });
      }
    }
  }
  return [...ranges.values()].sort((a, b) => a.start - b.start);
}
