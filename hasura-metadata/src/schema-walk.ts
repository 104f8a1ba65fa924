import type { ErrorObject } from 'ajv';
import { isPlainObject, type JsonPath } from './json-path.ts';
import { childPointer, type MetadataSchema, type SchemaNode } from './openapi-schema.ts';
import { suggestKey } from './suggest-key.ts';

/** A problem at a path of the data being checked. */
export interface SchemaIssue {
  path: JsonPath;
  message: string;
}

/**
 * Checks data against the schema node at `pointer`, walking both together. Ajv decides types,
 * enums, bounds and which `oneOf`/`anyOf` branch applies; the walk adds what Hasura's schema leaves
 * open: an object whose schema lists `properties` may hold no other key. Objects whose schema
 * names no properties (boolean expressions, column presets, payloads) stay free-form.
 */
export function walkSchema(schema: MetadataSchema, pointer: string, data: unknown, path: JsonPath): SchemaIssue[] {
  const { pointer: at, node } = schema.resolve(pointer);
  const branches = node.oneOf ?? node.anyOf;
  if (Array.isArray(branches)) {
    const keyword = node.oneOf ? 'oneOf' : 'anyOf';
    return walkBranches(schema, at, keyword, branches.length, data, path);
  }
  if (isPlainObject(data) && acceptsType(node, 'object') && hasObjectShape(node)) {
    return walkObject(schema, at, node, data, path);
  }
  if (Array.isArray(data) && acceptsType(node, 'array') && isPlainObject(node.items)) {
    return data.flatMap((item, index) => walkSchema(schema, childPointer(at, 'items'), item, [...path, index]));
  }
  return ajvIssues(schema, at, data, path);
}

function walkObject(
  schema: MetadataSchema,
  at: string,
  node: SchemaNode,
  data: Record<string, unknown>,
  path: JsonPath,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const properties = isPlainObject(node.properties) ? node.properties : undefined;
  const required = Array.isArray(node.required) ? node.required.filter((key): key is string => typeof key === 'string') : [];
  for (const key of required) {
    if (!Object.hasOwn(data, key)) issues.push({ path, message: `missing required key "${key}"` });
  }
  for (const [key, value] of Object.entries(data)) {
    if (properties && Object.hasOwn(properties, key)) {
      issues.push(...walkSchema(schema, childPointer(at, 'properties', key), value, [...path, key]));
    } else if (isPlainObject(node.additionalProperties)) {
      issues.push(...walkSchema(schema, childPointer(at, 'additionalProperties'), value, [...path, key]));
    } else if (properties) {
      const allowed = Object.keys(properties).sort();
      const hint = suggestKey(key, allowed);
      const suggestion = hint ? ` (did you mean "${hint}"?)` : '';
      issues.push({ path: [...path, key], message: `unknown key "${key}"${suggestion}; allowed here: ${allowed.join(', ')}` });
    }
  }
  return issues;
}

/**
 * A value must fit one branch (`oneOf`: exactly one) both for Ajv and for the strict walk. When
 * none fits, the branch that fits best explains why: one that accepts the value's JSON type, then
 * one whose enum-valued keys (`version`, `kind`, …) agree with the value, then the one with the
 * fewest problems; so a Postgres source with one typo is not reported as "not a BigQuery source".
 */
