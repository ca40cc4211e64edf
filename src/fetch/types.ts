/** One entry of a sources manifest (`fixtures/sources.json`): where a document comes from. */
export interface Source {
  /** The document id: becomes `output/<id>.json`. */
  id: string;
  /** A local file, relative to the manifest's folder. */
  path?: string;
  /** An http(s) or file: URL. */
  url?: string;
  country?: string;
  year?: number;
}

/** What fetch hands to parse: the raw bytes of one source and where they came from. */
export interface Fetched {
  source: Source;
  /** The address finally read (after redirects), or null for a local path. */
  url: string | null;
  body: Uint8Array;
  /** The Content-Type header, or a guess from the file extension for local files. */
  contentType: string | null;
  /** sha256 of `body`, lower-case hex. */
  sha256: string;
}
