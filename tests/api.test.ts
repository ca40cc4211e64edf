import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly the intended names (a change here is a change of the public surface)', () => {
    expect(Object.keys(api).sort()).toStrictEqual([
      'ExpectedDocumentSchema',
      'ManifestError',
      'ParseError',
      'PermanentFetchError',
      'RetryableFetchError',
      'SCHEMA_VERSION',
      'TipDocumentSchema',
      'assemble',
      'canonicalJson',
      'compare',
      'emitDocument',
      'emitSchema',
      'extract',
      'extractNumbers',
      'fetchSources',
      'isClean',
      'jsonSchema',
      'parseSource',
      'processSource',
      'readManifest',
      'run',
      'segment',
      'toSourceOffset',
      'validate',
    ]);
  });
});
