import { describe, expect, it } from 'vitest';
import { type AddressKind, canonicalAddress, classifyAddress } from '../../src/fetch/addresses.js';
import { isAddressAllowed, parseAllowedHost } from '../../src/fetch/hosts.js';

describe('classifyAddress', () => {
  it.each<[string, AddressKind, string | null, string?]>([
    // Each internal range at its first and last address, so that an off-by-one prefix length shows.
    ['0.0.0.0', 'unspecified', '0.0.0.0/8'],
    ['0.255.255.255', 'unspecified', '0.0.0.0/8'],
    ['10.0.0.0', 'private', '10.0.0.0/8'],
    ['10.255.255.255', 'private', '10.0.0.0/8'],
    ['100.64.0.0', 'cgnat', '100.64.0.0/10'],
    ['100.127.255.255', 'cgnat', '100.64.0.0/10'],
    ['127.0.0.1', 'loopback', '127.0.0.0/8'],
    ['127.255.255.254', 'loopback', '127.0.0.0/8'],
    ['169.254.0.0', 'link-local', '169.254.0.0/16'],
    ['169.254.169.254', 'link-local', '169.254.0.0/16'],
    ['172.16.0.0', 'private', '172.16.0.0/12'],
    ['172.31.255.255', 'private', '172.16.0.0/12'],
    ['192.168.0.0', 'private', '192.168.0.0/16'],
    ['192.168.255.255', 'private', '192.168.0.0/16'],
    ['224.0.0.1', 'multicast', '224.0.0.0/4'],
    ['239.255.255.255', 'multicast', '224.0.0.0/4'],
    ['240.0.0.1', 'reserved', '240.0.0.0/4'],
    ['255.255.255.255', 'reserved', '240.0.0.0/4'],
    ['::', 'unspecified', '::/128'],
    ['::1', 'loopback', '::1/128'],
    ['[::1]', 'loopback', '::1/128'],
    ['0:0:0:0:0:0:0:1', 'loopback', '::1/128'],
    ['fc00::', 'private', 'fc00::/7'],
    ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'private', 'fc00::/7'],
    ['fe80::1', 'link-local', 'fe80::/10'],
    ['FE80::1', 'link-local', 'fe80::/10'],
    ['fe80::1%eth0', 'link-local', 'fe80::/10'],
    ['febf:ffff::1', 'link-local', 'fe80::/10'],
    ['fec0::1', 'private', 'fec0::/10'],
    ['ff02::1', 'multicast', 'ff00::/8'],
    // IPv6 forms that carry an IPv4 address get that address's verdict.
    ['::ffff:127.0.0.1', 'loopback', '127.0.0.0/8', '::ffff:0:0/96'],
    ['[::ffff:7f00:1]', 'loopback', '127.0.0.0/8', '::ffff:0:0/96'],
    ['::ffff:169.254.169.254', 'link-local', '169.254.0.0/16', '::ffff:0:0/96'],
    ['::ffff:10.1.2.3', 'private', '10.0.0.0/8', '::ffff:0:0/96'],
    ['::ffff:0.0.0.0', 'unspecified', '0.0.0.0/8', '::ffff:0:0/96'],
    ['::127.0.0.1', 'loopback', '127.0.0.0/8', '::/96'],
    ['64:ff9b::a9fe:a9fe', 'link-local', '169.254.0.0/16', '64:ff9b::/96'],
    ['2002:c0a8:0101::1', 'private', '192.168.0.0/16', '2002::/16'],
    ['::ffff:93.184.216.34', 'public', null, '::ffff:0:0/96'],
    ['2002:5db8:d822::1', 'public', null, '2002::/16'],
    ['64:ff9b::808:808', 'public', null, '64:ff9b::/96'],
  ])('%s is %s (%s)', (address, kind, range, via) => {
    const expected = via === undefined ? { kind, range } : { kind, range, via };
    expect(classifyAddress(address)).toStrictEqual(expected);
  });

  it.each([
    // Public addresses, including the neighbours of every internal range.
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '1.0.0.0',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.0',
    '169.253.255.255',
    '169.255.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '223.255.255.255',
    '2606:2800:220:1:248:1893:25c8:1946',
    '2001:4860:4860::8888',
    '::2:0:0:1',
    'fbff:ffff::1',
    'fe7f::1',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toStrictEqual({ kind: 'public', range: null });
  });

  it.each(['example.org', '', '1.2.3', '256.1.1.1', '01.2.3.4', '0x7f.0.0.1', '::ffff:999.0.0.1', '1::2::3'])(
    'does not take %j for an address',
    (text) => {
      expect(classifyAddress(text)).toBeNull();
    },
  );
});

describe('canonicalAddress', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['[::FFFF:7F00:1]', '127.0.0.1'],
    ['::1', '0:0:0:0:0:0:0:1'],
    ['2606:2800:220:1:248:1893:25c8:1946', '2606:2800:220:1:248:1893:25c8:1946'],
    ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:1'],
    ['localhost', null],
  ])('%s → %s', (address, expected) => {
    expect(canonicalAddress(address)).toBe(expected);
  });
});

describe('isAddressAllowed', () => {
  const allowed = ['127.0.0.1:8080', '[::1]:8080', 'example.test:8080', '10.0.0.7'].map((entry) => {
    const parsed = parseAllowedHost(entry);
    if (parsed === null) throw new Error(`bad entry ${entry}`);
    return parsed;
  });

  it.each([
    ['93.184.216.34', 'https://example.test/', true],
    ['127.0.0.1', 'http://example.test:8080/', true],
    // The mapped spelling is the same socket destination as the IPv4 entry.
    ['::ffff:127.0.0.1', 'http://example.test:8080/', true],
    ['::1', 'http://example.test:8080/', true],
    // An address entry allows its own port only (and the default port when it names none).
    ['127.0.0.1', 'http://example.test:8081/', false],
    ['10.0.0.7', 'http://example.test/', true],
    ['10.0.0.7', 'http://example.test:8080/', false],
    // Naming `example.test` does not let it resolve to internal addresses the list does not name.
    ['127.0.0.2', 'http://example.test:8080/', false],
    ['169.254.169.254', 'http://example.test:8080/', false],
    ['not-an-ip', 'http://example.test:8080/', false],
  ])('%s for %s → %s', (address, url, expected) => {
    expect(isAddressAllowed(address, new URL(url), allowed)).toBe(expected);
  });
});
