import { expect, it } from 'vitest';
import * as fetch from '../../src/fetch/index.js';

it('exposes exactly the intended runtime API, so a change to it is deliberate', () => {
  expect(Object.keys(fetch).sort()).toStrictEqual([
    'FETCH_DEFAULTS',
    'ManifestError',
    'PermanentFetchError',
    'RetryableFetchError',
    'defaultUserAgent',
    'fetchSources',
    'isFetchFailure',
    'openFetchSession',
    'parseManifest',
    'readManifest',
  ]);
});
