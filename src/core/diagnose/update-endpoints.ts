import { fail, ok, type Result } from '../result.js';

/** One Windows Update host name as a firewall or proxy must let it through (data/windows/update-endpoints.tsv). */
export interface UpdateEndpoint {
  host: string;
  scheme: 'http' | 'https';
}

export const portOf = (endpoint: UpdateEndpoint): 80 | 443 =>
  endpoint.scheme === 'https' ? 443 : 80;

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Reads the TSV (header `host  scheme  document`); a bad row names its line. */
export function parseUpdateEndpoints(text: string): Result<UpdateEndpoint[]> {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines[0] !== 'host\tscheme\tdocument')
    return fail('line 1: the header must be "host<TAB>scheme<TAB>document"');
  const out: UpdateEndpoint[] = [];
  for (const [index, line] of lines.slice(1).entries()) {
    const [host, scheme, document] = line.split('\t');
    const where = `line ${index + 2}`;
    if (!host || !HOST.test(host)) return fail(`${where}: "${host ?? ''}" is not a host name`);
    if (scheme !== 'http' && scheme !== 'https')
      return fail(`${where}: the scheme must be http or https`);
    if (!document) return fail(`${where}: name the document that lists the host`);
    out.push({ host, scheme });
  }
  if (out.length === 0) return fail('the file lists no endpoint');
  return ok(out);
}
