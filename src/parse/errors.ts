/** Why a source was refused: the CLI maps every code to exit code 2. */
export type ParseErrorCode = 'empty' | 'binary' | 'too_large' | 'no_text' | 'error_page';

/**
 * Thrown by `parseSource` when a source cannot be read as a narrative at all.
 *
 * @example
 * try { parseSource(fetched) } catch (error) { if (error instanceof ParseError) error.code //=> 'empty' }
 */
export class ParseError extends Error {
  /** A stable code that tools can switch on; the message is for people. */
  readonly code: ParseErrorCode;

  constructor(code: ParseErrorCode, message: string) {
    super(message);
    this.name = 'ParseError';
    this.code = code;
  }
}
