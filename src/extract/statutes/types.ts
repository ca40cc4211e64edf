import type { InstrumentKind } from './instruments.js';

/**
 * What a rule found, before resolution:
 * - `full`: an article with its instrument ("Article 124 of the criminal code");
 * - `bare`: an article alone ("article 124"), resolved to an instrument later;
 * - `instrument`: a law or code alone ("the penal code", "the 2005 anti-trafficking law");
 * - `short`: a word that refers back ("the act", "this law").
 */
export type MentionKind = 'full' | 'bare' | 'instrument' | 'short';

/**
 * An instrument as a rule read it. Every field is always present (absent ones `undefined`), in this
 * order, so that all refs share one hidden class: refs of four shapes made V8 deoptimise the
 * resolver's code on "wrong map" again and again.
 */
export interface InstrumentRef {
  /** Canonical lower-case name ("criminal code", "2005 anti-trafficking law"). */
  name: string;
  kind: InstrumentKind;
  /**
   * Set for a name that only describes a law and so may stand for a named one:
   * `topic` ("the anti-trafficking law", "the 2008 anti-trafficking law") or `year` ("the 2005 law").
   */
  generic: 'topic' | 'year' | undefined;
  /** The year in the name or in the number ("2008" of "Law No. 6/2008"), if any. */
  year: string | undefined;
  /** Where the number of a numbered instrument stands ("3/2011" in "Law No. 3/2011"). */
  number: { start: number; end: number } | undefined;
}

/** One article number of a reference, as written, with its offsets. */
export interface ArticleRef {
  /** As written: "124", "124(2)", "2-4". */
  text: string;
  /** The leading number, used to match a bare article to an earlier full one ("124" for "124(2)"). */
  base: string;
  start: number;
  end: number;
}

/**
 * One reference found by a rule. `start..end` is the whole reference, without a leading determiner.
 * All fields are always present, in this order (see `InstrumentRef`: one hidden class for all).
 */
export interface FoundMention {
  /** The rule's name. */
  rule: string;
  kind: MentionKind;
  start: number;
  end: number;
  instrument: InstrumentRef | null;
  articles: ArticleRef[];
  /** The referring word of a short form, lower case ("act"). */
  short: string | undefined;
  /** A title given right after the reference (`entitled "Trafficking in Persons,"`). */
  title: string | undefined;
  /** Index of the sentence the mention is in. */
  sentence: number;
}
