import { z } from 'zod';

type JsonObject = Record<string, unknown>;

/**
 * Names `schema` for the document: declared once under `components.schemas/<id>` and referred to
 * wherever it appears, so a generated client gets one `Lead`. The name lives in zod's own registry,
 * beside the descriptions `.describe()` keeps there, which the document carries too.
 */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  const current = z.globalRegistry.get(schema);
  if (current?.id === id) return schema;
  if (current?.id) throw new Error(`Schema ${current.id} cannot also be named ${id}`);
  z.globalRegistry.add(schema, { ...current, id });
  return schema;
}

const DEFS = '#/$defs/';
const COMPONENTS = '#/components/schemas/';

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' && inner.startsWith(DEFS)
        ? [key, COMPONENTS + inner.slice(DEFS.length)]
        : [key, rewriteRefs(inner)],
    ),
  );
}

/**
 * JSON Schema 2020-12 (what OpenAPI 3.1 speaks) of a zod schema: `input` for what a client sends,
 * `output` for what the server answers. Named schemas are moved into `components` (the caller's map)
 * and referred to; one name with two shapes (input and output differ) is a bug, and throws.
 */
export function jsonSchemaOf(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonObject>,
): JsonObject {
  const {
    $schema: _,
    $defs,
    ...json
  } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    metadata: z.globalRegistry,
  }) as JsonObject & { $defs?: Record<string, JsonObject> };
  for (const [id, def] of Object.entries($defs ?? {})) {
    const lifted = rewriteRefs(def) as JsonObject;
    const existing = components[id];
    if (existing && JSON.stringify(existing) !== JSON.stringify(lifted))
      throw new Error(`Schema ${id} has two shapes (request and response?): name them apart`);
    components[id] = lifted;
  }
  return rewriteRefs(json) as JsonObject;
}
