import { parse } from 'graphql';
import { describe, expect, test } from 'vitest';
import { measureOperation, operationToRun } from '../../src/limits/index.ts';

function measure(query: string, operationName?: string) {
  const document = parse(query);
  return measureOperation(document, operationToRun(document, operationName)!);
}

describe("Hasura's depth and node measures (docs/docs/security/api-limits.mdx)", () => {
  test("the documentation's depth examples: 1, 1, 2 and 3", () => {
    expect(measure('query deep1_1 { viewer { name } }').depth).toBe(1);
    expect(measure('query deep1_2 { viewer { ... on User { name } } }').depth).toBe(1);
    expect(measure('query deep2 { viewer { albums { title } } }').depth).toBe(2);
    const deep3 = 'query deep3 { viewer { albums { ...musicInfo songs { ...musicInfo } } } } fragment musicInfo on Music { id title artists }';
    expect(measure(deep3).depth).toBe(3);
  });

  test("the documentation's node example: a node is a field with a selection set, so 3", () => {
    const query = '{ author { name articles { id title } } homepage_entries { article_id } }';
    expect(measure(query)).toEqual({ depth: 2, nodes: 3, levels: 3, fields: 7 });
  });

  test('every alias and every spread of a fragment counts, where it is spread', () => {
    expect(measure('{ a: orders { id } b: orders { lines { id } } }')).toMatchObject({ depth: 2, nodes: 3 });
    const spread = '{ orders { ...Lines } quotes { ...Lines } } fragment Lines on x { lines { product { id } } }';
    expect(measure(spread)).toMatchObject({ depth: 3, nodes: 6 });
  });

  test('a fragment bomb is counted in full without being walked in full', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on T { a: rel { ...F${i} } b: rel { ...F${i} } }`);
    const query = `{ root { ...F${levels} } } fragment F0 on T { id } ${fragments.join(' ')}`;
    expect(measure(query)).toMatchObject({ depth: levels + 1, nodes: 1 + 2 * (2 ** levels - 1) });
  });

  test('introspection root fields add no depth (Hasura exempts them) but their nodes count', () => {
    expect(measure('{ __schema { types { fields { type { ofType { name } } } } } }')).toEqual({ depth: 0, nodes: 5, levels: 0, fields: 0 });
    expect(measure('{ __typename orders { id } }')).toEqual({ depth: 1, nodes: 1, levels: 2, fields: 3 });
  });

  test('the operation measured is the one the request runs', () => {
    const document = '{ a { b { c } } } query Deep { a { b { c { d { e } } } } }';
    expect(operationToRun(parse(document), undefined)).toBeUndefined();
    expect(measure(document, 'Deep').depth).toBe(4);
    expect(operationToRun(parse(document), 'Missing')).toBeUndefined();
  });

  test('an unknown fragment or a cycle counts as nothing (validation reports it afterwards)', () => {
    expect(measure('{ a { ...Missing } }')).toMatchObject({ depth: 1, nodes: 1 });
    expect(measure('{ a { ...A } } fragment A on T { b { ...A } }')).toMatchObject({ depth: 2, nodes: 2 });
  });
});
