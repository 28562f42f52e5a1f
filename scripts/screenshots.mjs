// `npm run screenshots`: every kind of page at a phone's and a desktop's width, light and
// dark, as PNG files in var/screenshots/ (ignored by git), for a reviewer to look at.
// Starts the built server (dist/server.js, what `npm start` runs) on a free port with a
// throwaway in-memory database, drives Debian's /usr/bin/chromium, then stops the server.
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'var/screenshots');
const PAGES = [
  ['home', '/'],
  ['article', '/windows-update/0x80244001'],
  ['code', '/codes/0x80070057'],
  ['readings', '/codes/259'],
  ['families', '/families'],
  ['family', '/families/wu-pt'],
  ['procedures', '/procedures'],
  ['procedure', '/procedures/reset-windows-update-components'],
  ['search', '/search?q=proxy'],
  ['troubleshoot', '/windows-update/0x80244001/troubleshoot'],
  ['logs', '/logs'],
  ['diagnose', '/diagnose'],
  ['no-article', '/windows-update/0x80070057'],
  ['error', '/codes/80244O01'],
  ['not-found', '/no/such/page'],
];
const WIDTHS = [360, 1280];
const SCHEMES = ['light', 'dark'];

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/server.js')], {
      env: { ...process.env, PORT: '0', DATABASE_URL: 'sqlite::memory:' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server did not start within 30 s (run npm run build?):\n${output}`));
    }, 30_000);
    const onData = (chunk) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ origin: match[1], child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
}

mkdirSync(OUT, { recursive: true });
const { origin, child } = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const colorScheme of SCHEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      const page = await context.newPage();
      for (const [name, path] of PAGES) {
        await page.goto(`${origin}${path}`, { waitUntil: 'load' });
        const file = join(OUT, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
}
