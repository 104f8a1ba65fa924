import { GraphQLBoolean, GraphQLFloat, GraphQLInt, GraphQLScalarType, GraphQLString, Kind, type ValueNode } from 'graphql';

const BUILT_IN = new Map<string, GraphQLScalarType>([
  ['Int', GraphQLInt],
  ['Float', GraphQLFloat],
  ['Boolean', GraphQLBoolean],
  ['String', GraphQLString],
]);

/** A literal as the JSON value it stands for (custom scalars accept any JSON, as in Hasura). */
function literalValue(node: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (node.kind) {
    case Kind.NULL:
      return null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.LIST:
      return node.values.map((value) => literalValue(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value];
  }
}

/** Postgres types without a GraphQL built-in become custom scalars that pass JSON values through. */
export function customScalar(name: string): GraphQLScalarType {
  return new GraphQLScalarType({
    name,
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: literalValue,
  });
}

export function builtInScalar(name: string): GraphQLScalarType | undefined {
  return BUILT_IN.get(name);
}

export function isStringLike(scalar: string): boolean {
  return scalar === 'String' || scalar === 'bpchar' || scalar === 'citext' || scalar === 'name';
}
