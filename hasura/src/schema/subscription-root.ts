import { GraphQLObjectType, type GraphQLFieldConfigMap } from 'graphql';
import type { SubscriptionFieldKind } from '../model/index.ts';
import { permissionOf, type BuildContext } from './context.ts';
import { tableRootFields, type RootFieldFilter, type RootFieldTarget } from './query-root.ts';
import { streamField } from './stream-types.ts';

const bySubscriptionRootFields = (permission: NonNullable<ReturnType<typeof permissionOf>>, kind: SubscriptionFieldKind) =>
  permission.subscriptionRootFields === null || permission.subscriptionRootFields.has(kind);

/**
 * `subscription_root`: per table the role may select, the query root's fields and `<t>_stream`,
 * as `subscription_root_fields` allows (absent: all). Undefined when the role may select nothing.
 */
export function subscriptionRoot(context: BuildContext, targets: Map<string, RootFieldTarget>): GraphQLObjectType | undefined {
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  const tables = [...context.model.tables.values()].sort((a, b) => a.baseName.localeCompare(b.baseName));
  const filter: RootFieldFilter = bySubscriptionRootFields;
  for (const table of tables) {
    Object.assign(fields, tableRootFields(context, table, targets, filter));
    const permission = permissionOf(context, table);
    if (permission && bySubscriptionRootFields(permission, 'select_stream')) {
      fields[table.rootFields.select_stream] = streamField(context, table);
      targets.set(table.rootFields.select_stream, { kind: 'select_stream', table });
    }
  }
  if (Object.keys(fields).length === 0) return undefined;
  return new GraphQLObjectType({ name: 'subscription_root', fields });
}
