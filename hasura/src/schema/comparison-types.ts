import { GraphQLBoolean, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLInputFieldConfigMap, type GraphQLInputType } from 'graphql';
import type { ColumnInfo } from '../model/index.ts';
import { isComparableType } from '../model/scalar-names.ts';
import { named, type BuildContext } from './context.ts';
import { isStringLike } from './scalars.ts';
import { valueType } from './value-types.ts';

const STRING_OPERATORS = ['_like', '_nlike', '_ilike', '_nilike', '_similar', '_nsimilar', '_regex', '_nregex', '_iregex', '_niregex'];

function basicOperators(type: GraphQLInputType, comparable: boolean): GraphQLInputFieldConfigMap {
  const fields: GraphQLInputFieldConfigMap = {
    _eq: { type },
    _in: { type: new GraphQLList(new GraphQLNonNull(type)) },
    _is_null: { type: GraphQLBoolean },
    _neq: { type },
    _nin: { type: new GraphQLList(new GraphQLNonNull(type)) },
  };
  if (comparable) for (const op of ['_gt', '_gte', '_lt', '_lte']) fields[op] = { type };
  return fields;
}

function jsonbOperators(type: GraphQLInputType): GraphQLInputFieldConfigMap {
  const keys = new GraphQLList(new GraphQLNonNull(GraphQLString));
  return {
    _contained_in: { type, description: 'is the column contained in the given json value' },
    _contains: { type, description: 'does the column contain the given json value at the top level' },
    _has_key: { type: GraphQLString, description: 'does the string exist as a top-level key in the column' },
    _has_keys_all: { type: keys, description: 'do all of these strings exist as top-level keys in the column' },
    _has_keys_any: { type: keys, description: 'do any of these strings exist as top-level keys in the column' },
  };
}

function sortFields(fields: GraphQLInputFieldConfigMap): GraphQLInputFieldConfigMap {
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
}

/** `<Scalar>_comparison_exp` (or `<Scalar>_array_comparison_exp`) for a column, as Hasura names it. */
export function comparisonType(context: BuildContext, column: ColumnInfo): GraphQLInputObjectType {
  const isArray = column.elementType !== null;
  const name = `${column.scalar}${isArray ? '_array' : ''}_comparison_exp`;
  return named(context, name, () => {
    const value = valueType(context, column);
    const description = `Boolean expression to compare columns of type "${column.scalar}${isArray ? '[]' : ''}". All fields are combined with logical 'AND'.`;
    if (isArray) {
      const list = new GraphQLList(new GraphQLNonNull(value));
      const fields = { ...basicOperators(list, true), _contained_in: { type: list }, _contains: { type: list } };
      return new GraphQLInputObjectType({ name, description, fields: sortFields(fields) });
    }
    const comparable = column.enumTable === null && isComparableType(column.pgType, '');
    let fields = basicOperators(value, comparable);
    if (isStringLike(column.scalar)) for (const op of STRING_OPERATORS) fields[op] = { type: value };
    if (column.pgType === 'jsonb') fields = { ...fields, ...jsonbOperators(value) };
    return new GraphQLInputObjectType({ name, description, fields: sortFields(fields) });
  });
}
