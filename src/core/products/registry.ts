import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { slugSchema } from '../articles/schema.js';
import { fail, ok, type Result } from '../result.js';
import { platformStatus, platformSupportSchema, type PlatformStatus } from './platform-support.js';

/** `content/products.yaml`: which products show codes, and the platform ids articles use. */
export const platformSchema = z.strictObject({
  id: slugSchema,
  name: z.string().trim().min(1),
  /** Its end of support, where it has ended or is scheduled (a platform without one has none known). */
  support: platformSupportSchema.optional(),
});
export const productSchema = z.strictObject({
  slug: slugSchema,
  name: z.string().trim().min(1),
  platforms: z.array(slugSchema).min(1),
});
export const registrySchema = z
  .strictObject({
    platforms: z.array(platformSchema).min(1),
    products: z.array(productSchema).min(1),
  })
  .superRefine((registry, ctx) => {
    const known = new Set(registry.platforms.map((p) => p.id));
    registry.products.forEach((product, index) => {
      for (const id of product.platforms) {
        if (!known.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['products', index, 'platforms'],
            message: `platform "${id}" is not listed under platforms`,
          });
        }
      }
    });
  });

export type Platform = z.infer<typeof platformSchema>;
export type Product = z.infer<typeof productSchema>;
export type ProductRegistry = z.infer<typeof registrySchema>;

/** Reserved first URL segments (DESIGN.md, Interfaces): never a product slug. */
export const RESERVED_SEGMENTS = [
  'codes',
  'api',
  'search',
  'logs',
  'edit',
  'assets',
  'healthz',
  'readyz',
  'metrics',
  'diagnose',
  'families',
  'procedures',
] as const;

export function checkRegistry(data: unknown): Result<ProductRegistry> {
  const parsed = registrySchema.safeParse(data);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const reserved = parsed.data.products.find((p) =>
    (RESERVED_SEGMENTS as readonly string[]).includes(p.slug),
  );
  if (reserved) return fail(`product slug "${reserved.slug}" is reserved for the site's own pages`);
  return ok(parsed.data);
}

export const findProduct = (registry: ProductRegistry, slug: string): Product | undefined =>
  registry.products.find((p) => p.slug === slug);

export const findProductByName = (registry: ProductRegistry, name: string): Product | undefined =>
  registry.products.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());

export const platformName = (registry: ProductRegistry, id: string): string =>
  registry.platforms.find((p) => p.id === id)?.name ?? id;

/** A platform id as a page shows it on `today` (YYYY-MM-DD); an unknown id is its own name. */
export const platformStatusOf = (
  registry: ProductRegistry,
  id: string,
  today: string,
): PlatformStatus =>
  platformStatus(registry.platforms.find((p) => p.id === id) ?? { id, name: id }, today);

/** "Windows 8.1" → "windows-8.1"; undefined when the registry has no such platform. */
export const findPlatformByName = (registry: ProductRegistry, name: string): Platform | undefined =>
  registry.platforms.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());

/** `content/products.yaml` text → a checked registry. */
export function parseRegistryYaml(text: string): Result<ProductRegistry> {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return fail(`products.yaml is not valid YAML: ${(error as Error).message}`);
  }
  const checked = checkRegistry(data);
  return checked.ok ? checked : fail(`products.yaml: ${checked.reason}`);
}
