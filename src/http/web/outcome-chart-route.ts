import type { Hono } from 'hono';
import type { AppDeps } from '../../app/deps.js';
import { getFixStats } from '../../app/get-fix-stats.js';
import { platformName } from '../../core/products/registry.js';
import { outcomeChartSvg } from '../../core/troubleshoot/outcome-chart.js';

/**
 * `/:product/:code/outcomes.svg?platform=`: where people stop and what fixed it, for one
 * article on one platform, drawn on the server. Outcomes change with every answer, so a cache
 * must ask again each time (the ETag still spares the bytes).
 */
export function registerOutcomeChartRoute(app: Hono, deps: AppDeps): void {
  app.get('/:product/:code/outcomes.svg', async (c) => {
    const { product, code } = c.req.param();
    const platform = c.req.query('platform');
    const stats = await getFixStats(deps, product, code, platform);
    const svg = outcomeChartSvg({
      subject: `${stats.code} on ${platformName(deps.registry, stats.platform)}`,
      fixes: stats.fixes,
    });
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'no-cache',
    });
  });
}
