import type { Hono } from 'hono';
import {
  buildFixScriptFor,
  parseFixList,
  type FixScriptRequest,
} from '../../app/build-fix-script.js';
import type { AppDeps } from '../../app/deps.js';

/**
 * "Download as script": `/:product/:code/fix-script.cmd` and `.ps1`, with `?fixes=a,b` and
 * `?platform=`. The script is made from the article's fix data on each request (it is small);
 * errors (unknown fix or platform, no article) are the web sub-app's error pages.
 */
export function registerFixScriptRoutes(app: Hono, deps: AppDeps): void {
  for (const format of ['cmd', 'ps1'] as const) {
    app.get(`/:product/:code/fix-script.${format}`, async (c) => {
      const { product, code } = c.req.param();
      const request: FixScriptRequest = { product, code, format };
      const fixes = c.req.query('fixes');
      if (fixes !== undefined) request.fixIds = parseFixList(fixes);
      const platform = c.req.query('platform');
      if (platform !== undefined && platform !== '') request.platform = platform;
      const script = await buildFixScriptFor(deps, request);
      return c.body(script.text, 200, {
        'content-type': script.contentType,
        'content-disposition': `attachment; filename="${script.fileName}"`,
      });
    });
  }
}
