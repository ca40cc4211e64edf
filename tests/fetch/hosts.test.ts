import { describe, expect, it } from 'vitest';
import { isHostAllowed, parseAllowedHost } from '../../src/fetch/hosts.js';

describe('parseAllowedHost', () => {
  it.each([
    ['refworld.org', { hostname: 'refworld.org', port: null }],
    ['WWW.Refworld.org', { hostname: 'www.refworld.org', port: null }],
    ['127.0.0.1:8080', { hostname: '127.0.0.1', port: 8080 }],
    ['[::1]:3000', { hostname: '[::1]', port: 3000 }],
    // Spelled as `URL.hostname` spells them, so that the two compare.
    ['[::FFFF:127.0.0.1]:80', { hostname: '[::ffff:7f00:1]', port: 80 }],
    ['127.1:8080', { hostname: '127.0.0.1', port: 8080 }],
  ])('reads %s', (entry, expected) => {
    expect(parseAllowedHost(entry)).toStrictEqual(expected);
  });

  it.each([
    'https://refworld.org',
    'refworld.org/docid',
    'user@refworld.org',
    'refworld.org:0',
    'refworld.org:70000',
    '[::1::2]',
    '-refworld.org',
    '',
  ])('refuses %j', (entry) => {
    expect(parseAllowedHost(entry)).toBeNull();
  });
});

describe('isHostAllowed', () => {
  const allowed = [
    { hostname: 'refworld.org', port: null },
    { hostname: '127.0.0.1', port: 8080 },
  ];

  it.each([
    ['https://refworld.org/docid/5959eca511.html', true],
    ['http://refworld.org/', true],
    ['https://REFWORLD.org/', true],
    ['https://refworld.org:443/', true],
    // An entry without a port allows only the scheme's default port.
    ['https://refworld.org:8443/', false],
    ['https://www.refworld.org/', false],
    ['https://evil-refworld.org/', false],
    ['https://refworld.org.evil.com/', false],
    ['http://127.0.0.1:8080/x', true],
    ['http://127.0.0.1:8081/x', false],
    ['http://127.0.0.1/x', false],
  ])('%s → %s', (url, expected) => {
    expect(isHostAllowed(new URL(url), allowed)).toBe(expected);
  });
});
