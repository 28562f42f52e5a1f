import { z } from 'zod';
// The response schemas register their ids (`.meta({ id })`) in zod's global registry.
import '../../app/responses.js';

const COMPONENTS = '#/components/schemas/';

type Json = unknown;

/** `$ref`s into zod's `__shared` holder point at the hoisted component instead. */
function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string'
        ? inner.replace(`${COMPONENTS}__shared#/$defs/`, COMPONENTS)
        : rewriteRefs(inner),
    ]),
  );
}

/** Every `$ref` in a document, in order. */
export function refsIn(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
}

/**
 * Component schemas from the zod schemas that shape the responses, as OpenAPI 3.1 wants them:
 * zod puts schemas that several share under a `__shared` entry's `$defs` and points at them
 * with `…/__shared#/$defs/X`, which no OpenAPI tool resolves. Those are hoisted into
 * `components/schemas` and the refs rewritten; a name taken twice is an error, not a guess.
 */
export function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `${COMPONENTS}${id}` });
  const components: Record<string, Json> = {};
  const add = (id: string, schema: Json): void => {
    if (id in components) throw new Error(`two component schemas are named ${id}`);
    const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, Json>;
    components[id] = rewriteRefs(rest);
  };
  for (const [id, schema] of Object.entries(schemas)) {
    if (id !== '__shared') add(id, schema);
  }
  const shared = (schemas.__shared as { $defs?: Record<string, Json> } | undefined)?.$defs ?? {};
  for (const [id, schema] of Object.entries(shared)) add(id, schema);
  return components;
}

/** Only the components that `root` reaches through `$ref`s, directly or through others. */
export function reachableComponents(
  root: Json,
  components: Record<string, Json>,
): Record<string, Json> {
  const seen = new Set<string>();
  const visit = (value: Json): void => {
    for (const ref of refsIn(value)) {
      const id = ref.startsWith(COMPONENTS) ? ref.slice(COMPONENTS.length) : undefined;
      if (id === undefined || seen.has(id) || !(id in components)) continue;
      seen.add(id);
      visit(components[id]);
    }
  };
  visit(root);
  return Object.fromEntries(Object.entries(components).filter(([id]) => seen.has(id)));
}
