import { EngineError } from '../errors/index.ts';

/** Hasura's `path` argument on json/jsonb fields (`$.a.b[0]`, `$` optional) as `#>` path elements. */
export function jsonPathElements(path: string): string[] {
  const trimmed = path.startsWith('$') ? path.slice(1) : `.${path}`;
  const elements: string[] = [];
  const pattern = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[['"]([^'"]+)['"]\]/y;
  let index = 0;
  while (index < trimmed.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(trimmed);
    if (!match) throw new EngineError('validation-failed', `parse json path error: ${path}`, '$.selectionSet.path');
    elements.push(match[1] ?? match[2] ?? match[3]!);
    index = pattern.lastIndex;
  }
  return elements;
}
