import { PermanentFetchError } from './errors.js';

/** One `Allow` or `Disallow` line. */
export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written: a prefix, with `*` for any run of characters and a final `$` for "ends here". */
  pattern: string;
}

/** One group: the user agents it names and the rules that follow them. */
export interface RobotsGroup {
  agents: string[];
  rules: RobotsRule[];
}

/** What loading a host's robots.txt found. */
export type RobotsAnswer =
  | { kind: 'text'; text: string }
  /** A 4xx: RFC 9309 says the crawler may go anywhere. */
  | { kind: 'missing' }
  /**
   * A 5xx, a network failure or a timeout, after retries: RFC 9309 says assume everything is disallowed.
   * `refused` is set when our own address check stopped the request to this origin, so that the pages
   * fail with that reason rather than a vaguer robots one.
   */
  | { kind: 'unavailable'; reason: string; refused?: PermanentFetchError };

/** `Disallow:` at the start of a line: the key and its colon. Anchored, and its parts are disjoint: linear. */
const ROBOTS_KEY = /^\s*(?<key>[A-Za-z-]+)\s*:/;

/** The line breaks a line split on CR and LF may still hold (U+2028, U+2029): a comment cannot run over one. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Splits one robots.txt line into its lower-case key and its value, without the comment and the white
 * space around it: `Disallow: /private  # keep out` gives `disallow` and `/private`. String methods do the
 * split because a regex with a lazy value, optional white space and an optional comment
 * (`\s*([^#]*?)\s*(?:#.*)?$`) can divide a run of spaces in cubically many ways before it fails.
 *
 * @param line One line of the file, without its line break.
 */
function robotsLine(line: string): { key: string | undefined; value: string } {
  const head = ROBOTS_KEY.exec(line);
  const key = head?.groups?.key;
  if (!head || key === undefined) return { key: undefined, value: '' };
  const rest = line.slice(head[0].length);
  const hash = rest.indexOf('#');
  // `#` opens a comment to the end of the line; a line break after it means this is no `key: value` line.
  if (hash !== -1 && LINE_BREAK.test(rest.slice(hash))) return { key: undefined, value: '' };
  // `trim` removes exactly what `\s` matches (white space and line terminators).
  return { key: key.toLowerCase(), value: (hash === -1 ? rest : rest.slice(0, hash)).trim() };
}

/**
 * Parses robots.txt into groups (RFC 9309): consecutive `User-agent` lines open a group, `Allow` and
 * `Disallow` lines fill it, anything else (Sitemap, Crawl-delay, junk) is skipped.
 *
 * @param text The file's content.
 */
export function parseRobots(text: string): RobotsGroup[] {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let lastWasAgent = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const { key, value } = robotsLine(line);
    if (key === 'user-agent') {
      if (current === null || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if ((key === 'allow' || key === 'disallow') && current !== null) {
      // An empty `Disallow:` means "nothing is disallowed": it adds no rule.
      if (value !== '') current.rules.push({ allow: key === 'allow', pattern: value });
      lastWasAgent = false;
    } else if (key !== undefined) {
      lastWasAgent = false;
    }
  }
  return groups;
}

/**
 * Returns the rules that apply to a crawler: those of every group naming its product token, else those of
 * the `*` groups, else none.
 *
 * @param groups The parsed file.
 * @param token Our product token, such as `tip-extract`.
 */
export function rulesFor(groups: readonly RobotsGroup[], token: string): RobotsRule[] {
  const wanted = token.toLowerCase();
  const named = groups.filter((group) => group.agents.some((agent) => productToken(agent) === wanted));
  const chosen = named.length > 0 ? named : groups.filter((group) => group.agents.includes('*'));
  return chosen.flatMap((group) => group.rules);
}

/**
 * Decides whether a path may be fetched: the longest matching pattern wins, and `Allow` wins a tie, as
 * RFC 9309 asks ("the least restrictive").
 *
 * @param rules The rules that apply to us.
 * @param path The URL's path and query, such as `/docid/5959eca511.html`.
 */
export function isPathAllowed(
  rules: readonly RobotsRule[],
  path: string,
): { allowed: boolean; rule?: RobotsRule } {
  let best: RobotsRule | undefined;
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, path)) continue;
    const longer = best === undefined || rule.pattern.length > best.pattern.length;
    const tieWonByAllow = best !== undefined && rule.pattern.length === best.pattern.length && rule.allow;
    if (longer || tieWonByAllow) best = rule;
  }
  return best === undefined ? { allowed: true } : { allowed: best.allow, rule: best };
}

