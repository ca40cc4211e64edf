import { createHash } from 'node:crypto';
import type { Fetched } from '../src/index.js';
import { renderHtml } from './html.js';
import { loadNarratives, type Narrative, renderText } from './narrative.js';
import { createRng } from './prng.js';
import { varyNarrative } from './vary.js';

/**
 * The benchmark corpus: N documents made by varying the fixtures, each in a text form (the Refworld text
 * dump, or markdown for the `.md` fixture) and an HTML form (a Refworld-like page), every one different.
 */

/** One corpus document in both forms, as fetch would hand them to parse. */
export interface BenchDocument {
  id: string;
  /** The fixture it was varied from. */
  family: string;
  /** The text form, decoded: what the baselines read. */
  textSource: string;
  htmlSource: string;
  text: Fetched;
  html: Fetched;
}

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  /** How many documents. */
  docs: number;
  /** The PRNG seed: the same seed gives the same corpus. */
  seed: number;
  /** The fixtures to vary; default every fixture of `fixtures/sources.json`. */
  narratives?: readonly Narrative[];
}

const encoder = new TextEncoder();

/**
 * Wraps a source string as fetch's output.
 *
 * @param id The document id.
 * @param source The decoded source.
 * @param path A local path: its extension picks the reader (`.md` is markdown).
 * @param contentType What a local file of that extension is served as.
 * @param url The page address, for HTML.
 */
export function toFetched(
  id: string,
  source: string,
  path: string,
  contentType: string,
  url: string | null = null,
): Fetched {
  const body = encoder.encode(source);
  const sha256 = createHash('sha256').update(body).digest('hex');
  return { source: { id, path }, url, body, contentType, sha256 };
}

/** One varied narrative before it is wrapped: its text form, and its HTML form on demand. */
export interface Variant {
  id: string;
  family: string;
  /** Whether the text form is markdown (a `.md` file) rather than a text dump. */
  markdown: boolean;
  textSource: string;
  /** Renders the HTML form; only called when it is needed, so that a text-only corpus stays small. */
  html: () => { source: string; url: string };
}

/**
 * Yields the corpus's documents one at a time. Fixtures are taken in turn (document i varies fixture
 * i mod 7), so every family is equally present whatever N; a variation whose text equals an earlier one
 * is drawn again (texts are remembered by hash).
 *
 * @param options How many documents, the seed, and optionally the fixtures.
 */
export function* variants(options: CorpusOptions): Generator<Variant> {
  const { docs, seed } = options;
  if (!(Number.isInteger(docs) && docs >= 1)) {
    throw new TypeError(`Expected \`docs\` to be a whole number of 1 or more, got \`${docs}\``);
  }
  const narratives = options.narratives ?? loadNarratives();
  const rng = createRng(seed);
  const seen = new Set<string>();
  for (let i = 0; i < docs; i++) {
    const base = narratives[i % narratives.length];
    if (!base) throw new TypeError('Expected at least one fixture narrative, got none');
    let varied = varyNarrative(base, rng);
    let textSource = renderText(varied.narrative);
    let hash = createHash('sha1').update(textSource).digest('hex');
    while (seen.has(hash)) {
      varied = varyNarrative(base, rng);
      textSource = renderText(varied.narrative);
      hash = createHash('sha1').update(textSource).digest('hex');
    }
    seen.add(hash);
    const { narrative, docid } = varied;
    yield {
      id: `bench-${String(i).padStart(5, '0')}`,
      family: base.family,
      markdown: base.format === 'markdown',
      textSource,
      html: () => ({
        source: renderHtml(narrative, docid),
        url: `https://www.refworld.org/docid/${docid}.html`,
      }),
    };
  }
}

/**
 * Generates the whole corpus in both forms, ready for the pipeline.
 *
 * @param options How many documents, the seed, and optionally the fixtures.
 */
export function generateCorpus(options: CorpusOptions): BenchDocument[] {
  const out: BenchDocument[] = [];
  for (const v of variants(options)) {
    const html = v.html();
    out.push({
      id: v.id,
      family: v.family,
      textSource: v.textSource,
      htmlSource: html.source,
      text: toFetched(
        v.id,
        v.textSource,
        `${v.id}.${v.markdown ? 'md' : 'txt'}`,
        v.markdown ? 'text/markdown' : 'text/plain',
      ),
      html: toFetched(v.id, html.source, `${v.id}.html`, 'text/html', html.url),
    });
  }
  return out;
}

/**
 * Total size in bytes of one form of the corpus.
 *
 * @param docs The corpus.
 * @param form Which form to count.
 */
export function corpusBytes(docs: readonly BenchDocument[], form: 'text' | 'html'): number {
  return docs.reduce((sum, d) => sum + d[form].body.byteLength, 0);
}
