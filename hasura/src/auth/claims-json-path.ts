/**
 * The JSON paths of `claims_namespace_path` (`$.hasura.claims`, `$['a.b'][0]`, `$`): parsed once
 * when the JWT secret is read, then looked up in every token's claims.
 */
export type ClaimsPathElement = { key: string } | { index: number };
export type ClaimsPath = ClaimsPathElement[];

const DOT_KEY = /^\.([A-Za-z_$][A-Za-z0-9_$-]*)/;
const QUOTED_KEY = /^\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/;
const INDEX = /^\[(\d+)\]/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses a path; throws with a message that says where it stopped. */
export function parseClaimsPath(text: string): ClaimsPath {
  let rest = text.startsWith('$') ? text.slice(1) : `.${text}`;
  if (text === '') throw new Error('the path is empty');
  const path: ClaimsPath = [];
  while (rest.length > 0) {
    const dot = DOT_KEY.exec(rest);
    const quoted = dot ? null : QUOTED_KEY.exec(rest);
    const index = dot || quoted ? null : INDEX.exec(rest);
    const match = dot ?? quoted ?? index;
    if (!match) throw new Error(`unexpected "${rest}" in "${text}"`);
    if (index) path.push({ index: Number(index[1]) });
    else path.push({ key: (dot ? dot[1] : (quoted![1] ?? quoted![2]))!.replace(/\\(.)/g, '$1') });
    rest = rest.slice(match[0].length);
  }
  return path;
}

/** The value at `path`, or undefined when any step is missing. */
export function lookupClaimsPath(value: unknown, path: ClaimsPath): unknown {
  let current = value;
  for (const element of path) {
    if ('key' in element) {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
      if (!Object.hasOwn(current, element.key)) return undefined;
      current = (current as Record<string, unknown>)[element.key];
    } else {
      if (!Array.isArray(current)) return undefined;
      current = current[element.index];
    }
  }
  return current;
}

/** The path written the way Hasura writes paths in its messages (`$.a['b.c'][0]`). */
export function formatClaimsPath(path: ClaimsPath): string {
  return path
    .map((element) => {
      if ('index' in element) return `[${element.index}]`;
      return PLAIN_KEY.test(element.key) ? `.${element.key}` : `['${element.key.replace(/'/g, "\\'")}']`;
    })
    .reduce((text, part) => text + part, '$');
}
