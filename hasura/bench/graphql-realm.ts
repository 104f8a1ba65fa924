import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';

type ResolveFilename = (this: unknown, request: string, ...rest: unknown[]) => string;

/**
 * Loads PostGraphile v4 with one copy of `graphql` (v15) and of `graphile-build`.
 *
 * The workspace's own `graphql` is v16, so npm nests PostGraphile's v15 under each graphile package
 * that it hoists (`postgraphile/node_modules/graphql`, `graphile-build-pg/node_modules/graphql`), and
 * `graphql-parse-resolve-info` even gets v16: every query then fails with "Cannot use GraphQLScalarType
 * from another module or realm". A root `overrides` entry would fix the tree for everyone; without
 * it, this process (which runs nothing but PostGraphile) sends every CommonJS `require` of those
 * packages to PostGraphile's own copies. Call before PostGraphile is first required.
 */
export function loadPostGraphile(): typeof import('postgraphile') {
  const fromHere = createRequire(import.meta.url);
  const fromPostGraphile = createRequire(fromHere.resolve('postgraphile/package.json'));
  const pinned = new Map(
    ['graphql', 'graphile-build'].map((name) => [name, dirname(fromPostGraphile.resolve(`${name}/package.json`))]),
  );
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = loader._resolveFilename;
  loader._resolveFilename = function resolvePinned(request, ...rest) {
    const name = request.split('/')[0]!;
    const directory = pinned.get(name);
    return original.call(this, directory === undefined ? request : `${directory}${request.slice(name.length)}`, ...rest);
  };
  return fromHere('postgraphile') as typeof import('postgraphile');
}
