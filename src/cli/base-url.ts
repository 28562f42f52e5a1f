import { fail, ok, type Result } from '../core/result.js';

const ACCEPTED =
  'accepted: an absolute http:// or https:// address, e.g. https://errors.example.com or ' +
  'http://localhost:3000/atlas';

/**
 * Where the printed links point: `--base-url`, else `ERRATLAS_BASE_URL`, else the local
 * server on the configured port. An http(s) address with no query, fragment or credentials;
 * a path is kept as a prefix, without its trailing slash.
 */
export function resolveBaseUrl(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  port: number,
): Result<string> {
  const origin = flag !== undefined ? '--base-url' : 'ERRATLAS_BASE_URL';
  const text = flag ?? env.ERRATLAS_BASE_URL;
  if (text === undefined || (flag === undefined && text.trim() === '')) {
    return ok(`http://localhost:${port}`);
  }
  return readHttpAddress(text, origin);
}

/**
 * An absolute http(s) address with no query, fragment or credentials, as `origin` + path
 * without its trailing slash; the refusal names `label` (the option or variable it came from).
 */
export function readHttpAddress(text: string, label: string): Result<string> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return fail(`${label} "${text}" is not a URL; ${ACCEPTED}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(`${label} "${text}" is not an http(s) URL; ${ACCEPTED}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    return fail(
      `${label} "${text}" has a query, a fragment or credentials, which this address cannot carry; ${ACCEPTED}`,
    );
  }
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}
