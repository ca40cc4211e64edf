/**
 * The instrument table: canonical lower-case names of the codes the narratives cite, the ways
 * they are written, and the normalisation of every other instrument name.
 */

/** What kind of instrument a name is; short forms ("the act") only resolve to compatible kinds. */
export type InstrumentKind =
  | 'code'
  | 'constitution'
  | 'law'
  | 'act'
  | 'bill'
  | 'decree'
  | 'proclamation'
  | 'ordinance'
  | 'unknown';

/** One row of the code table: the canonical name and how the narratives write it. */
export interface CodeEntry {
  canonical: string;
  kind: InstrumentKind;
  /** Lower-case phrases, longest first; matched with either case of each first letter. */
  written: readonly string[];
  /** Where the wording was seen, or why it is listed. */
  why: string;
}

/** The codes. Order matters only inside `written`: longer phrases first. */
export const CODES: readonly CodeEntry[] = [
  {
    canonical: 'code of criminal procedure',
    kind: 'code',
    written: ['code of criminal procedure', 'criminal procedure code', 'criminal procedural code'],
    why: 'witness protection and victim testimony rules are cited from it',
  },
  {
    canonical: 'criminal code',
    kind: 'code',
    written: ['criminal code'],
    why: 'Kyrgyz Republic 2017: "Article 124 of the criminal code"',
  },
  { canonical: 'penal code', kind: 'code', written: ['penal code'], why: 'Cameroon 2008: "the penal code"' },
  {
    canonical: 'labor code',
    kind: 'code',
    written: ['labor code', 'labour code', 'code of labor', 'code of labour'],
    why: 'forced labor provisions; British spelling in some narratives',
  },
  {
    canonical: 'code on children',
    kind: 'code',
    written: ['code on children', "children's code", 'child code', 'children code'],
    why: 'Kyrgyz Republic 2017: "Article 15 of the code on children"',
  },
  {
    canonical: 'administrative code',
    kind: 'code',
    written: ['code of administrative offenses', 'code of administrative offences', 'administrative code'],
    why: 'prostitution is often an administrative offense',
  },
  { canonical: 'family code', kind: 'code', written: ['family code'], why: 'child marriage provisions' },
  { canonical: 'civil code', kind: 'code', written: ['civil code'], why: 'restitution provisions' },
  {
    canonical: 'constitution',
    kind: 'constitution',
    written: ['constitution'],
    why: 'Angola 2008: "The constitution and law prohibit slavery"',
  },
];

/** Escapes a phrase for a regex and lets either case start each word ("Penal Code" == "penal code"). */
function phrasePattern(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace("'", "['’]");
      const first = escaped[0] ?? '';
      return /[a-z]/.test(first) ? `[${first}${first.toUpperCase()}]${escaped.slice(1)}` : escaped;
    })
    .join('\\s+');
}

/** All written forms of all codes as one alternation, longest phrases first. */
export const CODE_PATTERN = `(?:${CODES.flatMap((entry) => entry.written)
  .sort((a, b) => b.length - a.length)
  .map(phrasePattern)
  .join('|')})`;

const CODE_LOOKUP = CODES.flatMap((entry) =>
  entry.written.map((phrase) => ({ entry, re: new RegExp(`(?:^|\\s)${phrasePattern(phrase)}$`) })),
);

/**
 * The table row of a written code name, also when a country adjective leads it.
 *
 * @param written The code's name as matched ("Criminal Code", "Kyrgyz criminal code").
 * @example codeEntry('Criminal  Code')?.canonical //=> 'criminal code'
 */
export function codeEntry(written: string): CodeEntry | undefined {
  return CODE_LOOKUP.find(({ re }) => re.test(written))?.entry;
}

/** Month names dropped from a law's name: "the April Antitrafficking in Persons Law" names a month, not the law. */
const MONTH =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+/g;

/**
 * Lower-cases a law's name and spells its words one way: "Antitrafficking" and "anti trafficking"
 * become "anti-trafficking", dashes become "-", runs of white space one space.
 *
 * @param name The name as written.
 * @example normaliseName('Antitrafficking in  Persons Bill') //=> 'anti-trafficking in persons bill'
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[‐‑–—]/g, '-')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .replace(MONTH, '')
    .replace(/\banti[- ]?trafficking\b/g, 'anti-trafficking')
    .replace(/\bcounter[- ]?trafficking\b/g, 'counter-trafficking')
    .trim();
}

/** The kind a law's last word gives it ("... Act" is an act). */
export function kindOfWord(word: string): InstrumentKind {
  const lower = word.toLowerCase();
  switch (lower) {
    case 'act':
    case 'bill':
    case 'decree':
    case 'proclamation':
    case 'ordinance':
    case 'law':
      return lower;
    case 'code':
      return 'code';
    default:
      return 'law';
  }
}

/** Short-form words and the kinds of instrument each may refer back to. */
export const SHORT_FORM_TARGETS: Readonly<Record<string, readonly InstrumentKind[]>> = {
  // "the law" is the commonest phrase of all and usually means the country's law in general;
  // it resolves only to a law named just before it (see resolve.ts).
  law: ['law', 'act', 'bill', 'decree', 'proclamation', 'ordinance'],
  act: ['act', 'bill'],
  bill: ['bill', 'act'],
  code: ['code'],
  decree: ['decree'],
  proclamation: ['proclamation'],
  article: [],
};
