import { readFileSync } from 'node:fs';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { JsonPath } from './json-path.ts';
import { MetadataLoadError } from './problems.ts';

/** One parsed YAML file of the metadata directory, kept so errors can name lines in it. */
export interface YamlFile {
  /** Relative to the metadata directory, `/`-separated. */
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/** Reads a file's text, turning "not there" into an error that names the file that wanted it. */
export function readText(absolutePath: string, file: string, wantedBy?: { file: string; path: JsonPath }): string {
  try {
    return readFileSync(absolutePath, 'utf8');
  } catch (error) {
    const where = wantedBy ?? { file, path: [] };
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    throw new MetadataLoadError(where, `${reason}: ${file}`, { cause: error });
  }
}

/**
 * Parses YAML as the Hasura CLI's YAML library does for metadata: duplicate keys are errors, and
 * tags other than `!include` are refused rather than guessed at.
 */
export function parseYaml(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problem = document.errors[0];
  if (problem) {
    const line = lineCounter.linePos(problem.pos[0]).line;
    throw new MetadataLoadError({ file, path: [], line }, `invalid YAML: ${problem.message.split('\n')[0]}`);
  }
  return { file, document, lineCounter };
}

/** The node at `path` in the file, or the deepest node on the way there. */
export function nodeAt(yamlFile: YamlFile, path: JsonPath): Node | null {
  let node: Node | null = (yamlFile.document.contents as Node | null) ?? null;
  for (const segment of path) {
    if (node && isAlias(node)) node = (node.resolve(yamlFile.document) as Node | undefined) ?? null;
    if (!node) return null;
    let next: Node | null = null;
    if (isMap(node) && typeof segment === 'string') {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      next = pair ? ((pair.value as Node | null) ?? (pair.key as Node)) : null;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = (node.items[segment] as Node | undefined) ?? null;
    }
    if (!next) return node;
    node = next;
  }
  return node;
}

/** 1-based line of the node at `path` (or of its nearest existing ancestor). */
export function lineAt(yamlFile: YamlFile, path: JsonPath): number | undefined {
  const node = nodeAt(yamlFile, path);
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : yamlFile.lineCounter.linePos(offset).line;
}
