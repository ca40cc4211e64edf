/**
 * The statute rules: one row per way the narratives refer to a law. Each pattern has a named
 * group `ref` for the reference itself; the other named groups say what was referred to and are
 * read by `find.ts`. Rows are tried together; where two overlap, the leftmost longest wins, and
 * on a tie the earlier row.
 */
import {
  ABBREVIATION,
  ABBREVIATION_TRIGGER,
  ARTICLE_OF_SHORT_FORM,
  ARTICLE_REF,
  ARTICLE_TRIGGER,
  anyOf,
  CODE,
  CODE_TRIGGER,
  group,
  INSTRUMENT,
  NAMED_LAW,
  NAMED_TRIGGER,
  NOT_REPORT_SECTION,
  NOT_SUBSECTION_LETTER,
  NUMBER_THEN_TITLE,
  NUMBERED_LAW,
  NUMBERED_TRIGGER,
  OF_INSTRUMENT,
  SHORT_FORM,
  SHORT_TRIGGER,
  TITLE_NUMBER_TRIGGER,
  TITLE_THEN_NUMBER,
  TOPIC_LAW,
  TOPIC_TRIGGER,
} from './patterns.js';
import type { MentionKind } from './types.js';

/** A sentence a rule was written for, and what it must give. */
export interface RuleExample {
  text: string;
  /** Where the sentence comes from; "constructed" when no narrative at hand has the form. */
  source: string;
  /** The reference the rule finds, exactly as in `text`. */
  quote: string;
  /** The `id`s of the statutes `findStatutes` gives for `text` alone, in order. */
  ids: string[];
}

/** One row of the rule table. */
export interface StatuteRule {
  name: string;
  kind: MentionKind;
  pattern: RegExp;
  /**
   * Words every match of `pattern` contains (patterns.ts): the rule is run only on a sentence where
   * they occur. Absent for a rule as cheap as its trigger would be.
   */
  trigger?: RegExp;
  examples: RuleExample[];
  /** Sentences in which this rule must find nothing. */
  counterExamples: string[];
}

/** Compiles a rule source: global, with match indices for the named groups. */
function rule(source: string): RegExp {
  return new RegExp(source, 'gd');
}

const triggers = new Map<string, RegExp>();

/**
 * Compiles a trigger source: no flags, so `test` keeps no state between sentences. Rows with the same
 * trigger share one RegExp, so find.ts tests it once per sentence.
 */
function trigger(source: string): RegExp {
  const compiled = triggers.get(source) ?? new RegExp(source);
  triggers.set(source, compiled);
  return compiled;
}

const KYRGYZ = 'Kyrgyz Republic, TIP report 2017 (fixtures/refworld-5959eca511.txt)';
const HRR = (file: string): string => `corpus/usdos-hrr/sections/${file}`;
/** The era fixtures were written for this project in each era's phrasing (fixtures/sources/ERAS.md). */
const ERA = (file: string): string => `fixtures/sources/${file} (written for this project)`;

