/**
 * The rule stages. Each stage reads a *shadow* of the text in which every number found so far is one
 * marker character (its kind) followed by filler, of the same length as its text, so offsets never
 * move. A rule's regex matches the shadow; its build step gives the meaning of the joined node, or
 * null to decline. In each stage the leftmost, then longest candidate wins; the winners replace the
 * nodes they cover, and the next stage sees them as single markers:
 *
 * ```
 * text:    approximately 5,000 to 30,000 shillings
 * lexical: approximately C     to C      shillings
 * range:   approximately R                shillings
 * unit:    approximately M
 * bounds:  M
 * ```
 *
 * Only windows around the numbers are shadowed and searched (see `windowsOf`), so the rules read a
 * few kilobytes per narrative, not the whole text.
 */
import { MAX_CONTEXT_CHARS } from '../limits.js';
import { FILL, MARK } from './patterns.js';
import type { Draft, NumNode, RuleRow } from './types.js';

/** Characters of context a rule may need on each side of a number: its longest cue phrase and more. */
const WINDOW_CHARS = MAX_CONTEXT_CHARS + 8;

/** Separates windows: not a space, not a word character, not an operator, so no pattern spans it. */
const SEPARATOR = '\u0001';

/** The stages, in the order they run: each sees the nodes the ones before it built. */
export const STAGES = ['date', 'money', 'range', 'unit', 'age', 'qualifier', 'pair'] as const;
/** One of the stages. */
export type Stage = (typeof STAGES)[number];

/** What a build step can ask about its match. */
export interface Ctx {
  /** The scanned text (relative offsets). */
  text: string;
  /** Where the match starts and ends in the text. */
  start: number;
  end: number;
  /** The node that starts where the named group starts. */
  node(name: string): NumNode | undefined;
  /** The text of the named group (words keep their letters in the shadow). */
  group(name: string): string | undefined;
  /** True when a number ends right before the match, with only spaces between ("40 percent of"). */
  numberBefore(): boolean;
}

/** A contextual rule: a row of the table plus the stage it runs in and how it builds its node. */
export interface NumberRule extends RuleRow {
  stage: Stage;
  build(ctx: Ctx): Draft | null;
}

/**
 * The shadow of `text[from, to)`: each node's span replaced by its kind's marker and filler.
 *
 * @example shadowOf('about 20 cases', [{ start: 6, end: 8, kind: 'count', ... }]) //=> 'about \uE001\uE000 cases'
 *                          ^^
 */
