/**
 * Named sub-patterns of the statute rules, composed with small helpers (cf. eyecite `regexes.py`,
 * reporters-db `$law_section`). Every pattern here is a regex *source* string; `rules.ts` compiles them.
 *
 * Linear time: no pattern nests an unbounded quantifier inside another. Where a bounded
 * repetition contains an inner repetition, the comment beside it says why each input position
 * has only one way to be split, so a failed match costs at most the bound, never a blow-up.
 */
import { CODE_PATTERN } from './instruments.js';

/** Wraps `source` in a named capture group. */
export function group(name: string, source: string): string {
  return `(?<${name}>${source})`;
}

/** A non-capturing alternation of the given sources, tried in the order given. */
export function anyOf(...sources: readonly string[]): string {
  return `(?:${sources.join('|')})`;
}

/** The longest article list we read: real lists have two to five numbers; a longer run is not a citation. */
export const MAX_ARTICLE_LIST = 20;

/** The longest statute name, in words: "Prevention and Suppression of Trafficking in Persons Act" is 8. */
export const MAX_NAME_WORDS = 12;

/** A year a law can carry in its name ("the 2005 ... law", "Act of 2008"). */
export const YEAR = String.raw`(?:19|20)\d{2}(?!\d)`;

/** "Article", "articles", "Art.", "Section", "sections", "Sec.", "§". */
export const ARTICLE_WORD_ONE = String.raw`(?:[Aa]rticle|[Aa]rt\.|[Ss]ection|[Ss]ec\.|§)`;
export const ARTICLE_WORD_MANY = String.raw`(?:[Aa]rticles|[Aa]rts\.|[Ss]ections|[Ss]ecs\.|§§)`;

/**
 * One article number as written: "124", "124(2)", "124(2)(b)", "321-1", "5.1", "124bis", "124a",
 * "110/a" (the Albanian criminal code numbers its added articles so).
 * Every part starts with a fixed character ("(", ".", "-", "/", digit), so the parts cannot overlap;
 * a run of digits is never split ("Article 10 of the law" is no "Article 1" followed by "0").
 */
export const ARTICLE_NUMBER = String.raw`\d{1,4}(?!\d)(?:[.\-‐–]\d{1,4}(?!\d)){0,3}(?:\/?[a-z](?![a-z]))?(?:\s?(?:bis|ter|quater)\b)?(?:\(\d{1,3}[a-z]?\)|\([a-z]{1,4}\)){0,4}`;

/** A range inside a list ("260 to 265", "2-4" is already one ARTICLE_NUMBER). */
const ARTICLE_ITEM = String.raw`${ARTICLE_NUMBER}(?:\s+(?:to|through)\s+${ARTICLE_NUMBER})?`;

