/**
 * URLs, e-mail addresses and host names hold digits that are no numbers: "2009-2017.state.gov/j/tip" is
 * an address, not a range of years. A run of non-space characters is tested once and the verdict kept.
 */
import { URL_TLDS } from '../words.js';

const OPENERS = new Set(['(', '[', '"', "'", '<', '\u201c', '\u2018']);
const CLOSERS = new Set([')', ']', '"', "'", '>', '.', ',', ';', ':', '!', '?', '\u201d', '\u2019']);
const LABEL = /^[A-Za-z0-9-]+$/;
const HAS_LETTER = /[A-Za-z]/;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

/**
 * True when a run of non-space characters is a URL, an e-mail address or a host name.
 *
 * @param run The characters between two spaces, punctuation included.
 * @example isUrlLike('2009-2017.state.gov/j/tip.') //=> true
 * @example isUrlLike('U.S.') //=> false
 */
export function isUrlLike(run: string): boolean {
  if (run.indexOf('.') === -1 && run.indexOf('/') === -1 && run.indexOf('@') === -1) return false;
  let a = 0;
  let b = run.length;
  while (a < b && OPENERS.has(run[a] ?? '')) a++;
  while (b > a && CLOSERS.has(run[b - 1] ?? '')) b--;
  const t = run.slice(a, b);
  if (t.includes('://') || t.toLowerCase().startsWith('www.')) return true;
  const at = t.indexOf('@');
  if (at > 0 && t.indexOf('.', at) > at) return true;
  const slash = t.indexOf('/');
  const labels = (slash === -1 ? t : t.slice(0, slash)).split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !URL_TLDS.has(tld.toLowerCase())) return false;
  return labels.every((l) => LABEL.test(l)) && HAS_LETTER.test(labels[labels.length - 2] ?? '');
}

/** Answers "is this offset inside a URL?" for offsets met in increasing order, reading each run once. */
export class UrlRuns {
  private runStart = -1;
  private runEnd = -1;
  private runIsUrl = false;

  constructor(private readonly text: string) {}

  /**
   * True when `pos` stands inside a URL-like run.
   *
   * @param pos An offset into the text.
   */
  inUrl(pos: number): boolean {
    if (pos >= this.runStart && pos < this.runEnd) return this.runIsUrl;
    const { text } = this;
    let s = pos;
    // Offsets arrive in increasing order, so the previous run's end bounds the walk back.
    const floor = Math.max(0, this.runEnd);
    while (s > floor && !isSpace(text.charCodeAt(s - 1))) s--;
    let e = pos;
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
    this.runStart = s;
    this.runEnd = e;
    this.runIsUrl = isUrlLike(text.slice(s, e));
    return this.runIsUrl;
  }
}
