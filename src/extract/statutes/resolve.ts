/**
 * The resolve pass (cf. eyecite `resolve`): gives every found reference the statutes it refers to.
 *
 * - A full reference names its own instrument, by its canonical name in the document: a numbered
 *   instrument keeps its first spelling ("Law No. 6/2008", later "Law 6/2008"); a name that is the
 *   title of one numbered instrument is that instrument ("the Law on Preventing ..." after "Law on
 *   Preventing ... (Law No. 6/2008)"); a name without a year is the one law of the document with
 *   that name and a year ("the Human Trafficking Act" after "the 2005 Human Trafficking Act").
 * - A bare "article 124" goes, in this order, to: the instrument of the last full or resolved
 *   reference to article 124 (so "article 124" after "Article 15 of the code on children" still
 *   means the criminal code's 124); the instrument named alone earlier in the same sentence; the
 *   one instrument named alone in the sentence before, when that sentence cites no article ("The
 *   criminal code prohibits trafficking. Article 110/a ..."); the last instrument mentioned with an
 *   article; the one instrument the whole document cites with article 124 (a forward reference);
 *   else instrument "unknown".
 * - "the 2008 anti-trafficking law" describes a law: it goes to the one trafficking law of 2008 the
 *   document names (by name or title), stands for itself when there is none, and stays unresolved
 *   when there are several. "the anti-trafficking law" and "the 2005 law" go likewise to the one
 *   law of the document that fits, counting such described laws too.
 * - "the act", "this law", "the code", "this article" go to the one instrument (or article) of a
 *   compatible kind named earlier in the same sentence or in the sentence before; otherwise they
 *   stay unresolved: "the law" usually means a country's law in general, and is never guessed.
 *   "Section 3 of the act" is article 3 of the instrument "the act" goes to, or unresolved with it.
 */
import { type InstrumentKind, normaliseName, SHORT_FORM_TARGETS } from './instruments.js';
import type { ArticleRef, FoundMention, InstrumentRef } from './types.js';

/** The instrument of a bare article that no earlier or later reference places. */
export const UNKNOWN_INSTRUMENT = 'unknown';

/** One statute a reference points at. */
export interface Target {
  instrument: string;
  article: string | null;
}

/** A reference with the statutes it points at: one per article, or one whole instrument. */
export interface Resolved {
  mention: FoundMention;
  targets: Target[];
}

/** What resolve gives: the resolved references in text order, and those it could not place. */
export interface Resolution {
  resolved: Resolved[];
  unresolved: FoundMention[];
  /** The kind of every instrument named, by canonical name. */
  kinds: Map<string, InstrumentKind>;
}

const NOT_A_CODE: ReadonlySet<InstrumentKind> = new Set([
  'law',
  'act',
  'bill',
  'decree',
  'proclamation',
  'ordinance',
]);

/** The one element of a set, or undefined when it has none or several. */
function only<T>(values: Iterable<T>): T | undefined {
  const all = [...new Set(values)];
  return all.length === 1 ? all[0] : undefined;
}

/** Adds `value` to the set under `key`. */
function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** A law's name or title without its year or article: "human trafficking act" for "2005 human trafficking act" or "the Human Trafficking Act, 2005". */
function withoutYear(name: string): string {
  // A year's match that starts with white space never follows white space or a comma (one earlier would
  // match too), so `(?<![\s,])` changes no result and keeps the search from trying every space of a run.
  return normaliseName(name)
    .replace(/^the\s+/, '')
    .replace(/^(?:19|20)\d{2}\s+/, '')
    .replace(/(?:,|(?<![\s,]))\s+(?:of\s+)?(?:19|20)\d{2}$/, '');
}

/** The year a law's title gives ("2005" of "Human Trafficking Act, 2005"), if any. */
function titleYear(title: string): string | undefined {
  return /\b((?:19|20)\d{2})\b/.exec(title)?.[1];
}

/** The kind and number of a numbered instrument ("law 6/2008" for "law no. 6/2008"), or null. */
function numberKey(ref: InstrumentRef): string | null {
  if (!ref.number) return null;
  const match = /^(\S+) (?:no\. )?(.+)$/.exec(ref.name);
  return match ? `${match[1]} ${match[2]}` : null;
}

/** Whether two years agree: equal, or one of them unknown. */
const sameYear = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined || a === b;

/**
 * The canonical name of every instrument name that another name of the document stands for:
 * spellings of one number ("law 6/2008" -> "law no. 6/2008", the first written), the title of a
 * numbered instrument ("law on preventing ..." -> "law no. 6/2008"), a name without its year
 * ("human trafficking act" -> "2005 human trafficking act"). A name that could stand for
 * several is left as it is.
 */
