/**
 * fastify-type-provider-zod emits every registered schema twice, `X` (as the server writes it)
 * and `XInput` (as it reads it), even when both are the same. This keeps one component per shape:
 * pairs that differ at most by the output's `additionalProperties: false` collapse into `X` (with
 * the input's wording, which accepts what the server sends), components nothing refers to go, and
 * an input left alone drops its suffix. `$schema` and `$id` go from each component: the
 * document's dialect is JSON Schema 2020-12 already, and a fragment is not a valid `$id`.
 */
type Json = unknown;
type Schemas = Record<string, Json>;

const PREFIX = '#/components/schemas/';

export function tidyComponents<T extends { components?: { schemas?: Schemas } }>(doc: T): T {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const inputVariants = Object.keys(schemas).filter((id) => id.endsWith('Input') && outputOf(id) in schemas);
  const bare = Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutIds(schema)]));
  const pairs = collapseIdenticalPairs(bare);
  for (const [input, output] of pairs) bare[output] = bare[input];
  let result: T = renameRefs({ ...doc, components: { ...doc.components, schemas: bare } }, pairs);
  result = pruneUnused(result);
  const kept = result.components!.schemas!;
  const lonelyInputs = inputVariants.filter((id) => id in kept && !(outputOf(id) in kept));
  return renameRefs(result, new Map(lonelyInputs.map((id) => [id, outputOf(id)])));
}

const outputOf = (inputId: string): string => inputId.slice(0, -'Input'.length);

/** `XInput` → `X` for every pair that is the same once the pairs it refers to are merged too. */
function collapseIdenticalPairs(schemas: Schemas): Map<string, string> {
  const same = new Set(Object.keys(schemas).filter((id) => `${id}Input` in schemas));
  for (let changed = true; changed; ) {
    changed = false;
    const merge = new Map([...same].map((id) => [`${id}Input`, id]));
    for (const id of same) {
      if (JSON.stringify(comparable(schemas[`${id}Input`], merge)) !== JSON.stringify(comparable(schemas[id], merge))) {
        same.delete(id);
        changed = true;
      }
    }
  }
  return new Map([...same].map((id) => [`${id}Input`, id]));
}

/** Renames components (old → new) and every `$ref` to them; onto an existing one, the old one goes. */
function renameRefs<T extends { components?: { schemas?: Schemas } }>(doc: T, renames: Map<string, string>): T {
  if (renames.size === 0) return doc;
  const next = withRefs(doc, renames) as T;
  const current = next.components!.schemas!;
  const schemas: Schemas = {};
  for (const [id, schema] of Object.entries(current)) {
    const target = renames.get(id);
    if (target === undefined) schemas[id] = schema;
    else if (!(target in current)) schemas[target] = schema;
  }
  return { ...next, components: { ...next.components, schemas } };
}

function withoutIds(schema: Json): Json {
  if (schema === null || typeof schema !== 'object') return schema;
  const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, Json>;
  return rest;
}

/** The schema with merged refs and without `additionalProperties: false`, to compare a pair. */
function comparable(value: Json, renames: Map<string, string>): Json {
  const renamed = withRefs(value, renames);
  return JSON.parse(JSON.stringify(renamed, (key, item: Json) => (key === 'additionalProperties' && item === false ? undefined : item)));
}

function withRefs(value: Json, renames: Map<string, string>): Json {
  if (Array.isArray(value)) return value.map((item) => withRefs(item, renames));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith(PREFIX)) {
      const id = item.slice(PREFIX.length);
      out[key] = PREFIX + (renames.get(id) ?? id);
    } else {
      out[key] = withRefs(item, renames);
    }
  }
  return out;
}

function refsIn(value: Json, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(PREFIX)) found.add(item.slice(PREFIX.length));
      else refsIn(item, found);
    }
  }
  return found;
}

/** Keeps the components reachable from the operations (directly or through other components). */
function pruneUnused<T extends { components?: { schemas?: Schemas } }>(doc: T): T {
  const schemas = doc.components!.schemas!;
  const { components, ...rest } = doc;
  const reachable = refsIn(rest, new Set());
  const queue = [...reachable];
  while (queue.length > 0) {
    for (const id of refsIn(schemas[queue.pop()!], new Set())) {
      if (!reachable.has(id)) {
        reachable.add(id);
        queue.push(id);
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([id]) => reachable.has(id)));
  return { ...doc, components: { ...components, schemas: kept } };
}
