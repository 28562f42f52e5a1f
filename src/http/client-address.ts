import { BlockList, isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Context, MiddlewareHandler } from 'hono';
import type { TrustProxy } from '../trust-proxy.js';
import { fold, type Step } from './middleware/fold.js';
import { requestHeader } from './request-header.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Whose forwarding headers to believe, as `TRUST_PROXY` says (see {@link trustProxy}). */
    proxyTrust: IsTrusted;
  }
}

/** What the network tells us about one request, before any header is believed. */
export interface Hop {
  /** The socket's peer; undefined for a request made in process (tests, benchmarks). */
  peer: string | undefined;
  /** The raw `X-Forwarded-For` value(s), comma-joined as Node joins repeated headers. */
  forwardedFor: string | undefined;
}

/** `::ffff:10.0.0.1` (a dual-stack socket's IPv4 peer) is `10.0.0.1`. */
const unmapped = (address: string): string =>
  address.startsWith(':') && /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)
    ? address.slice(7)
    : address;

/** An `X-Forwarded-For` entry as an address, or undefined when it is not one. */
function entryAddress(entry: string): string | undefined {
  let value = entry.trim();
  // Some proxies add the port: `[2001:db8::1]:4711` or `203.0.113.7:4711`.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1] !== undefined) value = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  return isIP(value) === 0 ? undefined : unmapped(value);
}

/** Decides, for one address, whether it is a proxy of ours. */
export type IsTrusted = (address: string, hopFromUs: number) => boolean;

/** The trust rule of a `TRUST_PROXY` setting. */
export function trustRule(trust: TrustProxy): IsTrusted {
  if (trust.kind === 'none') return () => false;
  if (trust.kind === 'hops') return (_address, hop) => hop < trust.hops;
  const list = new BlockList();
  for (const range of trust.ranges) list.addSubnet(range.address, range.prefix, range.family);
  return (address) => list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: start at the socket's peer and walk `X-Forwarded-For` right to left
 * while the address in hand is a trusted proxy, since only a trusted proxy's entry (the one
 * to its left) can be believed. Entries further left were written by the client and are
 * never read. An entry that is not an address stops the walk at the proxy that sent it.
 */
export function resolveClientAddress(hop: Hop, isTrusted: IsTrusted): string {
  if (hop.peer === undefined) return 'local';
  let address = unmapped(hop.peer);
  const chain = (hop.forwardedFor ?? '').split(',').filter((entry) => entry.trim() !== '');
  for (let i = chain.length - 1, from = 0; i >= 0 && isTrusted(address, from); i--, from++) {
    const entry = entryAddress(chain[i] ?? '');
    if (entry === undefined) break;
    address = entry;
  }
  return address;
}

/** Node's own request, as the Node adapter hands it to the app (`c.env.incoming`). */
export interface Incoming {
  socket?: Partial<Pick<TLSSocket, 'remoteAddress' | 'encrypted'>>;
  headers?: Readonly<Record<string, string | string[] | undefined>>;
}

const incomingOf = (c: Context): Incoming | undefined =>
  (c.env as { incoming?: Incoming } | undefined)?.incoming;

/** Node's own request's socket, when there is one. */
const socketOf = (c: Context): Incoming['socket'] => incomingOf(c)?.socket;

/** The socket's peer, when it is a proxy `TRUST_PROXY` believes; undefined otherwise. */
function trustedPeer(peer: string | undefined, isTrusted: IsTrusted): string | undefined {
  return peer !== undefined && isTrusted(unmapped(peer), 0) ? peer : undefined;
}

function addressOf(c: Context, isTrusted: IsTrusted): string {
  const peer = socketOf(c)?.remoteAddress;
  if (trustedPeer(peer, isTrusted) === undefined) {
    return resolveClientAddress({ peer, forwardedFor: undefined }, isTrusted);
  }
  const forwardedFor = requestHeader(c, 'x-forwarded-for');
  return resolveClientAddress({ peer, forwardedFor }, isTrusted);
}

/** Asked on every response (for HSTS), so it reads no header unless a trusted proxy sent it. */
const overTlsOf = (c: Context, isTrusted: IsTrusted): boolean =>
  cameOverTlsTo(incomingOf(c), isTrusted);

/**
 * Whether Node's request came over TLS, directly or through a proxy `isTrusted` believes
 * (`X-Forwarded-Proto`); the kept-answer lane asks it of requests that never reach the app.
 * A request made in process (no socket) did not.
 */
export function cameOverTlsTo(incoming: Incoming | undefined, isTrusted: IsTrusted): boolean {
  const socket = incoming?.socket;
  const encrypted = socket?.encrypted === true;
  if (trustedPeer(socket?.remoteAddress, isTrusted) === undefined) return encrypted;
  const raw = incoming?.headers?.['x-forwarded-proto'];
  const header = Array.isArray(raw) ? raw.join(', ') : raw;
  const proto = header?.split(',')[0]?.trim().toLowerCase();
  return proto !== undefined ? proto === 'https' : encrypted;
}

const NO_TRUST: IsTrusted = () => false;

/**
 * Middleware that tells {@link clientAddress} and {@link cameOverTls} whom to believe.
 * `X-Forwarded-For` and `X-Forwarded-Proto` count only when the socket's peer is a trusted
 * proxy; otherwise a client could forge them to dodge a rate limit or fake HTTPS. Nothing is
 * read until a route asks: most requests never need the address.
 */
export function trustProxyStep(trust: TrustProxy): Step<undefined> {
  const isTrusted = trustRule(trust);
  return {
    before(c) {
      c.set('proxyTrust', isTrusted);
      return undefined;
    },
  };
}

export const trustProxy = (trust: TrustProxy): MiddlewareHandler => fold([trustProxyStep(trust)]);

/**
 * The peer's address, for rate limits only (it is hashed with a daily salt, never stored).
 * Without the {@link trustProxy} middleware it is the socket's peer; a request made in
 * process (tests, benchmarks) has no socket and counts as one local client.
 */
export function clientAddress(c: Context): string {
  return addressOf(c, c.get('proxyTrust') ?? NO_TRUST);
}

/** Whether the request came over TLS, for HSTS: believes a proxy only as `TRUST_PROXY` says. */
export function cameOverTls(c: Context): boolean {
  return overTlsOf(c, c.get('proxyTrust') ?? NO_TRUST);
}