function aliasesOf(specific: readonly FoundMention[]): Map<string, string> {
  const alias = new Map<string, string>();
  const firstByNumber = new Map<string, string>();
  for (const { instrument: ref } of specific) {
    const key = ref ? numberKey(ref) : null;
    if (!ref || key === null) continue;
    const first = firstByNumber.get(key);
    if (first === undefined) firstByNumber.set(key, ref.name);
    else if (first !== ref.name) alias.set(ref.name, first);
  }
  const canonical = (name: string): string => alias.get(name) ?? name;

  const byTitle = new Map<string, Set<string>>();
  const titleYears = new Map<string, string | undefined>();
  const byBareName = new Map<string, Set<string>>();
  for (const { instrument: ref, title } of specific) {
    if (!ref || !NOT_A_CODE.has(ref.kind)) continue;
    if (ref.number && title !== undefined) {
      addTo(byTitle, withoutYear(title), canonical(ref.name));
      titleYears.set(canonical(ref.name), titleYear(title) ?? ref.year);
    } else if (!ref.number && ref.year !== undefined) {
      addTo(byBareName, withoutYear(ref.name), ref.name);
    }
  }
  for (const { instrument: ref } of specific) {
    if (!ref || ref.number || !NOT_A_CODE.has(ref.kind) || alias.has(ref.name)) continue;
    const key = withoutYear(ref.name);
    const titled = only(
      [...(byTitle.get(key) ?? [])].filter((name) => sameYear(titleYears.get(name), ref.year)),
    );
    const dated = ref.year === undefined ? only(byBareName.get(key) ?? []) : undefined;
    const target = titled ?? dated;
    if (target !== undefined && target !== ref.name) alias.set(ref.name, target);
  }
  return alias;
}

/** A law of the document a descriptive name may stand for. */
/** A law the document names. All fields always present, in this order: one hidden class for all laws. */
interface Law {
  name: string;
  year: string | undefined;
  trafficking: boolean;
}

/** Whether a descriptive name ("the 2008 anti-trafficking law", "the 2005 law") fits a law. */
function fits(ref: InstrumentRef, law: Law): boolean {
  if (ref.generic === 'year') return law.year === ref.year;
  return law.trafficking && (ref.year === undefined || law.year === ref.year);
}

/** The one name among `laws` that fit, `ref.name` when none does, null when several do. */
function placeAmong(ref: InstrumentRef, laws: readonly Law[]): string | null {
  const names = new Set(laws.filter((law) => fits(ref, law)).map((law) => law.name));
  if (names.size === 0) return ref.name;
  return only(names) ?? null;
}

/**
 * Resolves found references to statutes, in text order.
 *
 * @param mentions The references of one document, in text order (from `findStatuteMentions`).
 */
