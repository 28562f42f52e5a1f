import type { InlineFix } from '../core/articles/schema.js';
import { DomainError } from '../core/errors.js';
import { findProduct } from '../core/products/registry.js';
import {
  buildFixScript,
  SCRIPT_FORMATS,
  type FixScript,
  type ScriptFormat,
} from '../core/scripts/fix-script.js';
import { appliesOn } from '../core/troubleshoot/walk-machine.js';
import type { AppDeps } from './deps.js';
import { getArticleForReading } from './get-article.js';
import { checkPlatform } from './start-troubleshooting.js';

export interface FixScriptRequest {
  product: string;
  code: string;
  /** `cmd` or `ps1`; anything else is refused naming both. */
  format: string;
  /** The fixes to run, in this order; absent: every fix of the article that applies. */
  fixIds?: readonly string[];
  platform?: string;
}

export const isScriptFormat = (value: string): value is ScriptFormat =>
  (SCRIPT_FORMATS as readonly string[]).includes(value);

/** The fixes asked for, in the order asked (each once), each checked against the article and platform. */
function chooseFixes(fixes: readonly InlineFix[], request: FixScriptRequest): InlineFix[] {
  const platform = request.platform;
  if (request.fixIds === undefined) {
    const chosen =
      platform === undefined ? [...fixes] : fixes.filter((f) => appliesOn(f, platform));
    if (chosen.length === 0)
      throw new DomainError(
        'unknown_fix',
        `no fix of the ${request.code} article applies on ${platform}`,
      );
    return chosen;
  }
  const byId = new Map(fixes.map((f) => [f.id, f]));
  const chosen: InlineFix[] = [];
  for (const id of new Set(request.fixIds)) {
    const fix = byId.get(id);
    if (!fix)
      throw new DomainError(
        'unknown_fix',
        `"${id}" is not a fix of the ${request.code} article; its fixes: ${fixes.map((f) => f.id).join(', ')}`,
      );
    if (platform !== undefined && !appliesOn(fix, platform))
      throw new DomainError(
        'unknown_fix',
        `the fix "${id}" does not apply on ${platform}; it applies on: ${(fix.platforms ?? []).join(', ')}`,
      );
    chosen.push(fix);
  }
  if (chosen.length === 0) throw new DomainError('unknown_fix', 'name at least one fix id');
  return chosen;
}

/**
 * A `.cmd` or `.ps1` file that runs the chosen fixes of an article (core/scripts). The same
 * fix data the page and the walk-through show: nothing is written for the script alone.
 */
export async function buildFixScriptFor(
  deps: Pick<AppDeps, 'store' | 'registry'>,
  request: FixScriptRequest,
): Promise<FixScript> {
  if (!findProduct(deps.registry, request.product))
    throw new DomainError(
      'unknown_product',
      `"${request.product}" is not a product; known products: ${deps.registry.products.map((p) => p.slug).join(', ')}`,
    );
  if (!isScriptFormat(request.format))
    throw new DomainError(
      'invalid_request',
      `"${request.format}" is not a script format; choose one of: ${SCRIPT_FORMATS.join(', ')}`,
    );
  if (request.platform !== undefined) checkPlatform(deps, request.product, request.platform);
  const { stored, fixes } = await getArticleForReading(deps, request.product, request.code);
  const input = {
    product: request.product,
    code: request.code,
    title: stored.article.title,
    fixes: chooseFixes(fixes, request),
    ...(request.platform === undefined ? {} : { platform: request.platform }),
  };
  const built = buildFixScript(input, request.format);
  // Shipped content is checked to be scriptable (fix-script.shipped.test.ts); an edited article may not be.
  if (!built.ok) throw new DomainError('invalid_article', built.reason);
  return built.value;
}

/** `a,b, c` → ['a', 'b', 'c'] (empty parts dropped). */
export const parseFixList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