/** What separates the numbers of a list: ", ", ", and ", " and ", " or ". */
const LIST_SEPARATOR = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)`;

/**
 * A list of article numbers after a plural article word: "260 and 261", "171, 172, and 173".
 * Bounded; every separator is non-digit and every item starts with a digit, so the split is unique.
 */
export const ARTICLE_LIST = `${ARTICLE_ITEM}(?:${LIST_SEPARATOR}${ARTICLE_ITEM}){0,${MAX_ARTICLE_LIST - 1}}`;

/** Finds the items of a matched list, for their offsets. */
export const ARTICLE_ITEM_RE = new RegExp(ARTICLE_ITEM, 'g');

/**
 * A singular or plural article reference: "Article 124(2)", "articles 260 and 261".
 * A singular word takes one number, so "article 124 and 18 investigations" stays "article 124".
 */
export const ARTICLE_REF = anyOf(
  `${ARTICLE_WORD_MANY}\\s*${group('articles', ARTICLE_LIST)}`,
  `${ARTICLE_WORD_ONE}\\s*${group('article', ARTICLE_NUMBER)}`,
);

/** Not an article of a law: "(see section 1.c)" and "section 6.c" are cross-references of a report. */
export const NOT_REPORT_SECTION = String.raw`(?<!\b[Ss]ee\s)`;
export const NOT_SUBSECTION_LETTER = String.raw`(?!\.[a-z]\b)`;

/** Words that may stand before an instrument and are not part of its name. */
export const DETERMINER = String.raw`(?:(?:the|The|its|Its|this|This|that|said)\s+)`;
const ADJECTIVE = String.raw`(?:(?:existing|new|current|amended|revised|national|federal)\s+)`;

/** "Law enforcement" and "law-enforcement" are never a law. */
const NOT_ENFORCEMENT = String.raw`(?![\s\-‐]+[Ee]nforce)`;

/** Topics of a descriptive law: "anti-trafficking", "antitrafficking", "trafficking in persons". */
const TOPIC = anyOf(
  String.raw`[Aa]nti[\-‐ ]?[Tt]rafficking(?:\s+in\s+[Pp]ersons)?`,
  String.raw`[Cc]ounter[\-‐ ]?[Tt]rafficking`,
  String.raw`[Tt]rafficking\s+in\s+[Pp]ersons`,
);

/**
 * A law named by its topic: "2005 national anti-trafficking law", "the anti-trafficking law",
 * "the 2005 law". Lower-case words only: a capitalised name is a NAMED_LAW.
 */
export const TOPIC_LAW = anyOf(
  `(?:${group('topicYear', YEAR)}\\s+)?(?:(?:national|new|comprehensive)\\s+)?${group('topic', TOPIC)}\\s+${group('topicKind', 'law|act')}\\b${NOT_ENFORCEMENT}`,
  `(?<=\\b[Tt]he\\s)${group('yearLaw', YEAR)}\\s+law\\b${NOT_ENFORCEMENT}`,
);

/** A code from the instrument table ("criminal code", "Code on Children"). */
export const CODE = `${group('code', CODE_PATTERN)}\\b${NOT_ENFORCEMENT}`;

/**
 * Capitalised words that are no word of a statute name: determiners, prepositions, conjunctions,
 * months and days ("the Anti-Trafficking Law on Monday" names no "Law on Monday"), and the last
 * words of names (so "the Child Rights Act and the Labour Act" is two acts).
 */
const NAME_STOP = String.raw`(?:The|A|An|This|That|These|Those|Its|Their|Under|In|On|By|With|From|For|And|Or|Although|While|When|If|Since|After|Before|During|Following|Pursuant|Per|As|At|To|Of|New|Existing|Draft|Act|Law|Bill|Code|Decree|Proclamation|Ordinance|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`;
/**
 * Nouns whose possessive starts a statute's name ("Children's Act", "Women's Rights Law"). Any other
 * possessive before a name is its owner, not part of it: "Mozambique's Law on ...", "Ghana's
 * Human Trafficking Act".
 */
const NAME_POSSESSIVE = String.raw`(?:Children|Child|Women|Woman|People|Men)['’]s\b`;
/**
 * One capitalised word of a name ("Anti-Trafficking", "Children's"); a word with another possessive
 * ending ("Mozambique's") is none. The word runs to a word boundary, so it splits one way only.
 */
const NAME_WORD = String.raw`(?!${NAME_STOP})(?:${NAME_POSSESSIVE}|[A-Z][A-Za-z\-‐]{0,30}\b(?!['’]))`;
/** Lower-case words inside a name: "Prevention *of* Trafficking *in* Persons". */
const NAME_CONNECTOR = String.raw`(?:of|on|for|against|to|in|and|the)`;
/** The last word of a statute name. */
const NAME_KIND = String.raw`(?:Act|Law|Bill|Code|Decree|Proclamation|Ordinance)`;

/**
 * Not "Kazakh Law" in "Kazakh Law on Combating Trafficking": the name starts at its kind word
 * there (the "Law on ..." form below), and the word before it is the country's.
 */
const NOT_LAW_ON = `(?!\\s+(?:on|against)\\s+(?:the\\s+)?${NAME_WORD})`;

/**
 * A capitalised statute name: "2007 Antitrafficking in Persons Bill", "Child Rights Act",
 * "Prevention of Trafficking in Persons Act of 2008", "2011 Law on Combating Trafficking in Persons".
 * The repetition is bounded by MAX_NAME_WORDS and each iteration starts at a capital letter
 * after white space while connectors are lower case, so a position splits only one way.
 */
export const NAMED_LAW = anyOf(
  `(?:${group('namedYear', YEAR)}\\s+)?${group('namedName', `${NAME_WORD}(?:\\s+(?:${NAME_CONNECTOR}\\s+){0,2}${NAME_WORD}){0,${MAX_NAME_WORDS - 1}}`)}\\s+${group('namedKind', NAME_KIND)}\\b${NOT_ENFORCEMENT}${NOT_LAW_ON}(?:,?\\s+(?:of\\s+)?${group('namedYear2', YEAR)})?`,
  `(?:${group('lawOnYear', YEAR)}\\s+)?${group('lawOnKind', 'Law|Act|Decree|Code')}\\s+${group('lawOnName', `(?:on|of|against|for)\\s+(?:the\\s+)?${NAME_WORD}(?:\\s+(?:${NAME_CONNECTOR}\\s+){0,2}${NAME_WORD}){0,${MAX_NAME_WORDS - 1}}`)}`,
);

/**
 * A numbered instrument: "Law No. 3/2011", "Law 2011-14", "Proclamation 909/2015", "Decree No. 45".
 * `numMark` is the number sign when written ("No.", "Number", "#"): the name keeps it as "no.".
 */
export const NUMBERED_LAW = `${group('numKind', 'Law|Act|Decree|Proclamation|Ordinance')}\\s+${group('numMark', String.raw`No\.?\s*|Number\s+|#\s*`)}?${group('numNo', String.raw`\d{1,5}(?:[/\-‐–]\d{1,5}){0,3}`)}(?![d/])`;

/**
 * A numbered instrument after its title: "Law on Preventing and Combating Trafficking in Persons
 * (Law No. 6/2008)". The title is `numTitle`; `find.ts` keeps the match only when both kind words
 * agree, so "the Child Rights Act (Law No. 5)" is not read as one instrument.
 */
export const TITLE_THEN_NUMBER = `${group('numTitle', NAMED_LAW)}\\s*\\(\\s*${NUMBERED_LAW}\\s*\\)`;

/**
 * A numbered instrument before its title: "Proclamation 909/2015, the Prevention and Suppression of
 * Trafficking in Persons and Smuggling of Migrants Proclamation,", "Law No. 6/2008 (the Anti-Trafficking
 * Law)". An appositive title must be closed by a comma, a stop or the sentence end and must not open a
 * list (", and ..."); `find.ts` keeps the match only when both kind words agree, so "Law No. 3/2011, the
 * Child Rights Act, the penal code ..." stays two laws and a code.
 */
export const NUMBER_THEN_TITLE = `${NUMBERED_LAW}(?:,\\s+|\\s*\\(\\s*)(?:the\\s+)?${group('numTitle', NAMED_LAW)}(?:\\s*\\)|(?=\\s*[,;.:]|\\s*$)(?!\\s*,\\s*(?:and|or)\\b))`;

/** An abbreviation of an instrument ("CC"); read only where the text defined it ("the Criminal Code (CC)"). */
export const ABBREVIATION = `${group('abbr', '[A-Z]{2,6}')}\\b`;

/** Any instrument, after "of" in "Article 124 of the criminal code". */
export const INSTRUMENT = anyOf(CODE, TOPIC_LAW, NUMBERED_LAW, NAMED_LAW, ABBREVIATION);

/** The words between an article and its instrument: " of the ", " of its new ". */
export const OF_INSTRUMENT = `\\s+of\\s+${DETERMINER}?${ADJECTIVE}?`;

/** The words of a short form: "the law", "this act", "said decree". */
const SHORT_DETERMINER = '[Tt]he|[Tt]his|[Tt]hat|[Ss]aid';
const SHORT_LAW_WORD = '[Ll]aw|[Aa]ct|[Bb]ill|[Cc]ode|[Dd]ecree|[Pp]roclamation';

/** Words that refer back to a law already named: "the law", "this act", "the code". */
export const SHORT_FORM = `${group('shortDet', SHORT_DETERMINER)}\\s+${group('short', `${SHORT_LAW_WORD}|[Aa]rticle`)}\\b${NOT_ENFORCEMENT}(?![\\-‐]\\w)(?!\\s+of\\b)`;

/** An article of a law referred back to: "Section 3 of the act", "article 10 of this law". */
export const ARTICLE_OF_SHORT_FORM = `${ARTICLE_REF}\\s+of\\s+${group('shortDet', SHORT_DETERMINER)}\\s+${group('short', SHORT_LAW_WORD)}\\b${NOT_ENFORCEMENT}(?![\\-‐]\\w)`;

/** Defines an abbreviation right after an instrument: ` (CC)`, ` (the "CC")`, ` (hereinafter "CC")`. */
export const DEFINITION_RE =
  /^\s*\(\s*(?:hereinafter\s+(?:the\s+)?|the\s+)?["“]?(?<abbr>[A-Z]{2,6})["”]?\s*\)/;

/**
 * A title right after a reference: `, entitled "Trafficking in Persons,"`. The title stops at the
 * closing quote; a trailing comma or period inside the quotes is dropped by the reader.
 */
export const TITLE_RE =
  /^,?\s*(?:entitled|titled|(?:also\s+)?known\s+as|called|named)\s+(?:the\s+)?(?:"(?<straight>[^"]{1,200})"|“(?<curly>[^”]{1,200})”|‘(?<single>[^’]{1,200})’)/;

/*
 * Triggers: for each rule, words that every one of its matches contains. find.ts runs a rule only on a
 * sentence where its trigger occurs: one short search per sentence instead of a long pattern tried at
 * every position (most sentences cite no law). A trigger may find more than the rule, never less, so
 * skipping a sentence without it changes no result; tests/extract/statutes-perf.test.ts checks that.
 */

/** Every ARTICLE_REF starts with an article word ("Article", "arts.", "Section", "sec.", "§"). */
export const ARTICLE_TRIGGER = String.raw`[Aa]rt(?:icle|s?\.)|[Ss]ec(?:tion|s?\.)|§`;

/** Every NUMBERED_LAW is its kind word, white space, then a number sign or a digit. */
export const NUMBERED_TRIGGER = String.raw`(?:Law|Act|Decree|Proclamation|Ordinance)\s+(?:No|Number|#|\d)`;

/** TITLE_THEN_NUMBER holds its NUMBERED_LAW in parentheses. */
export const TITLE_NUMBER_TRIGGER = String.raw`\(\s*${NUMBERED_TRIGGER}`;

/** Both forms of NAMED_LAW hold a capitalised kind word (NAME_KIND; "Law on" uses a subset). */
export const NAMED_TRIGGER = NAME_KIND;

/** Every written form in the code table holds "code" or "constitution" (checked by the perf test). */
export const CODE_TRIGGER = String.raw`[cC]o(?:de|nstitution)`;

/**
 * TOPIC_LAW: a topic ends in "trafficking" or "persons" right before "law"/"act", or a year stands
 * right before "law".
 */
export const TOPIC_TRIGGER = String.raw`(?:rafficking|ersons)\s+(?:law|act)\b|\d\s+law\b`;

/** ABBREVIATION after "the "/"its ": two capitals at least. */
export const ABBREVIATION_TRIGGER = String.raw`(?:he|ts)\s[A-Z]{2}`;

/** SHORT_FORM without its look-aheads: a determiner, white space, a law word. */
export const SHORT_TRIGGER = String.raw`(?:[Tt]he|[Tt]his|[Tt]hat|[Ss]aid)\s+(?:${SHORT_LAW_WORD}|[Aa]rticle)\b`;