/**
 * Matches a robots.txt pattern against a path: an implicit prefix match, `*` for any run of characters and
 * a trailing `$` to anchor the end. This is the two-pointer wildcard match rather than a RegExp, because a
 * pattern such as `/*a*a*a*a*b` would make a backtracking RegExp exponential; this is O(pattern × path).
 *
 * @param pattern The pattern, such as `/private*.html$`.
 * @param path The URL's path and query.
 */
export function matchesPattern(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const glob = anchored ? pattern.slice(0, -1) : `${pattern}*`;
  let p = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < path.length) {
    if (p < glob.length && glob[p] !== '*' && glob[p] === path[s]) {
      p++;
      s++;
    } else if (p < glob.length && glob[p] === '*') {
      star = p++;
      resume = s;
    } else if (star !== -1) {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (glob[p] === '*') p++;
  return p === glob.length;
}

/** `Tip-Extract/1.0` and `tip-extract` both name the product `tip-extract`. */
function productToken(agent: string): string {
  return /^[a-z_-]+|^\*/i.exec(agent.trim())?.[0]?.toLowerCase() ?? '';
}

type RobotsPolicy = { kind: 'rules'; rules: RobotsRule[] } | Extract<RobotsAnswer, { kind: 'unavailable' }>;

/**
 * Holds each origin's robots.txt for one run: loaded once, on the first request to that origin, and shared
 * by every later request (concurrent ones wait for the same load).
 */
export class RobotsCache {
  readonly #load: (robotsUrl: URL) => Promise<RobotsAnswer>;
  readonly #token: string;
  readonly #policies = new Map<string, Promise<RobotsPolicy>>();

  /**
   * @param load Fetches one robots.txt and never rejects: failures come back as an answer.
   * @param userAgent Our User-Agent; its product token picks the group.
   */
  constructor(load: (robotsUrl: URL) => Promise<RobotsAnswer>, userAgent: string) {
    this.#load = load;
    this.#token = productToken(userAgent) || '*';
  }

  /**
   * Throws a `PermanentFetchError` when robots.txt forbids the URL, or could not be read (then the whole
   * origin counts as disallowed for the rest of the run).
   *
   * @param url The address about to be requested.
   */
  async assertAllowed(url: URL): Promise<void> {
    if (url.pathname === '/robots.txt') return;
    let policy = this.#policies.get(url.origin);
    if (policy === undefined) {
      policy = this.#load(new URL('/robots.txt', url.origin)).then((answer) => this.#policyOf(answer));
      this.#policies.set(url.origin, policy);
    }
    const found = await policy;
    if (found.kind === 'unavailable' && found.refused !== undefined) {
      throw new PermanentFetchError(
        `Not fetching \`${url.href}\`: its robots.txt was refused: ${found.refused.message}`,
        { code: found.refused.code, url: url.href, cause: found.refused },
      );
    }
    if (found.kind === 'unavailable') {
      throw new PermanentFetchError(
        `Not fetching \`${url.href}\`: robots.txt of ${url.origin} could not be read (${found.reason}), so the host counts as disallowed for this run`,
        { code: 'robots-unavailable', url: url.href },
      );
    }
    const verdict = isPathAllowed(found.rules, url.pathname + url.search);
    if (!verdict.allowed) {
      throw new PermanentFetchError(
        `Not fetching \`${url.href}\`: robots.txt says \`Disallow: ${verdict.rule?.pattern}\``,
        { code: 'robots-disallowed', url: url.href },
      );
    }
  }

  #policyOf(answer: RobotsAnswer): RobotsPolicy {
    if (answer.kind === 'unavailable') return answer;
    if (answer.kind === 'missing') return { kind: 'rules', rules: [] };
    return { kind: 'rules', rules: rulesFor(parseRobots(answer.text), this.#token) };
  }
}
