/**
 * Hasura's Postgres-to-GraphQL scalar names: a few types map to GraphQL's built-in scalars, every
 * other type keeps its Postgres name as a custom scalar.
 */
const BUILT_IN: Record<string, string> = {
  int4: 'Int',
  float4: 'Float',
  bool: 'Boolean',
  text: 'String',
  varchar: 'String',
};

const RENAMED: Record<string, string> = {
  int2: 'smallint',
  int8: 'bigint',
};

const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'money']);

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

export function scalarNameFor(typname: string): string {
  const name = BUILT_IN[typname] ?? RENAMED[typname] ?? typname;
  if (!GRAPHQL_NAME.test(name)) {
    throw new Error(`cannot use SQL type ${JSON.stringify(typname)} in the GraphQL schema because its name is not a valid GraphQL identifier`);
  }
  return name;
}

export function isNumericType(typname: string): boolean {
  return NUMERIC.has(typname);
}

/** Types whose values can be ordered, so `_gt`/`_lt` and `max`/`min` make sense. */
export function isComparableType(typname: string, category: string): boolean {
  return !['json', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle', 'xml'].includes(typname) && category !== 'A';
}
