import { isIP } from 'node:net';
import { fail, ok, type Result } from './core/result.js';

/** One range of trusted proxy addresses: `10.0.0.0/8`, `fd00::/8`, or one address. */
export interface CidrRange {
  family: 'ipv4' | 'ipv6';
  address: string;
  prefix: number;
}

/**
 * `TRUST_PROXY`: whose `X-Forwarded-For` to believe. `none` believes nobody (the socket's peer
 * is the client); `hops` believes that many proxies in front of us, whatever their addresses;
 * `ranges` believes the proxies whose addresses fall in these ranges.
 */
export type TrustProxy =
  | { kind: 'none' }
  | { kind: 'hops'; hops: number }
  | { kind: 'ranges'; ranges: readonly CidrRange[] };

const ACCEPTED_TRUST =
  'accepted: unset or "false" (trust no proxy), a hop count such as 1, or a comma-separated ' +
  'list of addresses and CIDR ranges such as 10.0.0.0/8,::1';

function parseCidr(text: string): Result<CidrRange> {
  const [address = '', prefixText, extra] = text.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) {
    return fail(`TRUST_PROXY entry "${text}" is not an IP address or CIDR range`);
  }
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const bits = version === 4 ? 32 : 128;
  if (prefixText === undefined) return ok({ family, address, prefix: bits });
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN;
  if (!(prefix >= 0 && prefix <= bits)) {
    return fail(
      `TRUST_PROXY entry "${text}" has the prefix length "/${prefixText}"; ` +
        `an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} range takes /0 to /${bits}`,
    );
  }
  return ok({ family, address, prefix });
}

/** `TRUST_PROXY`'s syntax; see {@link TrustProxy}. */
export function parseTrustProxy(text: string | undefined): Result<TrustProxy> {
  const value = (text ?? '').trim();
  if (value === '' || /^(false|off|no|0)$/i.test(value)) return ok({ kind: 'none' });
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 32) {
      return fail(
        `TRUST_PROXY "${value}" is more proxy hops than any real chain; ${ACCEPTED_TRUST}`,
      );
    }
    return ok({ kind: 'hops', hops });
  }
  if (/^(true|on|yes|all|\*)$/i.test(value)) {
    return fail(
      `TRUST_PROXY "${value}" would believe X-Forwarded-For from anyone, so any client could ` +
        `forge its address; ${ACCEPTED_TRUST}`,
    );
  }
  const ranges: CidrRange[] = [];
  const problems: string[] = [];
  for (const entry of value.split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const range = parseCidr(entry);
    if (range.ok) ranges.push(range.value);
    else problems.push(range.reason);
  }
  if (problems.length > 0) return fail(`${problems.join('; ')}; ${ACCEPTED_TRUST}`);
  if (ranges.length === 0)
    return fail(`TRUST_PROXY "${value}" names no address; ${ACCEPTED_TRUST}`);
  return ok({ kind: 'ranges', ranges });
}
