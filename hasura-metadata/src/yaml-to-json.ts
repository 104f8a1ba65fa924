import { join, posix } from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { JsonPath } from './json-path.ts';
import { MetadataLoadError } from './problems.ts';
import type { SourceMap } from './source-map.ts';
import { parseYaml, readText, type YamlFile } from './yaml-file.ts';

const INCLUDE = '!include';

/** Where `!include` is honoured and what its paths are relative to. */
export interface IncludeScope {
  /** Folder (relative to the metadata directory) that include paths are resolved against. */
  baseDir: string;
  /** Files being included right now, to refuse include cycles. */
  chain: readonly string[];
}

export interface ConvertContext {
  metadataDir: string;
  sourceMap: SourceMap;
}

/** Reads and parses one YAML file of the metadata directory and registers it for line lookups. */
export function loadYamlFile(context: ConvertContext, file: string, wantedBy?: { file: string; path: JsonPath }): YamlFile {
  const yamlFile = parseYaml(file, readText(join(context.metadataDir, file), file, wantedBy));
  context.sourceMap.addYamlFile(yamlFile);
  return yamlFile;
}

/**
 * Converts a YAML node to JSON, remembering where each part came from. Inside an include scope a
 * node is an include when it is tagged `!include` or is a string containing `!include` (the CLI's
 * rule: split on spaces, drop the first word, trim double quotes); a `.yaml` target is parsed and
 * converted in turn (its own includes relative to its folder), anything else is inlined as text.
 * Outside a scope such strings are plain text, as for the CLI, and an `!include` tag is refused.
 */
export function yamlToJson(
  context: ConvertContext,
  yamlFile: YamlFile,
  node: Node | null | undefined,
  at: JsonPath,
  here: JsonPath,
  scope: IncludeScope | null,
): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(yamlFile.document) as Node | undefined;
    return yamlToJson(context, yamlFile, target, at, here, scope);
  }
  const where = { file: yamlFile.file, path: here };
  if (isScalar(node)) {
    if (!scope && node.tag === INCLUDE) {
      throw new MetadataLoadError(where, 'unsupported: !include is only resolved inside a source\'s "tables" and "functions"');
    }
    const includePath = scope ? includeTarget(node.tag, node.value, where) : null;
    if (includePath !== null && scope) return resolveInclude(context, includePath, at, where, scope);
    if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
      throw new MetadataLoadError(where, `unsupported YAML tag ${node.tag}`);
    }
    return node.value ?? null;
  }
  if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
    const message = node.tag === INCLUDE ? '!include must be given a file path' : `unsupported YAML tag ${node.tag}`;
    throw new MetadataLoadError(where, message);
  }
  if (isSeq(node)) {
    return node.items.map((item, index) =>
      yamlToJson(context, yamlFile, item as Node | null, [...at, index], [...here, index], scope),
    );
  }
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) throw new MetadataLoadError(where, 'mapping keys must be plain values');
      const key = String(pair.key.value);
      if (key === '<<') throw new MetadataLoadError({ ...where, path: [...here, key] }, 'unsupported: YAML merge keys');
      if (scope && key.includes(INCLUDE)) {
        throw new MetadataLoadError({ ...where, path: [...here, key] }, '!include cannot be a mapping key');
      }
      const value = yamlToJson(context, yamlFile, pair.value as Node | null, [...at, key], [...here, key], scope);
      // defineProperty so that a key such as "__proto__" stays data instead of changing the prototype.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  throw new MetadataLoadError(where, 'unsupported YAML node');
}

/** The include path a scalar names, or null when it is not an include. */
function includeTarget(tag: string | undefined, value: unknown, where: { file: string; path: JsonPath }): string | null {
  if (tag === INCLUDE) {
    if (typeof value !== 'string' || value.length === 0) throw new MetadataLoadError(where, '!include must be given a file path');
    return value;
  }
  if (typeof value !== 'string' || !value.includes(INCLUDE)) return null;
  return value.split(' ').slice(1).join(' ').replace(/^"+|"+$/g, '');
}

function resolveInclude(
  context: ConvertContext,
  includePath: string,
  at: JsonPath,
  where: { file: string; path: JsonPath },
  scope: IncludeScope,
): unknown {
  const file = posix.join(scope.baseDir, includePath);
  if (scope.chain.includes(file)) {
    throw new MetadataLoadError(where, `!include cycle: ${[...scope.chain, file].join(' -> ')}`);
  }
  if (posix.extname(file) !== '.yaml') {
    const text = readText(join(context.metadataDir, file), file, where);
    context.sourceMap.mount(at, file, []);
    return text;
  }
  const included = loadYamlFile(context, file, where);
  context.sourceMap.mount(at, file, []);
  const innerScope = { baseDir: posix.dirname(file), chain: [...scope.chain, file] };
  return yamlToJson(context, included, included.document.contents as Node | null, at, [], innerScope);
}
