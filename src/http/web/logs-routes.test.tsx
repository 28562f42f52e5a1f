import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Composed } from '../../compose.js';
import type { Clock } from '../../core/ports.js';
import { composeForTest } from '../../test-support/compose-for-test.js';
import { createHttpApp } from '../create-http-app.js';
import { LOGS_UPLOAD_SCRIPT } from './assets.js';
import { logsNamedIn } from './logs-mention.js';

let composed: Composed;
let now = new Date('2026-12-01T10:00:00.000Z');
const clock: Clock = { now: () => now };
let app: ReturnType<typeof createHttpApp>;

beforeAll(async () => {
  composed = await composeForTest();
  app = createHttpApp({ ...composed.deps, clock });
});
afterAll(() => composed.close());

const dism = readFileSync('test/logs/dism.log');
const cbs = readFileSync('test/logs/CBS.log');

/** The form as a browser sends it (undici builds the multipart body). */
function form(files: [string, Buffer][], fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, bytes] of files) data.append('file', new Blob([new Uint8Array(bytes)]), name);
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const post = (body: FormData) => app.request('/logs', { method: 'POST', body });

describe('/logs: the upload page', () => {
  it('is a multipart form that works without JavaScript; the progress script is a file, not inline', async () => {
    const r = await app.request('/logs');
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toMatch(
      /<form class="log-upload" action="\/logs" method="post" enctype="multipart\/form-data">/,
    );
    expect(html).toMatch(/<input id="log-files" name="file" type="file" multiple/);
    expect(html).toContain('<textarea id="log-text" name="text"');
    expect(html).toContain('name="share" type="checkbox"');
    expect(html).toContain('up to 1 GiB in all');
    expect(html).toContain(`<script type="module" src="${LOGS_UPLOAD_SCRIPT.path}">`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = await app.request(LOGS_UPLOAD_SCRIPT.path);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain("xhr.upload.addEventListener('progress'");
  });

  it('is in the site navigation (every page) and linked from an article that names CBS.log', async () => {
    expect(await (await app.request('/')).text()).toMatch(
      /<nav class="site-nav"[^>]*>(?:<a href="[^"]*">[^<]*<\/a>)*<a href="\/logs">/,
    );
    const article = await (await app.request('/windows-update/0x80070005')).text();
    expect(article).toMatch(
      /Have the [^<]*CBS\.log[^<]* of this PC\? <a href="\/logs">Analyse the log<\/a>/,
    );
    expect(logsNamedIn('see setupact.log and C:\\Windows\\Logs\\CBS\\CBS.log')).toEqual([
      'CBS.log',
      'setupact.log',
    ]);
    expect(logsNamedIn('MyCBS.log and CBS.logs and dism.logfile')).toEqual([]);
  });
});

describe('POST /logs: the results page', () => {
  it('the diagnosis first, an accessible SVG timeline, findings linked to codes, rules to fix steps', async () => {
    const r = await post(
      form([
        ['dism.log', dism],
        ['CBS.log', cbs],
      ]),
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('private, no-store');
    const html = await r.text();
    const at = (s: string) => html.indexOf(s);
    expect(at('<p class="verdict">')).toBeGreaterThan(at('<h1>Log diagnosis</h1>'));
    expect(at('<p class="verdict">')).toBeLessThan(at('id="what-to-do"'));
    expect(at('id="what-to-do"')).toBeLessThan(at('id="timeline"'));
    expect(at('id="timeline"')).toBeLessThan(at('id="findings"'));
    expect(html).toContain('Failure found. </strong>The repair source is missing');
    expect(html).toContain(
      '<a href="/windows-update/0x800F081F#check-own-source">Open the fix step</a>',
    );
    expect(html).toContain('<a href="/codes/0x800F081F">0x800F081F</a>');
    expect(html).toMatch(
      /<svg class="log-timeline" role="img" aria-labelledby="timeline-title timeline-desc"/,
    );
    expect(html).toContain('<title id="timeline-title">Timeline of the runs in the logs</title>');
    expect(html).toMatch(/<desc id="timeline-desc">\d+ runs? from 2024-03-05 [^<]*failed/);
    expect(html).not.toContain('jsmith');
  });

  it('a pasted log is read like a file', async () => {
    const r = await post(form([], { text: dism.toString('utf8') }));
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('pasted text');
  });

  it('an empty form and an unreadable file answer 400 pages that say what is accepted', async () => {
    const empty = await post(form([['', Buffer.alloc(0)]], { text: '' }));
    expect(empty.status).toBe(400);
    const page = await empty.text();
    expect(page).toContain('No log to read');
    expect(page).toContain('send one or more files');
    const binary = await post(form([['x.log', readFileSync('test/logs/binary.log')]]));
    expect(binary.status).toBe(400);
    expect(await binary.text()).toContain('Nothing could be read as a log');
  });
});

describe('shared reports on the web', () => {
  it('nothing is kept unless asked; asked, a 303 to an unguessable address that expires after 30 days, never cached', async () => {
    const shared = await post(form([['CBS.log', cbs]], { share: 'on' }));
    expect(shared.status).toBe(303);
    const url = shared.headers.get('location') ?? '';
    expect(url).toMatch(/^\/logs\/r\/[A-Za-z0-9_-]{22}$/);
    const page = await app.request(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await page.text();
    expect(html).toContain('Shared report, made 2026-12-01; it expires on 2026-12-31');
    expect(html).not.toContain('jsmith');
    // The same address, asked again after 30 days: gone (a cached page would still answer 200).
    now = new Date('2026-12-31T10:00:01.000Z');
    const gone = await app.request(url);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('This shared report has expired');
    now = new Date('2026-12-01T10:00:00.000Z');
    const unknown = await app.request('/logs/r/AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('No such shared report');
  });
});
