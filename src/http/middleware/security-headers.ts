import type { Context, MiddlewareHandler } from 'hono';
import type { AnswerHeaders } from './answer-headers.js';
import { fold, type Step } from './fold.js';

/**
 * Our own files only: the pages' one stylesheet and one script are files under /assets, so
 * neither scripts nor styles need 'unsafe-inline'. No plugins, no <base>, no framing, forms
 * post only to us.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Powerful features the site never uses, switched off for it and anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** A year: browsers then refuse plain HTTP to this host; sent only over TLS, as RFC 6797 says. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** True when the request reached us over TLS (directly, or through a proxy we trust). */
export type TrustedTls = (c: Context) => boolean;

/**
 * Without a trusted proxy in front, only a TLS connection to this process counts. (The URL's
 * scheme is read as text: parsing the URL again on every response cost more than the headers.)
 */
export const directTls: TrustedTls = (c) => c.req.url.startsWith('https:');

/** Every response's headers, in one list made once. */
const ALWAYS: AnswerHeaders = [
  ['content-security-policy', CONTENT_SECURITY_POLICY],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['permissions-policy', PERMISSIONS_POLICY],
  // frame-ancestors is the standard; X-Frame-Options covers browsers that predate it.
  ['x-frame-options', 'DENY'],
];

/** …and over TLS, HSTS too. */
const OVER_TLS: AnswerHeaders = [
  ...ALWAYS,
  ['strict-transport-security', STRICT_TRANSPORT_SECURITY],
];

/** The same security headers on every response: pages, API, assets, errors, 404s and 304s. */
export const securityHeadersStep = (trustedTls: TrustedTls = directTls): Step => ({
  headers: (c) => (trustedTls(c) ? OVER_TLS : ALWAYS),
});

export const securityHeaders = (trustedTls?: TrustedTls): MiddlewareHandler =>
  fold([securityHeadersStep(trustedTls)]);
