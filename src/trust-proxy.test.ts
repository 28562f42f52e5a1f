import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trust-proxy.js';

describe('parseTrustProxy', () => {
  it.each([
    [undefined, { kind: 'none' }],
    ['', { kind: 'none' }],
    ['false', { kind: 'none' }],
    ['0', { kind: 'none' }],
    ['1', { kind: 'hops', hops: 1 }],
    ['2', { kind: 'hops', hops: 2 }],
    [
      '10.0.0.0/8, 127.0.0.1,fd00::/8',
      {
        kind: 'ranges',
        ranges: [
          { family: 'ipv4', address: '10.0.0.0', prefix: 8 },
          { family: 'ipv4', address: '127.0.0.1', prefix: 32 },
          { family: 'ipv6', address: 'fd00::', prefix: 8 },
        ],
      },
    ],
    ['::1', { kind: 'ranges', ranges: [{ family: 'ipv6', address: '::1', prefix: 128 }] }],
  ])('reads %j', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['true', 'forge its address'],
    ['*', 'forge its address'],
    ['99', 'more proxy hops'],
    ['10.0.0.0/33', 'an IPv4 range takes /0 to /32'],
    ['fd00::/129', 'an IPv6 range takes /0 to /128'],
    ['10.0.0/8', '"10.0.0/8" is not an IP address'],
    ['10.0.0.0/8, proxy.internal', '"proxy.internal" is not an IP address'],
    [',', 'names no address'],
  ])('refuses %j, saying why and what is accepted', (text, why) => {
    const result = parseTrustProxy(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(why);
      expect(result.reason).toContain('accepted: unset or "false"');
    }
  });
});
