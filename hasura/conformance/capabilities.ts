import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Engine } from '../src/engine/index.ts';
import type { Step } from './driver.ts';

/** Endpoints the engine does not serve, by the feature's name. */
const UNSERVED_URLS: Array<[RegExp, string]> = [
  [/^\/v1beta1\/relay/, 'the Relay API (/v1beta1/relay)'],
  [/^\/v1\/graphql\/explain/, 'the explain API (/v1/graphql/explain)'],
  [/^\/api\/rest\//, 'REST endpoints (/api/rest)'],
  [/^\/v2\/graphql/, 'the /v2/graphql endpoint'],
];

const requestsOf = (query: unknown): Array<{ query?: unknown }> => (Array.isArray(query) ? query : [query]).filter((item) => typeof item === 'object' && item !== null);

function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
    return fragment && 'selectionSet' in fragment ? rootFields(document, fragment.selectionSet, seen) : [];
  });
}

const expectsError = (step: Step) => typeof step.response === 'object' && step.response !== null && ('errors' in step.response || 'error' in step.response);

/** Mutation root fields a step asks for that the engine's admin schema lacks entirely. */
function missingOperations(engine: Engine, step: Step): string | null {
  const mutationRoot = engine.current.schemas.get('admin').schema.getMutationType();
  const tableMutations = Object.keys(mutationRoot?.getFields() ?? {}).some((name) => /^(insert|update|delete)_/.test(name));
  for (const request of requestsOf(step.query)) {
    if (typeof request.query !== 'string') continue;
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch {
      continue;
    }
    for (const operation of document.definitions) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      const fields = rootFields(document, operation.selectionSet).filter((name) => !name.startsWith('__'));
      if (operation.operation === 'mutation' && !tableMutations) return `mutations (${fields.join(', ')}), which the engine does not support yet`;
    }
  }
  return null;
}

/**
 * Why a test file cannot run on this engine, naming the feature, or null. A file with a mutation
 * the engine cannot run is skipped even where Hasura expects an error: an engine that refuses
 * every mutation would pass such steps without testing anything. An unserved endpoint is only a
 * skip where Hasura answers it (a step expecting an error or a 404 still runs).
 */
export function unsupportedFeature(engine: Engine, steps: Step[]): string | null {
  for (const step of steps) {
    const missing = /graphql$/.test(step.url ?? '') ? missingOperations(engine, step) : null;
    if (missing) return missing;
    if ((step.status ?? 200) !== 200 || expectsError(step)) continue;
    const unserved = UNSERVED_URLS.find(([pattern]) => typeof step.url === 'string' && pattern.test(step.url));
    if (unserved) return unserved[1];
  }
  return null;
}
