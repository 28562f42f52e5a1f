import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVER_SETTINGS,
  loadConfig,
  loadServerSettings,
  parseDatabaseUrl,
} from './config.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:./var/atlas.db', { kind: 'sqlite', file: '/srv/atlas/var/atlas.db' }],
    ['sqlite:///tmp/a.db', { kind: 'sqlite', file: '/tmp/a.db' }],
    ['sqlite:/tmp/a.db', { kind: 'sqlite', file: '/tmp/a.db' }],
    ['./data/x.db', { kind: 'sqlite', file: '/srv/atlas/data/x.db' }],
    ['/abs/x.db', { kind: 'sqlite', file: '/abs/x.db' }],
    ['sqlite::memory:', { kind: 'memory' }],
  ])('reads %s', (url, expected) => {
    expect(parseDatabaseUrl(url, '/srv/atlas')).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['postgres://user@host/db', 'PostgreSQL'],
    ['mysql://host/db', 'unknown scheme "mysql:"'],
    ['', 'empty'],
    ['sqlite:', 'names no file'],
  ])('refuses %j, saying why and what is accepted', (url, why) => {
    const result = parseDatabaseUrl(url, '/srv/atlas');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(why);
      expect(result.reason).toContain('accepted: sqlite:<path>');
    }
  });
});

describe('loadConfig', () => {
  it('defaults to port 3000 and ./var/atlas.db', () => {
    const config = loadConfig({}, {}, '/srv/atlas');
    expect(config.ok && config.value.port).toBe(3000);
    expect(config.ok && config.value.database).toEqual({
      kind: 'sqlite',
      file: '/srv/atlas/var/atlas.db',
    });
  });

  it('lets flags override the environment', () => {
    const config = loadConfig(
      { PORT: '4000', DATABASE_URL: 'sqlite:/env.db' },
      { port: '5000', db: '/flag.db' },
      '/srv',
    );
    expect(config.ok && config.value.port).toBe(5000);
    expect(config.ok && config.value.database).toEqual({ kind: 'sqlite', file: '/flag.db' });
  });

  it('reports every problem at once, naming where each came from', () => {
    const config = loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://h/db' }, {}, '/srv');
    expect(config.ok).toBe(false);
    if (!config.ok) {
      expect(config.reason).toContain('PORT "eighty" is not a port');
      expect(config.reason).toContain('0 to 65535');
      expect(config.reason).toContain('PostgreSQL');
    }
  });
});

describe('loadServerSettings', () => {
  it('has defaults that keep X-Forwarded-For unbelieved', () => {
    expect(loadServerSettings({})).toEqual({ ok: true, value: DEFAULT_SERVER_SETTINGS });
    expect(DEFAULT_SERVER_SETTINGS.trustProxy).toEqual({ kind: 'none' });
  });

  it('reads every number from the environment', () => {
    const result = loadServerSettings({
      MAX_BODY_BYTES: '1024',
      MAX_LOG_UPLOAD_BYTES: '2097152',
      MAX_URL_BYTES: '4096',
      MAX_HEADER_BYTES: '32768',
      HEADERS_TIMEOUT_MS: '2000',
      REQUEST_TIMEOUT_MS: '5000',
      KEEP_ALIVE_TIMEOUT_MS: '65000',
      SHUTDOWN_TIMEOUT_MS: '0',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        trustProxy: { kind: 'none' },
        maxBodyBytes: 1024,
        maxLogUploadBytes: 2097152,
        maxUrlBytes: 4096,
        maxHeaderBytes: 32768,
        headersTimeoutMs: 2000,
        requestTimeoutMs: 5000,
        keepAliveTimeoutMs: 65000,
        shutdownTimeoutMs: 0,
      },
    });
  });

  it.each([
    ['MAX_BODY_BYTES', '64k', 'a whole number of bytes from 1 to 1073741824 (default 65536)'],
    ['MAX_BODY_BYTES', '0', 'a whole number of bytes from 1'],
    ['MAX_URL_BYTES', '100', 'from 256 to 65536'],
    ['HEADERS_TIMEOUT_MS', '-5', 'a whole number of ms from 100'],
    ['SHUTDOWN_TIMEOUT_MS', '1.5', 'a whole number of ms from 0'],
  ])('refuses %s=%j, saying what is accepted', (name, value, accepted) => {
    const result = loadServerSettings({ [name]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(`${name} "${value}" is not accepted`);
      expect(result.reason).toContain(accepted);
    }
  });

  it('refuses headers that may take longer than the whole request', () => {
    const result = loadServerSettings({ HEADERS_TIMEOUT_MS: '40000' });
    expect(!result.ok && result.reason).toContain(
      'HEADERS_TIMEOUT_MS (40000) is longer than REQUEST_TIMEOUT_MS (30000)',
    );
  });

  it('refuses a URL cap that the header cap would always hit first', () => {
    const result = loadServerSettings({ MAX_URL_BYTES: '16384' });
    expect(!result.ok && result.reason).toContain('must be smaller than MAX_HEADER_BYTES (16384)');
  });
});

describe('loadConfig and the server settings', () => {
  it('carries them in `server`', () => {
    const config = loadConfig({ TRUST_PROXY: '1', MAX_BODY_BYTES: '2048' }, {}, '/srv');
    expect(config.ok && config.value.server.trustProxy).toEqual({ kind: 'hops', hops: 1 });
    expect(config.ok && config.value.server.maxBodyBytes).toBe(2048);
  });

  it('reports a bad TRUST_PROXY beside the other problems', () => {
    const config = loadConfig({ PORT: 'x', TRUST_PROXY: 'true' }, {}, '/srv');
    expect(!config.ok && config.reason).toContain('PORT "x" is not a port');
    expect(!config.ok && config.reason).toContain('TRUST_PROXY "true"');
  });

  it('refuses a REQUESTS_TOKEN too short to be secret (it used to be accepted when all else was fine)', () => {
    const config = loadConfig({ REQUESTS_TOKEN: 'short' }, {}, '/srv');
    expect(!config.ok && config.reason).toContain('REQUESTS_TOKEN is too short');
  });
});

describe('PUBLIC_BASE_URL', () => {
  it('is kept without its trailing slash, path prefix and all', () => {
    const settings = loadServerSettings({ PUBLIC_BASE_URL: ' https://atlas.example/kb/ ' });
    expect(settings.ok && settings.value.publicBaseUrl).toBe('https://atlas.example/kb');
    const unset = loadServerSettings({});
    expect(unset.ok && unset.value.publicBaseUrl).toBeUndefined();
  });

  it('refuses what is not an http(s) origin, saying what is accepted', () => {
    for (const bad of ['atlas.example', 'ftp://atlas.example', 'https://atlas.example/?a=1']) {
      const result = loadServerSettings({ PUBLIC_BASE_URL: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/PUBLIC_BASE_URL .*accepted: an http or https/);
    }
  });
});