function walkBranches(
  schema: MetadataSchema,
  at: string,
  keyword: 'oneOf' | 'anyOf',
  count: number,
  data: unknown,
  path: JsonPath,
): SchemaIssue[] {
  const pointers = Array.from({ length: count }, (_, index) => childPointer(at, keyword, index));
  const passing = pointers.filter((pointer) => schema.validator(pointer)(data));
  const clean = passing.filter((pointer) => walkSchema(schema, pointer, data, path).length === 0);
  if (clean.length === 1 || (keyword === 'anyOf' && clean.length > 1)) return [];
  if (clean.length > 1) {
    // Hasura's oneOfs are not always exclusive (a Postgres source also fits the open "data
    // connector" shape); the branch that pins a key to the given value (`kind: postgres`) wins.
    const pinned = mostPinned(schema, clean, data);
    if (pinned.length === 1) return [];
    return [{ path, message: `matches more than one of the ${keyword} alternatives of ${at}` }];
  }
  const candidates = (passing.length > 0 ? passing : pointers).map((pointer) => ({
    fitsType: acceptsType(schema.resolve(pointer).node, jsonType(data)),
    agrees: enumKeysAgree(schema, pointer, data),
    issues: walkSchema(schema, pointer, data, path),
  }));
  candidates.sort(
    (a, b) =>
      Number(b.fitsType) - Number(a.fitsType) || Number(b.agrees) - Number(a.agrees) || a.issues.length - b.issues.length,
  );
  return candidates[0]?.issues ?? [{ path, message: `no ${keyword} alternative of ${at}` }];
}

/** The branches with the most keys whose enum the data's value is in. */
function mostPinned(schema: MetadataSchema, pointers: string[], data: unknown): string[] {
  const scored = pointers.map((pointer) => ({ pointer, pins: pinnedKeys(schema, pointer, data) }));
  const best = Math.max(...scored.map((entry) => entry.pins));
  return scored.filter((entry) => entry.pins === best).map((entry) => entry.pointer);
}

function pinnedKeys(schema: MetadataSchema, pointer: string, data: unknown): number {
  const { pointer: at, node } = schema.resolve(pointer);
  if (!isPlainObject(data) || !isPlainObject(node.properties)) return 0;
  return Object.keys(node.properties).filter((key) => {
    if (!Object.hasOwn(data, key)) return false;
    const property = schema.resolve(childPointer(at, 'properties', key)).node;
    return Array.isArray(property.enum) && property.enum.includes(data[key]);
  }).length;
}

/** False when the data sets a key whose schema is an enum to a value outside it. */
function enumKeysAgree(schema: MetadataSchema, pointer: string, data: unknown): boolean {
  const { pointer: at, node } = schema.resolve(pointer);
  if (!isPlainObject(data) || !isPlainObject(node.properties)) return true;
  return Object.keys(node.properties).every((key) => {
    if (!Object.hasOwn(data, key)) return true;
    const property = schema.resolve(childPointer(at, 'properties', key)).node;
    return !Array.isArray(property.enum) || property.enum.includes(data[key]);
  });
}

function ajvIssues(schema: MetadataSchema, at: string, data: unknown, path: JsonPath): SchemaIssue[] {
  const validate = schema.validator(at);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => ({
    path: [...path, ...instancePath(error, data)],
    message: describeError(error),
  }));
}

/** Ajv's error path as path segments, with array indexes as numbers. */
export function instancePath(error: ErrorObject, data: unknown): JsonPath {
  const segments: (string | number)[] = [];
  let current = data;
  for (const token of error.instancePath.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current)) {
      segments.push(Number(key));
      current = current[Number(key)];
    } else {
      segments.push(key);
      current = isPlainObject(current) ? current[key] : undefined;
    }
  }
  return segments;
}

export function describeError(error: ErrorObject): string {
  const params = error.params as { allowedValues?: unknown[] };
  if (error.keyword === 'enum' && params.allowedValues) {
    return `${error.message ?? 'invalid value'}: ${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return error.message ?? `fails ${error.keyword}`;
}

function hasObjectShape(node: SchemaNode): boolean {
  return isPlainObject(node.properties) || isPlainObject(node.additionalProperties);
}

function jsonType(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  return typeof data === 'object' ? 'object' : typeof data;
}

/** Whether the node's `type` (if any) admits this JSON type; numbers include integers. */
function acceptsType(node: SchemaNode, type: string): boolean {
  const declared = node.type;
  if (declared === undefined) return true;
  const types = Array.isArray(declared) ? declared : [declared];
  return types.includes(type) || (type === 'number' && types.includes('integer'));
}
