// Benchmark-only wiring for bench/codes.mjs: starts the server on the database named by
// DATABASE_URL and prints its port. With BENCH_NO_TABLES=1 the code tables are switched off
// (an empty catalog), everything else as in `npm start`.
import { compose } from '../dist/compose.js';
import { loadConfig } from '../dist/config.js';
import { createHttpApp } from '../dist/http/create-http-app.js';
import { startHttpServer } from '../dist/http/http-server.js';
import { buildCatalog } from '../dist/core/codes/catalog.js';
import { buildFamilyIndex } from '../dist/core/families/family-index.js';

const config = loadConfig(process.env, { port: '0' });
if (!config.ok) throw new Error(config.reason);
function withoutTables() {
  const catalog = buildCatalog([]);
  const families = buildFamilyIndex([], catalog);
  if (!families.ok) throw new Error(families.reason);
  return { catalog, families: families.value };
}
const options = process.env.BENCH_NO_TABLES === '1' ? withoutTables() : {};
const composed = await compose(config.value, options);
const server = await startHttpServer(
  createHttpApp(composed.deps, { server: config.value.server }),
  0,
  config.value.server,
);
console.log(`listening ${server.port}`);
process.on('SIGTERM', () => {
  void server.close().then(() => composed.close());
});
