import type { AnyNode, Element, ParentNode, Text } from 'domhandler';
import { normalizeInline } from './normalize.js';

/**
 * Small helpers over the htmlparser2 DOM that cheerio builds. None of them recurses: pages with
 * thousands of nested elements must not overflow the stack.
 */

/** Whether a node is an element (`<script>` and `<style>` included). */
export function isElement(node: AnyNode): node is Element {
  const type = node.type as string;
  return type === 'tag' || type === 'script' || type === 'style';
}

/** Whether a node is a text node. */
export function isText(node: AnyNode): node is Text {
  return (node.type as string) === 'text';
}

/** Whether a node can have children (an element or the document). */
export function isParent(node: AnyNode): node is ParentNode {
  return 'children' in node;
}

/** Inline elements: their text runs on with the text around them. */
export const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time u var wbr'.split(
    ' ',
  ),
);

/** Elements whose text is never page content (unless read directly, as `<title>` is for the title). */
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'iframe']);

/**
 * The normalised text of a node, read iteratively and cut short after `maxChars` characters or
 * `maxNodes` nodes: enough to read a label or to tell an empty container from a full one.
 *
 * @param node The node to read.
 * @param maxChars Stop once this much text is collected.
 * @param maxNodes Stop after visiting this many nodes.
 */
export function boundedText(node: AnyNode, maxChars: number, maxNodes: number): string {
  const parts: string[] = [];
  let chars = 0;
  let visited = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && chars < maxChars && visited < maxNodes) {
    const current = stack.pop()!;
    visited++;
    if (isText(current)) {
      parts.push(current.data);
      chars += current.data.length;
    } else if (
      isParent(current) &&
      (current === node || !(isElement(current) && NO_TEXT.has(current.name)))
    ) {
      // Block elements separate words even without white space between them.
      if (isElement(current) && !INLINE.has(current.name)) parts.push(' ');
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return normalizeInline(parts.join(''));
}
