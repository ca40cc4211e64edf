/**
 * Input caps of the extractors, each with the reason it is safe.
 * Every regular expression runs on inputs no longer than these.
 */

/** A TIP narrative is 5-60 KB; 5 MB leaves room for whole human-rights reports and refuses the absurd. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/** The longest real sentences are about 1,500 characters; longer "sentences" are cut for the sentence rules. */
export const MAX_SENTENCE_CHARS = 4_000;
