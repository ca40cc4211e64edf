/**
 * The resolve pass (cf. eyecite `resolve`): gives every found reference the statutes it refers to.
 *
 * - A full reference names its own instrument.
 * - A bare "article 124" goes, in this order, to: the instrument of the last full or resolved
 *   reference to article 124 (so "article 124" after "Article 15 of the code on children" still
 *   means the criminal code's 124); the instrument named alone earlier in the same sentence; the
 *   last instrument mentioned with an article; the one instrument the whole document cites with
 *   article 124 (a forward reference); else instrument "unknown".
 * - "the anti-trafficking law" and "the 2005 law" only describe a law: they go to the one law of
 *   the document that fits (its name says trafficking, or has that year), stand for themselves
 *   when none does, and stay unresolved when several do.
 * - "the act", "this law", "the code", "this article" go to the one instrument (or article) of a
 *   compatible kind named earlier in the same sentence or in the sentence before; otherwise they
 *   stay unresolved: "the law" usually means a country's law in general, and is never guessed.
 */
import { type InstrumentKind, SHORT_FORM_TARGETS } from './instruments.js';
import type { FoundMention } from './types.js';

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

/** Places a descriptive name ("the anti-trafficking law", "the 2005 law") among the named laws. */
function resolveGeneric(mention: FoundMention, named: readonly FoundMention[]): string | null {
  const ref = mention.instrument;
  if (!ref?.generic) return ref?.name ?? null;
  const fits = named.filter(({ instrument: other }) => {
    if (!other || other.generic || !NOT_A_CODE.has(other.kind)) return false;
    return ref.generic === 'year' ? other.year === ref.year : /trafficking/.test(other.name);
  });
  const names = new Set(fits.map((m) => m.instrument?.name));
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
  const kinds = new Map<string, InstrumentKind>();
  for (const m of named) if (m.instrument) kinds.set(m.instrument.name, m.instrument.kind);
  // Which instruments the whole document cites with each article number, for forward references.
  const citedWith = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.kind !== 'full' || !m.instrument) continue;
    for (const a of m.articles)
      citedWith.set(a.base, (citedWith.get(a.base) ?? new Set()).add(m.instrument.name));
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
        const instrument = mention.instrument?.name ?? UNKNOWN_INSTRUMENT;
        return mention.articles.map((a) => place(instrument, a.base, a.text));
      }
      case 'instrument': {
        const instrument = resolveGeneric(mention, named);
        if (instrument !== null && mention.instrument)
          kinds.set(instrument, kinds.get(instrument) ?? mention.instrument.kind);
        return instrument === null ? null : [{ instrument, article: null }];
      }
      case 'bare':
        return mention.articles.map((a) => {
          const instrument =
            lastWithArticle.get(a.base) ??
            sameSentenceInstrument(mention) ??
            lastArticleInstrument ??
            only(citedWith.get(a.base) ?? []) ??
            UNKNOWN_INSTRUMENT;
          return place(instrument, a.base, a.text);
        });
      case 'short':
        return shortTarget(mention);
    }
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

  /** The one compatible statute named in the same sentence before a short form, or in the sentence before. */
  function shortTarget(mention: FoundMention): Target[] | null {
    const window = [
      ...(bySentence.get(mention.sentence - 1) ?? []),
      ...(bySentence.get(mention.sentence) ?? []),
    ];
    const targets = window.flatMap((r) => r.targets).filter((t) => t.instrument !== UNKNOWN_INSTRUMENT);
    if (mention.short === 'article') {
      const articles = targets.filter((t) => t.article !== null);
      const key = only(articles.map((t) => `${t.instrument}\u0000${t.article}`));
      const target = articles.find((t) => `${t.instrument}\u0000${t.article}` === key);
      return target ? [target] : null;
    }
    const allowed = SHORT_FORM_TARGETS[mention.short ?? ''] ?? [];
    const instrument = only(
      targets.map((t) => t.instrument).filter((name) => allowed.includes(kinds.get(name) ?? 'unknown')),
    );
    return instrument === undefined ? null : [{ instrument, article: null }];
  }
}