export function shadowOf(text: string, nodes: readonly NumNode[], from = 0, to = text.length): string {
  const parts: string[] = [];
  let at = from;
  for (const n of nodes) {
    if (n.end <= from || n.start >= to) continue;
    parts.push(text.slice(at, n.start), MARK[n.kind], FILL.repeat(n.end - n.start - 1));
    at = n.end;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}

/**
 * The shadowed windows around the nodes, cut at spaces and joined by a separator no pattern crosses,
 * with where each window starts in the joined text (`at`) and in the text (`from`).
 *
 * ```
 * text:    ...the hotline received 2,979 calls in 2016, which resulted in ...
 * windows: ␁ hotline received C calls in Y, which resulted␁
 * ```
 */
interface Windows {
  text: string;
  at: number[];
  from: number[];
}

function isSpaceAt(text: string, i: number): boolean {
  return text.charCodeAt(i) <= 32;
}

function windowsOf(text: string, nodes: readonly NumNode[]): Windows {
  const parts: string[] = [];
  const at: number[] = [];
  const from: number[] = [];
  let length = 0;
  let i = 0;
  while (i < nodes.length) {
    const first = i;
    let s = Math.max(0, (nodes[i] as NumNode).start - WINDOW_CHARS);
    // Start and end at a space, so that no window starts or ends inside a word ("hand|over 5").
    const floor = Math.max(0, s - WINDOW_CHARS);
    while (s > floor && !isSpaceAt(text, s - 1)) s--;
    let e = (nodes[i] as NumNode).end + WINDOW_CHARS;
    i++;
    while (i < nodes.length && (nodes[i] as NumNode).start - WINDOW_CHARS <= e)
      e = (nodes[i++] as NumNode).end + WINDOW_CHARS;
    const ceiling = Math.min(text.length, e + WINDOW_CHARS);
    while (e < ceiling && !isSpaceAt(text, e)) e++;
    e = Math.min(text.length, e);
    at.push(length + 1);
    from.push(s);
    const body = shadowOf(text, nodes.slice(first, i), s, e);
    parts.push(SEPARATOR, body);
    length += 1 + body.length;
  }
  parts.push(SEPARATOR);
  return { text: parts.join(''), at, from };
}

/** The text offset of an offset into the windows; `hint.k` is the last window found (matches ascend). */
function toText(w: Windows, pos: number, hint: { k: number }): number {
  while (hint.k + 1 < w.at.length && (w.at[hint.k + 1] as number) <= pos) hint.k++;
  while (hint.k > 0 && (w.at[hint.k] as number) > pos) hint.k--;
  return (w.from[hint.k] as number) + pos - (w.at[hint.k] as number);
}

/**
 * The node whose `edge` ("start" or "end") is at `offset`, by binary search: the nodes are sorted and
 * never overlap, so their starts and their ends both ascend.
 */
function nodeAt(nodes: readonly NumNode[], edge: 'start' | 'end', offset: number): NumNode | undefined {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodes[mid] as NumNode;
    if (n[edge] === offset) return n;
    if (n[edge] < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

interface Candidate {
  start: number;
  end: number;
  /** Where the match starts in the windows text, to patch it there. */
  at: number;
  draft: Draft;
  rule: NumberRule;
  order: number;
}

/**
 * The `Ctx` of one match. A class, not an object literal of closures: one allocation per match
 * instead of four, and one shape for every rule's build step to read.
 */
class MatchCtx implements Ctx {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly #match: RegExpExecArray;
  readonly #nodes: readonly NumNode[];

  constructor(text: string, start: number, match: RegExpExecArray, nodes: readonly NumNode[]) {
    this.text = text;
    this.start = start;
    this.end = start + match[0].length;
    this.#match = match;
    this.#nodes = nodes;
  }

  node(name: string): NumNode | undefined {
    const g = this.#match.indices?.groups?.[name];
    return g ? nodeAt(this.#nodes, 'start', this.start + g[0] - this.#match.index) : undefined;
  }

  group(name: string): string | undefined {
    return this.#match.groups?.[name];
  }

  numberBefore(): boolean {
    const { text, start } = this;
    let i = start;
    while (i > 0 && start - i < 4 && text[i - 1] === ' ') i--;
    return nodeAt(this.#nodes, 'end', i) !== undefined;
  }
}

function collect(
  text: string,
  nodes: readonly NumNode[],
  w: Windows,
  rules: readonly NumberRule[],
): Candidate[] {
  const candidates: Candidate[] = [];
  for (let order = 0; order < rules.length; order++) {
    const rule = rules[order] as NumberRule;
    const re = rule.pattern;
    const hint = { k: 0 };
    re.lastIndex = 0;
    for (let m = re.exec(w.text); m !== null; m = re.exec(w.text)) {
      const start = toText(w, m.index, hint);
      const ctx = new MatchCtx(text, start, m, nodes);
      const draft = m[0].length > 0 ? rule.build(ctx) : null;
      if (draft) candidates.push({ start, end: ctx.end, at: m.index, draft, rule, order });
      // A declined match may hide a shorter one that starts later: look again one character on.
      else re.lastIndex = m.index + 1;
    }
  }
  return candidates;
}

/** Leftmost first, then longest, then the rule listed first; overlapping losers are dropped. */
function choose(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const chosen: Candidate[] = [];
  let end = -1;
  for (const c of candidates) {
    if (c.start < end) continue;
    chosen.push(c);
    end = c.end;
  }
  return chosen;
}

/** Replaces the nodes each winner covers by the winner's node; both lists are sorted by start. */
function merge(nodes: readonly NumNode[], chosen: readonly Candidate[]): NumNode[] {
  const out: NumNode[] = [];
  let i = 0;
  for (const c of chosen) {
    while (i < nodes.length && (nodes[i] as NumNode).start < c.start) out.push(nodes[i++] as NumNode);
    const rules: string[] = [];
    while (i < nodes.length && (nodes[i] as NumNode).end <= c.end)
      for (const r of (nodes[i++] as NumNode).rules) if (!rules.includes(r)) rules.push(r);
    if (!rules.includes(c.rule.name)) rules.push(c.rule.name);
    // Field by field, not `{ ...c.draft }`: every node gets the one shape (see NumNode), whichever fields
    // the rule's draft left out.
    const d = c.draft;
    out.push({
      start: c.start,
      end: c.end,
      kind: d.kind,
      value: d.value,
      min: d.min,
      max: d.max,
      qualifier: d.qualifier,
      unit: d.unit,
      rules,
    });
  }
  while (i < nodes.length) out.push(nodes[i++] as NumNode);
  return out;
}

/**
 * Writes each winner into the windows as one node. A winner was matched inside one window and keeps
 * its length, so the windows keep their offsets and need not be cut again.
 */
function patch(w: Windows, chosen: readonly Candidate[]): Windows {
  const parts: string[] = [];
  let at = 0;
  for (const c of chosen) {
    parts.push(w.text.slice(at, c.at), MARK[c.draft.kind], FILL.repeat(c.end - c.start - 1));
    at = c.at + c.end - c.start;
  }
  parts.push(w.text.slice(at));
  return { ...w, text: parts.join('') };
}

/** The rules of each stage, in table order; computed once per table. */
const byStage = new WeakMap<readonly NumberRule[], ReadonlyMap<Stage, readonly NumberRule[]>>();

/**
 * Runs every stage over the lexical nodes and returns the final nodes, sorted and never overlapping.
 * The windows are cut once around the lexical nodes; every later node grows inside them.
 *
 * @param text The scanned text.
 * @param nodes The lexical stage's nodes, sorted by start.
 * @param rules The rule table.
 */
export function runStages(text: string, nodes: NumNode[], rules: readonly NumberRule[]): NumNode[] {
  if (nodes.length === 0) return nodes;
  let stages = byStage.get(rules);
  if (!stages) {
    stages = new Map(STAGES.map((s) => [s, rules.filter((r) => r.stage === s)]));
    byStage.set(rules, stages);
  }
  let current = nodes;
  let windows = windowsOf(text, nodes);
  for (const stage of STAGES) {
    const chosen = choose(collect(text, current, windows, stages.get(stage) ?? []));
    if (chosen.length === 0) continue;
    current = merge(current, chosen);
    windows = patch(windows, chosen);
  }
  return current;
}
