import type { Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { originalOffset, skeletonOf } from './skeleton.js';

/**
 * The block structure of the clean text, from one remark parse.
 *
 * Only block offsets are used, so the inline constructs (emphasis, links, entities, escapes) and the
 * block constructs that would swallow text of non-markdown sources (HTML blocks, indented code,
 * link definitions such as "[1]: ...") are switched off: cheaper, and every word stays in a block.
 */
const BLOCK_ONLY = {
  disable: {
    null: [
      'attention',
      'autolink',
      'characterEscape',
      'characterReference',
      'codeIndented',
      'codeText',
      'definition',
      'hardBreakEscape',
      'htmlFlow',
      'htmlText',
      'labelEnd',
      'labelStartImage',
      'labelStartLink',
    ],
  },
};

/** Built once: freezing a processor per document would cost more than the parse of a short text. */
const processor = unified()
  .use(remarkParse)
  .use(function blockOnly(this: { data(key: string, value: unknown): void }) {
    this.data('micromarkExtensions', [BLOCK_ONLY]);
  })
  .freeze();

/** A block of the clean text: its whole range, and the range of its words without markdown markers. */
export interface Block {
  type: 'heading' | 'paragraph' | 'item' | 'other';
  start: number;
  end: number;
  /** Where the words start and end ("#### Trafficking" -> at "Trafficking"; "* Increase" -> at "Increase"). */
  contentStart: number;
  contentEnd: number;
  /** Thematic breaks and empty headings hold no sentences. */
  hasText: boolean;
}

/**
 * Parses the clean text once and lists its blocks in order: headings, paragraphs, list items (one
 * block per item) and other blocks (code, block quotes, thematic breaks).
 *
 * Remark reads a skeleton of the text, its long lines shortened (see skeleton.ts), which gives the same
 * blocks as `readBlocksFull` several times faster; the offsets are mapped back to the text.
 *
 * @param text The clean text.
 */
export function readBlocks(text: string): Block[] {
  const skeleton = skeletonOf(text);
  if (skeleton.fillerStart.length === 0) return readBlocksFull(text);
  const blocks = listBlocks(processor.parse(skeleton.text) as Root);
  for (const block of blocks) {
    block.start = originalOffset(skeleton, block.start);
    block.end = originalOffset(skeleton, block.end);
    block.contentStart = originalOffset(skeleton, block.contentStart);
    block.contentEnd = originalOffset(skeleton, block.contentEnd);
  }
  return blocks;
}

/**
 * `readBlocks` from a parse of the whole text: the reference the skeleton is tested against.
 *
 * @param text The clean text.
 */
export function readBlocksFull(text: string): Block[] {
  return listBlocks(processor.parse(text) as Root);
}

function listBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  const stack: RootContent[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'list') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      continue;
    }
    const [start, end] = range(node);
    if (node.type === 'heading' || node.type === 'listItem') {
      const first = node.children[0];
      const last = node.children.at(-1);
      const contentStart = first ? range(first)[0] : end;
      const contentEnd = last ? range(last)[1] : end;
      const type = node.type === 'heading' ? 'heading' : 'item';
      blocks.push({ type, start, end, contentStart, contentEnd, hasText: contentEnd > contentStart });
    } else {
      const type = node.type === 'paragraph' ? 'paragraph' : 'other';
      blocks.push({
        type,
        start,
        end,
        contentStart: start,
        contentEnd: end,
        hasText: node.type !== 'thematicBreak',
      });
    }
  }
  return blocks;
}

function range(node: Nodes): [number, number] {
  const start = node.position?.start.offset ?? 0;
  return [start, node.position?.end.offset ?? start];
}
