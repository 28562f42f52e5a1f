import { afterEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { DEFAULT_SERVER_SETTINGS } from '../config.js';
import { parseTrustProxy, type TrustProxy } from '../trust-proxy.js';
import { composeForTest } from '../test-support/compose-for-test.js';
import {
  cameOverTls,
  clientAddress,
  resolveClientAddress,
  trustProxy,
  trustRule,
} from './client-address.js';
import { createHttpApp } from './create-http-app.js';
import { startHttpServer, type HttpServer } from './http-server.js';

const trust = (text: string): TrustProxy => {
  const parsed = parseTrustProxy(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe('resolveClientAddress', () => {
  it.each([
    // [TRUST_PROXY, socket peer, X-Forwarded-For, the address believed]
    ['', '198.51.100.9', '203.0.113.7', '198.51.100.9'],
    ['', '::ffff:198.51.100.9', undefined, '198.51.100.9'],
    ['1', '10.0.0.2', '203.0.113.7', '203.0.113.7'],
    ['1', '10.0.0.2', '6.6.6.6, 203.0.113.7', '203.0.113.7'],
    ['2', '10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.9', '203.0.113.7'],
    ['2', '10.0.0.2', '203.0.113.7', '203.0.113.7'],
    ['1', '10.0.0.2', undefined, '10.0.0.2'],
    ['10.0.0.0/8', '10.0.0.2', '6.6.6.6, 203.0.113.7, 10.1.2.3', '203.0.113.7'],
    ['10.0.0.0/8', '198.51.100.9', '203.0.113.7', '198.51.100.9'],
    ['10.0.0.0/8', '10.0.0.2', '10.0.0.3, 10.0.0.4', '10.0.0.3'],
    ['fd00::/8', 'fd00::1', '2001:db8::7, fd00::2', '2001:db8::7'],
    ['127.0.0.1', '::ffff:127.0.0.1', '203.0.113.7', '203.0.113.7'],
    ['1', '10.0.0.2', '[2001:db8::7]:4711', '2001:db8::7'],
    ['1', '10.0.0.2', '203.0.113.7:4711', '203.0.113.7'],
    ['1', '10.0.0.2', 'unknown', '10.0.0.2'],
    ['10.0.0.0/8', '10.0.0.2', '6.6.6.6, garbage, 10.0.0.5', '10.0.0.5'],
  ])('TRUST_PROXY=%j, peer %s, X-Forwarded-For %j → %s', (setting, peer, xff, expected) => {
    expect(resolveClientAddress({ peer, forwardedFor: xff }, trustRule(trust(setting)))).toBe(
      expected,
    );
  });

  it('counts an in-process request (no socket) as one local client', () => {
    expect(resolveClientAddress({ peer: undefined, forwardedFor: '1.2.3.4' }, () => true)).toBe(
      'local',
    );
  });
});

describe('cameOverTls', () => {
  const app = (setting: string): Hono => {
    const hono = new Hono();
    hono.use(trustProxy(trust(setting)));
    hono.get('/', (c) => c.json({ tls: cameOverTls(c), address: clientAddress(c) }));
    return hono;
  };
  const servers: HttpServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const serve = async (setting: string): Promise<string> => {
    const server = await startHttpServer(app(setting), 0, DEFAULT_SERVER_SETTINGS, '127.0.0.1');
    servers.push(server);
    return `http://127.0.0.1:${server.port}/`;
  };

  it('ignores X-Forwarded-Proto from a peer that is not a trusted proxy', async () => {
    const url = await serve('10.0.0.0/8');
    const answer = await fetch(url, { headers: { 'x-forwarded-proto': 'https' } });
    expect(await answer.json()).toEqual({ tls: false, address: '127.0.0.1' });
  });

  it('believes X-Forwarded-Proto from a trusted proxy', async () => {
    const url = await serve('127.0.0.1');
    const https = await fetch(url, { headers: { 'x-forwarded-proto': 'https' } });
    expect(await https.json()).toMatchObject({ tls: true });
    const http = await fetch(url, { headers: { 'x-forwarded-proto': 'http' } });
    expect(await http.json()).toMatchObject({ tls: false });
  });

  it('falls back to the socket, which is plain TCP here, when the proxy sends no proto', async () => {
    const url = await serve('127.0.0.1');
    expect(await (await fetch(url)).json()).toMatchObject({ tls: false });
  });
});

/**
 * The rate limit of article requests (20 codes per address a day) through the real app on a
 * real socket: the header decides whose budget a request spends only when TRUST_PROXY says so.
 */
describe('the article-request rate limit behind TRUST_PROXY', () => {
  const CODES = Array.from(
    { length: 21 },
    (_, i) => `0x8024${(0x3000 + i).toString(16).toUpperCase()}`,
  );

  async function postAll(setting: string, forwardedFor: (i: number) => string): Promise<number[]> {
    const composed = await composeForTest();
    const server = await startHttpServer(
      createHttpApp(composed.deps, {
        server: { ...DEFAULT_SERVER_SETTINGS, trustProxy: trust(setting) },
      }),
      0,
      DEFAULT_SERVER_SETTINGS,
      '127.0.0.1',
    );
    try {
      const statuses: number[] = [];
      for (const [i, code] of CODES.entries()) {
        const answer = await fetch(
          `http://127.0.0.1:${server.port}/api/v1/codes/${code}/requests`,
          {
            method: 'POST',
            headers: { 'x-forwarded-for': forwardedFor(i) },
          },
        );
        statuses.push(answer.status);
      }
      return statuses;
    } finally {
      await server.close();
      await composed.close();
    }
  }

  it('is not bypassed by a forged X-Forwarded-For from an untrusted peer', async () => {
    const statuses = await postAll('', (i) => `203.0.113.${i}`);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('is not bypassed by prepending forged entries through a trusted proxy', async () => {
    const statuses = await postAll('127.0.0.1', (i) => `6.6.6.${i}, 203.0.113.7`);
    expect(statuses[20]).toBe(429);
  });

  it('does not collapse clients behind a trusted proxy into one address', async () => {
    const statuses = await postAll('127.0.0.1', (i) => `203.0.113.${i}`);
    expect(statuses).toEqual(CODES.map(() => 201));
  });
});
