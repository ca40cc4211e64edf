import { isIPv4, isIPv6 } from 'node:net';

/**
 * What kind of place an IP address leads to. Only `public` addresses are reached without being named on
 * the allow-list; every other kind is some machine or network that a page on the open web has no business
 * pointing us at (our own host, the LAN, a cloud metadata service, a carrier's NAT).
 */
export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'reserved';

/** The verdict on one address: its kind, and the range that decided it (null for `public`). */
export interface AddressClass {
  kind: AddressKind;
  /** The CIDR range that matched, such as `169.254.0.0/16`. */
  range: string | null;
  /** For an IPv6 form that carries an IPv4 address (`::ffff:127.0.0.1`), the IPv6 range that carried it. */
  via?: string;
}

/** One row of the range table: a CIDR range, what it is, and why it is refused. */
interface RangeRow {
  range: string;
  /** The kind, or `embeds-ipv4` when the verdict is that of the IPv4 address found at byte `offset`. */
  kind: Exclude<AddressKind, 'public'> | 'embeds-ipv4';
  offset?: number;
  why: string;
}

// Most specific first: the first row that matches decides. IPv4 rows are checked against 4 bytes, IPv6
// rows against 16, so the two families never meet except through the `embeds-ipv4` rows.
const RANGES: readonly RangeRow[] = [
  { range: '0.0.0.0/8', kind: 'unspecified', why: '"this network": Linux connects 0.0.0.0 to itself' },
  { range: '10.0.0.0/8', kind: 'private', why: 'RFC 1918 private network' },
  { range: '100.64.0.0/10', kind: 'cgnat', why: 'RFC 6598 carrier-grade NAT: the provider’s network' },
  { range: '127.0.0.0/8', kind: 'loopback', why: 'this machine' },
  { range: '169.254.0.0/16', kind: 'link-local', why: 'the local link; 169.254.169.254 is cloud metadata' },
  { range: '172.16.0.0/12', kind: 'private', why: 'RFC 1918 private network' },
  { range: '192.168.0.0/16', kind: 'private', why: 'RFC 1918 private network' },
  { range: '224.0.0.0/4', kind: 'multicast', why: 'multicast groups, never a web server' },
  { range: '240.0.0.0/4', kind: 'reserved', why: 'reserved, and 255.255.255.255 is broadcast' },
  { range: '::/128', kind: 'unspecified', why: 'the unspecified address, which connects to this machine' },
  { range: '::1/128', kind: 'loopback', why: 'this machine' },
  { range: '::ffff:0:0/96', kind: 'embeds-ipv4', offset: 12, why: 'IPv4-mapped: the socket goes to IPv4' },
  { range: '::/96', kind: 'embeds-ipv4', offset: 12, why: 'IPv4-compatible (deprecated), as mapped' },
  { range: '64:ff9b::/96', kind: 'embeds-ipv4', offset: 12, why: 'NAT64: a gateway forwards to IPv4' },
  { range: '2002::/16', kind: 'embeds-ipv4', offset: 2, why: '6to4: a relay forwards to IPv4' },
  { range: 'fc00::/7', kind: 'private', why: 'unique local addresses, the IPv6 private network' },
  { range: 'fe80::/10', kind: 'link-local', why: 'the local link' },
  { range: 'fec0::/10', kind: 'private', why: 'site-local (deprecated), still routed inside sites' },
  { range: 'ff00::/8', kind: 'multicast', why: 'multicast groups, never a web server' },
];

interface CompiledRow extends RangeRow {
  bytes: Uint8Array;
  bits: number;
}

const COMPILED: readonly CompiledRow[] = RANGES.map((row) => {
  const [address = '', bits = ''] = row.range.split('/');
  const bytes = parseIp(address);
  if (bytes === null) throw new Error(`Bad range in the address table: ${row.range}`);
  return { ...row, bytes, bits: Number(bits) };
});

/**
 * Parses a textual IPv4 or IPv6 address into its 4 or 16 bytes, or returns null when it is not one. Only
 * the canonical spellings `net.isIP` accepts are read (no `0x7f.1`, no leading zeros), an IPv6 zone
 * (`fe80::1%eth0`) is dropped, and surrounding brackets (`[::1]`, as in `URL.hostname`) are allowed.
 *
 * @param text The address, such as `127.0.0.1`, `[::ffff:7f00:1]` or `2606:2800:220:1::1`.
 * @example parseIp('10.0.0.1') //=> Uint8Array [10, 0, 0, 1]
 */
export function parseIp(text: string): Uint8Array | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const address = bare.split('%')[0] ?? '';
  if (isIPv4(address)) return Uint8Array.from(address.split('.').map(Number));
  if (!isIPv6(address)) return null;
  // `a:b::c` → head groups, then zeros, then tail groups; a dotted tail stands for the last two groups.
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const groups = [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
  return Uint8Array.from(groups.flatMap((group) => [group >> 8, group & 0xff]));
}

/**
 * Classifies an IP address by the table above: loopback, private, link-local, unspecified, CGNAT,
 * multicast, reserved, or public. IPv6 forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`,
 * compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) get the verdict of that IPv4 address, since
 * that is where the packets end up. Returns null when the text is not an IP address.
 *
 * @param address The address as text, brackets allowed.
 * @example classifyAddress('::ffff:127.0.0.1') //=> { kind: 'loopback', range: '127.0.0.0/8', via: '::ffff:0:0/96' }
 */
export function classifyAddress(address: string): AddressClass | null {
  const bytes = parseIp(address);
  return bytes === null ? null : classifyBytes(bytes);
}

function classifyBytes(bytes: Uint8Array): AddressClass {
  const row = COMPILED.find((candidate) => inRange(bytes, candidate));
  if (row === undefined) return { kind: 'public', range: null };
  if (row.kind !== 'embeds-ipv4') return { kind: row.kind, range: row.range };
  const offset = row.offset ?? 12;
  const inner = classifyBytes(bytes.slice(offset, offset + 4));
  return { ...inner, via: row.range };
}

function inRange(bytes: Uint8Array, row: CompiledRow): boolean {
  if (bytes.length !== row.bytes.length) return false;
  for (let bit = 0; bit < row.bits; bit += 8) {
    const left = Math.min(8, row.bits - bit);
    const mask = (0xff << (8 - left)) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((row.bytes[index] ?? 0) & mask)) return false;
  }
  return true;
}

/**
 * Returns one spelling per address, so that two spellings can be compared: dotted IPv4 for IPv4 and for
 * IPv4-mapped IPv6 (the same socket destination), otherwise eight lower-case hex groups. Null when the
 * text is not an IP address.
 *
 * @param address The address as text, brackets allowed.
 * @example canonicalAddress('[::FFFF:7f00:1]') //=> '127.0.0.1'
 */
export function canonicalAddress(address: string): string | null {
  const bytes = parseIp(address);
  if (bytes === null) return null;
  const mapped = bytes.length === 16 && bytes.slice(0, 12).every((byte, i) => byte === (i < 10 ? 0 : 0xff));
  const v4 = bytes.length === 4 ? bytes : mapped ? bytes.slice(12) : null;
  if (v4 !== null) return [...v4].join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}
