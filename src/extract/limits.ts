/**
 * Input caps of the extractors, each with the reason it is safe.
 * Every regular expression runs on inputs no longer than these.
 */

/** A TIP narrative is 5-60 KB; 5 MB leaves room for whole human-rights reports and refuses the absurd. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** The longest real sentences are about 1,500 characters; longer "sentences" are cut for the sentence rules. */
export const MAX_SENTENCE_CHARS = 4_000;

/** Digits in one number: 24 covers any real count or sum (and 15-digit peer cases); a longer run is an id. */
export const MAX_NUMBER_DIGITS = 24;

/** Words in one spelled-out number: "one million two thousand two hundred three fifths" is 7; 16 is ample. */
export const MAX_PHRASE_TOKENS = 16;

/** Characters between two words of one spelled-out number ("fifty - two"); more is two numbers. */
export const MAX_NUMBER_GAP_CHARS = 8;

/** Characters looked back over for the word before a number ("children under 18", "handing over one"). */
export const MAX_CONTEXT_CHARS = 40;
