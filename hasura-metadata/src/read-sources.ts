import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { loadYamlFile, yamlToJson, type ConvertContext } from './yaml-to-json.ts';

export const DATABASES_FILE = 'databases/databases.yaml';

/** Keys of a source whose values the CLI resolves `!include`s in. */
const INCLUDE_KEYS = new Set(['tables', 'functions']);

/**
 * Builds `sources` from `databases/databases.yaml`. As in the CLI, only each source's `tables` and
 * `functions` are searched for includes, and their paths are relative to `metadata/databases/`.
 */
export function readSources(context: ConvertContext): unknown {
  if (!existsSync(join(context.metadataDir, DATABASES_FILE))) return undefined;
  const yamlFile = loadYamlFile(context, DATABASES_FILE);
  context.sourceMap.mount(['sources'], DATABASES_FILE, []);
  const root = yamlFile.document.contents as Node | null;
  if (!isSeq(root)) return yamlToJson(context, yamlFile, root, ['sources'], [], null);
  return root.items.map((item, index) => {
    const at = ['sources', index];
    if (!isMap(item)) return yamlToJson(context, yamlFile, item as Node | null, at, [index], null);
    const source: Record<string, unknown> = {};
    for (const pair of item.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const scope = INCLUDE_KEYS.has(key) ? { baseDir: 'databases', chain: [DATABASES_FILE] } : null;
      source[key] = yamlToJson(context, yamlFile, pair.value as Node | null, [...at, key], [index, key], scope);
    }
    return source;
  });
}
