import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type StartedServer } from './start-server.js';

/**
 * Debian's chromium driven by playwright-core, shared by every browser test. Without the
 * browser the tests are reported as not run, with the reason, except under CI, where a
 * missing browser is a failure (`.ci/run` installs it).
 */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium before the tests`);
}
if (!hasChromium) {
  console.warn(`browser tests not run: ${CHROMIUM} is not installed (apt-get install chromium)`);
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface BrowserOptions {
  javaScriptEnabled?: boolean;
  width?: number;
  height?: number;
  /** Only for injecting axe-core, an inline script that our CSP rightly refuses. */
  bypassCSP?: boolean;
  colorScheme?: 'light' | 'dark';
}

export interface BrowserBench {
  /** The server's origin, such as `http://127.0.0.1:41234`. */
  readonly origin: string;
  open(options?: BrowserOptions): Promise<Page>;
  close(): Promise<void>;
}

/** A real server on its own SQLite file, and fresh browser profiles that `close` removes. */
export async function startBrowserBench(name: string): Promise<BrowserBench> {
  const folder = mkdtempSync(join(tmpdir(), `atlas-${name}-`));
  const server: StartedServer = await startServer({
    DATABASE_URL: `sqlite:${join(folder, 'atlas.db')}`,
  });
  const contexts: BrowserContext[] = [];
  return {
    origin: server.origin,
    async open(options = {}) {
      const profile = mkdtempSync(join(folder, 'profile-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        viewport: { width: options.width ?? 1024, height: options.height ?? 800 },
        colorScheme: options.colorScheme ?? 'light',
        bypassCSP: options.bypassCSP ?? false,
      });
      contexts.push(context);
      return context.pages()[0] ?? (await context.newPage());
    },
    async close() {
      // All at once: one by one, some sixty contexts outlast a hook's time on a loaded machine.
      await Promise.all(contexts.map((context) => context.close()));
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Up to three of the offending elements, as CSS selectors. */
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core's serious and critical findings on the page as it is now (needs `bypassCSP`). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    // axe is the global the injected script defines.
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe;
    return (await axe.run()).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
