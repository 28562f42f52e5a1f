import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, directTls, securityHeaders } from './security-headers.js';

function appWith(trustedTls = directTls) {
  const app = new Hono();
  app.use(securityHeaders(trustedTls));
  app.get('/', (c) => c.text('page'));
  app.get('/not-modified', (c) => c.body(null, 304));
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.text('failed', 500));
  return app;
}

const expectSecurityHeaders = (response: Response): void => {
  const csp = response.headers.get('content-security-policy') ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('permissions-policy')).toMatch(
    /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
  );
};

describe('securityHeaders', () => {
  it.each([
    ['a page', '/', 200],
    ['a 304', '/not-modified', 304],
    ['an error', '/fails', 500],
    ['an unknown address', '/nowhere', 404],
  ])('puts them on %s', async (_what, path, status) => {
    const response = await appWith().request(path);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
  });

  it('sends the policy this module declares, not a copy', async () => {
    const response = await appWith().request('/');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('sends HSTS over TLS only', async () => {
    const plain = await appWith().request('http://atlas.example/');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await appWith().request('https://atlas.example/');
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('believes x-forwarded-proto only through the trustedTls it is given', async () => {
    const forged = { headers: { 'x-forwarded-proto': 'https' } };
    const direct = await appWith().request('http://atlas.example/', forged);
    expect(direct.headers.get('strict-transport-security')).toBeNull();
    const behindTrustedProxy = appWith((c) => c.req.header('x-forwarded-proto') === 'https');
    const proxied = await behindTrustedProxy.request('http://atlas.example/', forged);
    expect(proxied.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
