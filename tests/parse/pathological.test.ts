import { describe, expect, it } from 'vitest';
import { DERIVED_RULES, decodeBody, detectFormat, parseSource } from '../../src/parse/index.js';
import { fetched } from './fetched.js';

/** Runs `work` and asserts it took less than `ms` milliseconds: catastrophic backtracking takes seconds. */
function fast(work: () => void, ms = 500): void {
  const started = performance.now();
  work();
  expect(performance.now() - started).toBeLessThan(ms);
}

describe('pathological inputs stay linear', () => {
  it('a class token that almost names chrome', () => {
    const page = `<main><div class="${'a-'.repeat(50_000)}!">Victims were identified.</div></main>`;
    fast(() =>
      expect(parseSource(fetched(page, { contentType: 'text/html' })).text).toBe('Victims were identified.'),
    );
  });

  it('a prefix of white space and unterminated comments before text that is not HTML', () => {
    const text = `${' \n'.repeat(2_000)}${'<!-- '.repeat(1_000)}`;
    fast(() => expect(detectFormat(fetched(text, { contentType: null }), text)).toBe('html'));
    fast(() =>
      expect(parseSource(fetched(`${' '.repeat(4_000)}plain text`, { contentType: null })).format).toBe(
        'text',
      ),
    );
  });

  it('thousands of entities and ampersands', () => {
    const page = `<p>${'&amp;&#8220;&bogus;& '.repeat(5_000)}</p>`;
    fast(() =>
      expect(parseSource(fetched(page, { contentType: 'text/html' })).text.length).toBeGreaterThan(0),
    );
  });

  it('a Refworld address with many commas and a meta tag without a charset', () => {
    const legacy = DERIVED_RULES.find((rule) => rule.name === 'refworld-legacy')!;
    fast(() => expect(legacy.pattern.test(`https://www.refworld.org/x,${',a'.repeat(50_000)}`)).toBe(false));
    const head = `<meta ${'x'.repeat(100_000)}>`;
    fast(() => expect(decodeBody(new TextEncoder().encode(head), null)).toBe(head));
  });

  it('a metadata block of long labelled lines', () => {
    const lines = `Publisher ${'x '.repeat(50_000)}\nCite as ${' '.repeat(50_000)}\nNarrative.`;
    fast(() => expect(parseSource(fetched(lines)).metadata.publisher).toMatch(/^x x/));
  });
});
