/**
 * Escaping for the report. Every piece of source text, metadata and extracted value is hostile input: a narrative
 * or a Refworld page may hold `<script>`, `onerror=`, `</textarea>` or entities, and all of it must reach the reader
 * as text. One function escapes the five characters that matter in both text and double-quoted attribute values,
 * so no call site has to pick the right variant.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and for double-quoted attribute values.
 *
 * @param value Any text; numbers are written as `String()` writes them.
 * @example escapeHtml('<b a="1">') //=> '&lt;b a=&quot;1&quot;&gt;'
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Attribute names come from this code only; the check keeps a typo from ever opening an injection point. */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Writes attributes ` name="value"`, leaving out those whose value is `undefined` or `null`.
 *
 * @param attributes Names (lower case, from code) and values (any text, escaped here).
 * @example attrs({ id: 'a', 'data-x': '"' }) //=> ' id="a" data-x="&quot;"'
 */
export function attrs(attributes: Record<string, string | number | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) throw new TypeError(`Expected an attribute name, got \`${name}\``);
    if (value === undefined || value === null) continue;
    out += ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}
