import { describe, expect, it } from 'vitest';
import { loadConfig, parseDatabaseUrl } from './config.js';

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