/** The rule table, in tie-break order. */
export const STATUTE_RULES: readonly StatuteRule[] = [
  {
    name: 'article-of-instrument',
    kind: 'full',
    pattern: rule(`${NOT_REPORT_SECTION}${group('ref', `${ARTICLE_REF}${OF_INSTRUMENT}${INSTRUMENT}`)}`),
    trigger: trigger(ARTICLE_TRIGGER),
    examples: [
      {
        text: 'Article 124 of the criminal code, entitled "Trafficking in Persons," criminalizes both sex and labor trafficking of adults and children.',
        source: KYRGYZ,
        quote: 'Article 124 of the criminal code',
        ids: ['criminal code:124'],
      },
      {
        text: 'Article 15 of the code on children prohibits forced child labor.',
        source: KYRGYZ,
        quote: 'Article 15 of the code on children',
        ids: ['code on children:15'],
      },
      {
        text: 'Articles 171 and 173 of the penal code prohibit forced prostitution.',
        source: 'constructed',
        quote: 'Articles 171 and 173 of the penal code',
        ids: ['penal code:171', 'penal code:173'],
      },
      {
        text: 'Section 3 of the 2005 Anti-Trafficking in Persons Act criminalizes all forms of trafficking.',
        source: 'constructed',
        quote: 'Section 3 of the 2005 Anti-Trafficking in Persons Act',
        ids: ['2005 anti-trafficking in persons act:3'],
      },
      {
        text: 'Article 124(2) of the Criminal Code covers trafficking of children.',
        source: 'constructed',
        quote: 'Article 124(2) of the Criminal Code',
        ids: ['criminal code:124(2)'],
      },
      {
        text: 'Article 5 of Law No. 3/2011 defines trafficking.',
        source: 'constructed',
        quote: 'Article 5 of Law No. 3/2011',
        ids: ['law no. 3/2011:5'],
      },
    ],
    counterExamples: [
      'Section 8 of the report describes the methodology.',
      'The minister wrote an article in the newspaper about the law.',
      'Article 5 of the PGO internal rules was cited.',
    ],
  },
  {
    name: 'instrument-article',
    kind: 'full',
    pattern: rule(
      group('ref', `${anyOf(CODE, TOPIC_LAW, NUMBERED_LAW, NAMED_LAW)}(?:['’]s)?\\s+${ARTICLE_REF}`),
    ),
    trigger: trigger(ARTICLE_TRIGGER),
    examples: [
      {
        text: 'Penal Code Article 293 prohibits forced labor.',
        source: 'constructed',
        quote: 'Penal Code Article 293',
        ids: ['penal code:293'],
      },
    ],
    counterExamples: ['The penal code, article 5 and article 6 apply.'],
  },
  {
    name: 'article-bare',
    kind: 'bare',
    pattern: rule(
      `${NOT_REPORT_SECTION}${group('ref', ARTICLE_REF)}${NOT_SUBSECTION_LETTER}(?!\\s*,?\\s+of\\b)`,
    ),
    trigger: trigger(ARTICLE_TRIGGER),
    examples: [
      {
        text: 'Contrary to international law, article 124 requires the prosecutor to prove the offender used force.',
        source: KYRGYZ,
        quote: 'article 124',
        ids: ['unknown:124'],
      },
      {
        text: 'Prosecutors may also charge traffickers using articles 260 and 261.',
        source: 'constructed from the Kyrgyz PROSECUTION paragraph',
        quote: 'articles 260 and 261',
        ids: ['unknown:260', 'unknown:261'],
      },
      {
        text: 'The offenses are defined in sections 2-4.',
        source: 'constructed',
        quote: 'sections 2-4',
        ids: ['unknown:2-4'],
      },
      {
        // The code named alone in the sentence before is the article's instrument.
        text: "The criminal code prohibits trafficking in persons. Article 110/a, which covers trafficking in adults, prescribes penalties of five to 15 years' imprisonment.",
        source: ERA('era-2003-albania.txt'),
        quote: 'Article 110/a',
        ids: ['criminal code:110/a'],
      },
    ],
    counterExamples: [
      'Section 8 of the report describes the methodology.',
      'The trafficking of child soldiers remained a problem (see section 1.g).',
      'Child labor is discussed in section 6.c.',
      'The ratio was 110/a per district.',
      'The government passed amendments to bring the anti-trafficking article in its criminal code up to international standards.',
    ],
  },
  {
    name: 'code',
    kind: 'instrument',
    pattern: rule(group('ref', CODE)),
    trigger: trigger(CODE_TRIGGER),
    examples: [
      {
        text: 'Although statistics were unavailable because traffickers could be prosecuted under various sections of the penal code, the government reportedly prosecuted trafficking cases during the year.',
        source: HRR('2008_cameroon.trafficking.md'),
        quote: 'penal code',
        ids: ['penal code'],
      },
      {
        text: 'The constitution and law prohibit slavery; however, there are no specific laws against trafficking in persons.',
        source: HRR('2008_angola.trafficking.md'),
        quote: 'constitution',
        ids: ['constitution'],
      },
      {
        text: 'The Labour Code prohibits forced labor.',
        source: 'constructed',
        quote: 'Labour Code',
        ids: ['labor code'],
      },
      {
        text: 'The Code on Children prohibits the worst forms of child labor.',
        source: 'constructed',
        quote: 'Code on Children',
        ids: ['code on children'],
      },
    ],
    counterExamples: ['Tour operators signed a code of conduct.', 'The constitutional court met.'],
  },
  {
    name: 'topic-law',
    kind: 'instrument',
    pattern: rule(group('ref', TOPIC_LAW)),
    trigger: trigger(TOPIC_TRIGGER),
    examples: [
      {
        text: 'In January 2017, a parliamentary commission completed the second such analysis of implementation of the 2005 national anti-trafficking law; however, the commission had not yet published the report.',
        source: KYRGYZ,
        quote: '2005 national anti-trafficking law',
        ids: ['2005 anti-trafficking law'],
      },
      {
        text: 'NAPTIP officials met with several major traditional leaders to raise their awareness regarding trafficking and the antitrafficking law.',
        source: HRR('2007_nigeria.trafficking.md'),
        quote: 'antitrafficking law',
        ids: ['anti-trafficking law'],
      },
      {
        text: 'However, the trafficking secretariat, established by the 2005 law, had yet to be funded.',
        source: HRR('2008_sierra-leone.trafficking.md'),
        quote: '2005 law',
        ids: ['2005 law'],
      },
    ],
    counterExamples: [
      'A national-level department continued to oversee national anti-trafficking law enforcement efforts.',
      'However, the government made minimal progress on antitrafficking legislation and other counter-trafficking measures.',
      'Funding rose in 2005 law enforcement budgets.',
    ],
  },
  {
    name: 'numbered-law',
    kind: 'instrument',
    pattern: rule(group('ref', NUMBERED_LAW)),
    trigger: trigger(NUMBERED_TRIGGER),
    examples: [
      {
        text: 'During the year, the MOLSA revised Proclamation 104/98 to improve coordination, supervision, and control over international employment agencies.',
        source: HRR('2008_ethiopia.trafficking.md'),
        quote: 'Proclamation 104/98',
        ids: ['proclamation 104/98'],
      },
      {
        text: 'Law No. 3/2011 criminalizes trafficking.',
        source: 'constructed',
        quote: 'Law No. 3/2011',
        ids: ['law no. 3/2011'],
      },
      { text: 'Law 2011-14 amended it.', source: 'constructed', quote: 'Law 2011-14', ids: ['law 2011-14'] },
      {
        text: 'Decree No. 45 created the commission.',
        source: 'constructed',
        quote: 'Decree No. 45',
        ids: ['decree no. 45'],
      },
    ],
    counterExamples: ['Law enforcement officials arrested 12 suspects.', 'The law 2 years ago was weak.'],
  },
  {
    name: 'named-law-numbered',
    kind: 'instrument',
    pattern: rule(group('ref', TITLE_THEN_NUMBER)),
    trigger: trigger(TITLE_NUMBER_TRIGGER),
    examples: [
      {
        text: "Mozambique's Law on Preventing and Combating Trafficking in Persons (Law No. 6/2008) prohibits all forms of trafficking.",
        source: ERA('era-2013-mozambique.txt'),
        quote: 'Law on Preventing and Combating Trafficking in Persons (Law No. 6/2008)',
        ids: ['law no. 6/2008'],
      },
      {
        text: 'Traffickers were prosecuted under the Human Trafficking Act, 2005 (Act 694).',
        source: 'constructed',
        quote: 'Human Trafficking Act, 2005 (Act 694)',
        ids: ['act 694'],
      },
    ],
    counterExamples: [
      // Two instruments: the kinds differ.
      'The Child Rights Act (Law No. 5) applies.',
      'The Anti-Trafficking Law (see Law No. 5) applies.',
    ],
  },
  {
    name: 'numbered-law-named',
    kind: 'instrument',
    pattern: rule(group('ref', NUMBER_THEN_TITLE)),
    trigger: trigger(NUMBERED_TRIGGER),
    examples: [
      {
        text: "Proclamation 909/2015, the Prevention and Suppression of Trafficking in Persons and Smuggling of Migrants Proclamation, criminalizes sex trafficking and labor trafficking and prescribes penalties of 15 to 25 years' imprisonment and a fine.",
        source: ERA('era-2018-ethiopia.txt'),
        quote:
          'Proclamation 909/2015, the Prevention and Suppression of Trafficking in Persons and Smuggling of Migrants Proclamation',
        ids: ['proclamation 909/2015'],
      },
      {
        text: 'Law No. 6/2008 (the Anti-Trafficking Law) prohibits all forms of trafficking.',
        source: 'constructed',
        quote: 'Law No. 6/2008 (the Anti-Trafficking Law)',
        ids: ['law no. 6/2008'],
      },
    ],
    counterExamples: [
      // A list, not an appositive: ", and" follows.
      'Proclamation 909/2015, the Labour Proclamation, and the criminal code apply.',
      // Two instruments: the kinds differ.
      'Law No. 3/2011, the Child Rights Act, applies.',
    ],
  },
  {
    name: 'named-law',
    kind: 'instrument',
    pattern: rule(group('ref', NAMED_LAW)),
    trigger: trigger(NAMED_TRIGGER),
    examples: [
      {
        text: 'On October 1, President Museveni signed into law the 2007 Antitrafficking in Persons Bill to protect victims and prosecute traffickers.',
        source: HRR('2009_uganda.trafficking.md'),
        quote: '2007 Antitrafficking in Persons Bill',
        ids: ['2007 anti-trafficking in persons bill'],
      },
      {
        text: 'The April Antitrafficking in Persons Law prohibits all forms of trafficking in persons.',
        source: HRR('2008_mozambique.trafficking.md'),
        quote: 'Antitrafficking in Persons Law',
        ids: ['anti-trafficking in persons law'],
      },
      {
        text: 'The Prevention of Trafficking in Persons Act of 2008 prohibits all forms of trafficking.',
        source: 'constructed',
        quote: 'Prevention of Trafficking in Persons Act of 2008',
        ids: ['2008 prevention of trafficking in persons act'],
      },
      {
        text: 'The Child Rights Act prohibits child labor.',
        source: 'constructed',
        quote: 'Child Rights Act',
        ids: ['child rights act'],
      },
      {
        text: 'The Law on Combating Trafficking in Persons entered into force.',
        source: 'constructed',
        quote: 'Law on Combating Trafficking in Persons',
        ids: ['law on combating trafficking in persons'],
      },
      {
        text: 'The 2011 Law on Combating Trafficking in Persons entered into force.',
        source: 'constructed',
        quote: '2011 Law on Combating Trafficking in Persons',
        ids: ['2011 law on combating trafficking in persons'],
      },
      {
        // The country's adjective is no name: the name starts at "Law on".
        text: 'The Kazakh Law on Combating Trafficking in Persons entered into force.',
        source: 'constructed',
        quote: 'Law on Combating Trafficking in Persons',
        ids: ['law on combating trafficking in persons'],
      },
      {
        // A country's possessive is no word of the name; "Children's" is.
        text: "Ghana's Human Trafficking Act and the Children's Act of 1998 prohibit child labor.",
        source: 'constructed',
        quote: 'Human Trafficking Act',
        ids: ['human trafficking act', "1998 children's act"],
      },
    ],
    counterExamples: [
      "Uganda's Law was weak.",
      'Law enforcement officials accepted bribes.',
      "The State Department's annual Trafficking in Persons Report can be found at 2009-2017.state.gov/j/tip.",
      'The Anti-Trafficking Law Enforcement Unit made arrests.',
    ],
  },
  {
    name: 'abbreviation',
    kind: 'instrument',
    pattern: rule(`(?<=\\b(?:[Tt]he|[Ii]ts)\\s)${group('ref', ABBREVIATION)}`),
    trigger: trigger(ABBREVIATION_TRIGGER),
    examples: [
      {
        text: 'The Criminal Code (CC) prohibits trafficking. Prosecutors rarely used the CC.',
        source: 'constructed',
        quote: 'CC',
        ids: ['criminal code'],
      },
    ],
    counterExamples: ["The prosecutor general's office (PGO) initiated five prosecutions; the PGO said so."],
  },
  {
    name: 'article-of-short-form',
    kind: 'short',
    pattern: rule(`${NOT_REPORT_SECTION}${group('ref', ARTICLE_OF_SHORT_FORM)}`),
    trigger: trigger(ARTICLE_TRIGGER),
    examples: [
      {
        text: 'The 2005 Anti-Trafficking Act criminalizes trafficking. Section 3 of the act defines it.',
        source: 'constructed',
        quote: 'Section 3 of the act',
        ids: ['2005 anti-trafficking act:3'],
      },
    ],
    counterExamples: [
      'Article 10 of the law enforcement manual applies.',
      'The law in article 10 applies.',
      'Section 3 of the act-based rules applies.',
    ],
  },
  {
    name: 'short-form',
    kind: 'short',
    pattern: rule(group('ref', SHORT_FORM)),
    trigger: trigger(SHORT_TRIGGER),
    examples: [
      {
        text: "On October 1, President Museveni signed into law the 2007 Antitrafficking in Persons Bill to protect victims and prosecute traffickers. The act provides for a maximum of 15 years' imprisonment for trafficking in persons.",
        source: HRR('2009_uganda.trafficking.md'),
        quote: 'The act',
        ids: ['2007 anti-trafficking in persons bill'],
      },
    ],
    counterExamples: [
      'The law-enforcement response was weak.',
      'The act of recruiting a child is trafficking.',
      'Law enforcement and the rule of law were weak; village by-laws applied.',
    ],
  },
];
