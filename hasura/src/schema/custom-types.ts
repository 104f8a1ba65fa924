import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  Kind,
  parseType,
  type GraphQLNamedType,
  type GraphQLType,
  type TypeNode,
} from 'graphql';
import type { CustomTypes } from '@portal/hasura-metadata';
import { named, type BuildContext } from './context.ts';
import { builtInScalar, customScalar } from './scalars.ts';

function namedCustomType(context: BuildContext, types: CustomTypes, name: string): GraphQLNamedType {
  const builtIn = builtInScalar(name);
  if (builtIn) return builtIn;
  const existing = context.types.get(name);
  if (existing) return existing;
  const enumType = types.enums?.find((t) => t.name === name);
  if (enumType) {
    return named(context, name, () =>
      new GraphQLEnumType({
        name,
        description: enumType.description,
        values: Object.fromEntries(enumType.values.map((v) => [v.value, { value: v.value, description: v.description }])),
      }),
    );
  }
  const input = types.input_objects?.find((t) => t.name === name);
  if (input) {
    return named(context, name, () =>
      new GraphQLInputObjectType({
        name,
        description: input.description,
        fields: () => Object.fromEntries(input.fields.map((f) => [f.name, { type: customTypeRef(context, types, f.type) as never, description: f.description }])),
      }),
    );
  }
  const object = types.objects?.find((t) => t.name === name);
  if (object) {
    return named(context, name, () =>
      new GraphQLObjectType({
        name,
        description: object.description,
        fields: () => Object.fromEntries(object.fields.map((f) => [f.name, { type: customTypeRef(context, types, f.type) as never, description: f.description }])),
      }),
    );
  }
  // Scalars declared in custom_types, and Postgres scalars (uuid, timestamptz) used by actions.
  return named(context, name, () => customScalar(name));
}

function fromTypeNode(context: BuildContext, types: CustomTypes, node: TypeNode): GraphQLType {
  if (node.kind === Kind.NON_NULL_TYPE) return new GraphQLNonNull(fromTypeNode(context, types, node.type) as never);
  if (node.kind === Kind.LIST_TYPE) return new GraphQLList(fromTypeNode(context, types, node.type));
  return namedCustomType(context, types, node.name.value);
}

/** A type reference from actions metadata (`[Foo!]!`) as a GraphQL type of this role's schema. */
export function customTypeRef(context: BuildContext, types: CustomTypes, reference: string): GraphQLType {
  return fromTypeNode(context, types, parseType(reference));
}