export function resolveMentions(mentions: readonly FoundMention[]): Resolution {
  const named = mentions.filter((m) => m.instrument && !m.instrument.generic);
  const alias = aliasesOf(named);
  const canonical = (name: string): string => alias.get(name) ?? name;
  const kinds = new Map<string, InstrumentKind>();
  for (const m of named) if (m.instrument) kinds.set(canonical(m.instrument.name), m.instrument.kind);
  // The laws a descriptive name may stand for: the named ones, by canonical name (a year or a
  // trafficking title on any of a law's names counts), then what "the 2008 anti-trafficking law"
  // and the like stand for, so that "the anti-trafficking law" finds those too.
  const lawsByName = new Map<string, Law>();
  for (const { instrument: ref, title } of named) {
    if (!ref || !NOT_A_CODE.has(ref.kind)) continue;
    const name = canonical(ref.name);
    const law = lawsByName.get(name) ?? { name, year: undefined, trafficking: false };
    if (law.year === undefined && ref.year !== undefined) law.year = ref.year;
    law.trafficking ||= /trafficking/.test(ref.name) || /trafficking/i.test(title ?? '');
    lawsByName.set(name, law);
  }
  const laws = [...lawsByName.values()];
  const described = new Map<FoundMention, string | null>();
  for (const m of mentions) {
    if (m.instrument?.generic === 'topic' && m.instrument.year !== undefined)
      described.set(m, placeAmong(m.instrument, laws));
  }
  const describedLaws: Law[] = [...described.entries()].flatMap(([m, name]) =>
    name === null
      ? []
      : [{ name, year: m.instrument?.year ? m.instrument.year : undefined, trafficking: true }],
  );

  /** Places a descriptive name ("the anti-trafficking law", "the 2005 law") among the laws. */
  function resolveGeneric(mention: FoundMention): string | null {
    const ref = mention.instrument;
    if (!ref) return null;
    if (!ref.generic) return canonical(ref.name);
    if (described.has(mention)) return described.get(mention) ?? null;
    return placeAmong(ref, [...laws, ...describedLaws]);
  }

  /** The instrument of a full reference: "Section 3 of the 2005 anti-trafficking law" is that law's, as written when it could be several. */
  function fullInstrument(mention: FoundMention): string {
    if (!mention.instrument) return UNKNOWN_INSTRUMENT;
    return resolveGeneric(mention) ?? mention.instrument.name;
  }

  // Which instruments the whole document cites with each article number, for forward references.
  const citedWith = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.kind !== 'full' || !m.instrument) continue;
    for (const a of m.articles) addTo(citedWith, a.base, fullInstrument(m));
  }

  const resolved: Resolved[] = [];
  const unresolved: FoundMention[] = [];
  // Resolved references by sentence, so that looking back a sentence costs no scan of the document.
  const bySentence = new Map<number, Resolved[]>();
  const lastWithArticle = new Map<string, string>();
  let lastArticleInstrument: string | null = null;

  for (const mention of mentions) {
    const targets = targetsOf(mention);
    if (targets === null) {
      unresolved.push(mention);
      continue;
    }
    const r = { mention, targets };
    resolved.push(r);
    const list = bySentence.get(mention.sentence);
    if (list) list.push(r);
    else bySentence.set(mention.sentence, [r]);
  }
  return { resolved, unresolved, kinds };

  function targetsOf(mention: FoundMention): Target[] | null {
    switch (mention.kind) {
      case 'full': {
        const instrument = fullInstrument(mention);
        if (mention.instrument) kinds.set(instrument, kinds.get(instrument) ?? mention.instrument.kind);
        return placeArticles(mention, () => instrument);
      }
      case 'instrument': {
        const instrument = resolveGeneric(mention);
        if (instrument !== null && mention.instrument)
          kinds.set(instrument, kinds.get(instrument) ?? mention.instrument.kind);
        return instrument === null ? null : [{ instrument, article: null }];
      }
      case 'bare':
        return placeArticles(
          mention,
          (a) =>
            lastWithArticle.get(a.base) ??
            sameSentenceInstrument(mention) ??
            previousSentenceInstrument(mention) ??
            lastArticleInstrument ??
            only(citedWith.get(a.base) ?? []) ??
            UNKNOWN_INSTRUMENT,
        );
      case 'short':
        return shortTarget(mention);
    }
  }

  /**
   * The targets of a mention's articles, in order, each placed in the instrument `instrumentOf` gives.
   * A push loop, not `map`: optimised, `map` gives a holey array, and the readers of the targets saw
   * holey and packed ones and deoptimised on "wrong map".
   */
  function placeArticles(mention: FoundMention, instrumentOf: (a: ArticleRef) => string): Target[] {
    const targets: Target[] = [];
    for (const a of mention.articles) targets.push(place(instrumentOf(a), a.base, a.text));
    return targets;
  }

  /** Records that `instrument` was cited with article `base`, and returns the target. */
  function place(instrument: string, base: string, article: string): Target {
    if (instrument !== UNKNOWN_INSTRUMENT) {
      lastWithArticle.set(base, instrument);
      lastArticleInstrument = instrument;
    }
    return { instrument, article };
  }

  /** The one instrument named alone earlier in the mention's sentence ("the existing criminal code that will bring article 124"). */
  function sameSentenceInstrument(mention: FoundMention): string | undefined {
    return only(
      (bySentence.get(mention.sentence) ?? [])
        .filter((r) => r.mention.kind === 'instrument')
        .flatMap((r) => r.targets.map((t) => t.instrument)),
    );
  }

  /**
   * The one instrument named alone in the sentence before a bare article ("The criminal code
   * prohibits trafficking. Article 110/a ..."), when that sentence cites no article itself.
   */
  function previousSentenceInstrument(mention: FoundMention): string | undefined {
    const before = bySentence.get(mention.sentence - 1) ?? [];
    if (before.some((r) => r.mention.kind === 'full' || r.mention.kind === 'bare')) return undefined;
    // "The constitution prohibits forced labor. Article 124 ...": the narratives cite articles of
    // codes and laws, and almost never of the constitution.
    return only(
      before
        .filter((r) => r.mention.kind === 'instrument' && r.mention.instrument?.kind !== 'constitution')
        .flatMap((r) => r.targets.map((t) => t.instrument)),
    );
  }

  /** The one compatible statute named in the same sentence before a short form, or in the sentence before. */
  function shortTarget(mention: FoundMention): Target[] | null {
    // A push loop, not spread, `flatMap` and `filter`: see placeArticles.
    const targets: Target[] = [];
    for (const sentence of [mention.sentence - 1, mention.sentence]) {
      for (const r of bySentence.get(sentence) ?? []) {
        for (const t of r.targets) if (t.instrument !== UNKNOWN_INSTRUMENT) targets.push(t);
      }
    }
    if (mention.short === 'article') {
      const articles = targets.filter((t) => t.article !== null);
      const key = only(articles.map((t) => `${t.instrument}\u0000${t.article}`));
      const target = articles.find((t) => `${t.instrument}\u0000${t.article}` === key);
      return target ? [target] : null;
    }
    const allowed = SHORT_FORM_TARGETS[mention.short ?? ''] ?? [];
    // A loop, not `map` then `filter`: see placeArticles.
    const names: string[] = [];
    for (const t of targets)
      if (allowed.includes(kinds.get(t.instrument) ?? 'unknown')) names.push(t.instrument);
    const instrument = only(names);
    if (instrument === undefined) return null;
    // "Section 3 of the act": the articles of the law the short form refers to.
    if (mention.articles.length > 0) return placeArticles(mention, () => instrument);
    return [{ instrument, article: null }];
  }
}
