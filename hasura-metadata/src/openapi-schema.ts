import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { isPlainObject, pointerToken } from './json-path.ts';

/** Hasura's own JSON schema of metadata, kept beside this package (see its SOURCE note). */
export const METADATA_SCHEMA_FILE = fileURLToPath(new URL('../metadata.openapi.json', import.meta.url));

const DOCUMENT_ID = 'https://hasura.io/metadata.openapi.json';
const COMPONENTS = '#/components/schemas';
/** The component describing a whole metadata object (a oneOf of format versions 1 to 3). */
export const METADATA_ROOT = `${COMPONENTS}/Metadata`;

export type SchemaNode = Record<string, unknown>;

/**
 * The schema prepared for Ajv, plus lookups by JSON pointer so a walker can move through it in
 * step with the data. Pointers are fragments of this one document (`#/components/schemas/X/...`).
 */
export interface MetadataSchema {
  /** The node at a pointer, following `$ref`s until a node without one; `pointer` is where it ended. */
  resolve(pointer: string): { pointer: string; node: SchemaNode };
  /** An Ajv validator for the (sub)schema at a pointer, compiled once. */
  validator(pointer: string): ValidateFunction;
}

/**
 * OpenAPI 3.0 writes "may also be null" as `nullable: true`; JSON Schema spells it as a `null`
 * type (or an `anyOf` branch when no type is given). Everything else is used as Hasura wrote it.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isPlainObject(node)) return node;
  const converted: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'nullable') converted[key] = key === 'enum' || key === 'default' ? value : toJsonSchema(value);
  }
  if (node.nullable !== true) return converted;
  if (typeof converted.type === 'string') {
    converted.type = [converted.type, 'null'];
    if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
    return converted;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

let cached: { file: string; schema: MetadataSchema } | undefined;

/** Loads and prepares the schema; the result is cached per file. */
export function loadMetadataSchema(file = METADATA_SCHEMA_FILE): MetadataSchema {
  if (cached?.file === file) return cached.schema;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { components?: { schemas?: unknown } };
  if (!isPlainObject(raw.components?.schemas)) throw new Error(`${file} has no components.schemas`);
  const document = { $id: DOCUMENT_ID, components: { schemas: toJsonSchema(raw.components.schemas) } };
  const schema = prepare(document);
  cached = { file, schema };
  return schema;
}

function prepare(document: SchemaNode): MetadataSchema {
  // strict: false because the document carries OpenAPI-only keys (`components`, `default` beside
  // `$ref` targets) that are annotations, not constraints.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema(document);
  const validators = new Map<string, ValidateFunction>();

  function nodeAt(pointer: string): SchemaNode {
    let node: unknown = document;
    for (const token of pointer.replace(/^#\//, '').split('/')) {
      const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
      node = Array.isArray(node) ? node[Number(key)] : isPlainObject(node) ? node[key] : undefined;
      if (node === undefined) throw new Error(`no schema at ${pointer}`);
    }
    if (!isPlainObject(node)) throw new Error(`schema at ${pointer} is not an object`);
    return node;
  }

  return {
    resolve(pointer) {
      let current = pointer;
      for (let hops = 0; hops < 64; hops++) {
        const node = nodeAt(current);
        if (typeof node.$ref !== 'string') return { pointer: current, node };
        current = node.$ref;
      }
      throw new Error(`$ref chain too long at ${pointer}`);
    },
    validator(pointer) {
      let validate = validators.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
        validators.set(pointer, validate);
      }
      return validate;
    },
  };
}

/** The pointer of a child of the node at `pointer`. */
export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  return [pointer, ...tokens.map(pointerToken)].join('/');
}
