/**
 * Serialises a value as the project's canonical JSON: 2-space indent, a trailing newline, keys in the order the
 * schema built them, no locale or clock in sight, so that the same input gives byte-identical files.
 *
 * @param value A JSON-compatible value (numbers finite).
 * @example canonicalJson({ a: 1 }) //=> '{\n  "a": 1\n}\n'
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
