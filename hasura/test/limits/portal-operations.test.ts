import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, test } from 'vitest';
import { HASURA_ROLES } from '@portal/common';
import { loadMetadata } from '@portal/hasura-metadata';
import { PROJECT_METADATA } from '@portal/test-support';
import { limitFor, measureOperation, readApiLimits, type ApiLimits } from '../../src/limits/index.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LIMITS: ApiLimits = readApiLimits(loadMetadata(PROJECT_METADATA));

interface PortalOperation {
  file: string;
  operation: OperationDefinitionNode;
  /** Every role that may send it. */
  roles: readonly string[];
}

const filesUnder = (dir: string, suffix: string) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix) && !file.includes('node_modules') && !file.includes('__generated__'))
    .map((file) => join(ROOT, dir, file));

/** The web's documents (codegen's inputs); the web sends them as the signed-in user or anonymously, never as integrator. */
function webDocuments(): Array<{ file: string; document: DocumentNode }> {
  return filesUnder('web/src', '.graphql').map((file) => ({ file, document: parse(readFileSync(file, 'utf8')) }));
}

/** The documents the integrator example sends, written as template literals in its sources. */
function integratorDocuments(): Array<{ file: string; document: DocumentNode }> {
  return filesUnder('examples/integrator/src', '.ts').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/`((?:query|subscription|mutation)\b[^`]*)`/g)].map((match) => ({ file, document: parse(match[1]!) })),
  );
}

const WEB_ROLES = HASURA_ROLES.filter((role) => role !== 'integrator');

function portalOperations(): { operations: PortalOperation[]; fragments: FragmentDefinitionNode[] } {
  const sources = [
    ...webDocuments().map((source) => ({ ...source, roles: WEB_ROLES })),
    ...integratorDocuments().map((source) => ({ ...source, roles: ['integrator'] })),
  ];
  // codegen resolves a fragment from any document, so a spread may name another file's fragment.
  const fragments = sources.flatMap(({ document }) => document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION));
  const operations = sources.flatMap(({ file, document, roles }) =>
    document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((operation) => ({ file: relative(ROOT, file), operation, roles })),
  );
  return { operations, fragments };
}

/** The strictest of the roles' limits; undefined when none of them has one. */
function strictest(limit: ApiLimits['depth'], roles: readonly string[]): number | undefined {
  const values = roles.map((role) => limitFor(limit, role)).filter((value): value is number => value !== undefined);
  return values.length > 0 ? Math.min(...values) : undefined;
}

describe("the portal's own operations and metadata/api_limits.yaml", () => {
  const { operations, fragments } = portalOperations();

  test('the operations are found: the web’s documents and the integrator example’s stream', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((entry) => entry.roles.includes('integrator')).map((entry) => entry.operation.name?.value)).toContain('OrderStatusEvents');
  });

  test('every operation is within the depth and node limits of every role that sends it', () => {
    expect(LIMITS.depth, 'depth_limit is set').toBeDefined();
    expect(LIMITS.nodes, 'node_limit is set').toBeDefined();
    const over = operations.flatMap(({ file, operation, roles }) => {
      const measure = measureOperation({ kind: Kind.DOCUMENT, definitions: fragments }, operation);
      const depth = strictest(LIMITS.depth, roles)!;
      const nodes = strictest(LIMITS.nodes, roles)!;
      if (measure.depth <= depth && measure.nodes <= nodes) return [];
      return [`${file} ${operation.name?.value ?? '(anonymous)'}: depth ${measure.depth} (limit ${depth}), nodes ${measure.nodes} (limit ${nodes})`];
    });
    expect(over, 'raise the limit in metadata/api_limits.yaml (and README "API limits"), or flatten the query').toEqual([]);
  });

  test('the portal sends one operation per request, which every batch limit admits', () => {
    expect(strictest(LIMITS.batch, HASURA_ROLES) ?? Infinity).toBeGreaterThanOrEqual(1);
  });

  test('the catalogue cycle that answered a customer with 45 MB is refused', () => {
    const cycle = parse('{ products { name tenant { products { name tenant { products { name tenant { products { id name sku } } } } } } } }');
    const measure = measureOperation(cycle, cycle.definitions[0] as OperationDefinitionNode);
    expect(measure.depth).toBeGreaterThan(limitFor(LIMITS.depth, 'customer_user')!);
  });
});
