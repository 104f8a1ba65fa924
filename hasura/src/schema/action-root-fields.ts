import type { GraphQLFieldConfigMap } from 'graphql';
import type { ActionMetadata, CustomTypes } from '@portal/hasura-metadata';
import type { BuildContext } from './context.ts';
import { ADMIN_ROLE } from './role-view.ts';
import { customTypeRef } from './custom-types.ts';

/** Actions a role may call: admin all, others those whose permissions name the role. */
export function actionsFor(actions: ActionMetadata[], role: string, type: 'query' | 'mutation'): ActionMetadata[] {
  return actions.filter(
    (action) => (action.definition.type ?? 'mutation') === type && (role === ADMIN_ROLE || (action.permissions ?? []).some((p) => p.role === role)),
  );
}

/** Root fields for the given actions, typed from the custom types. */
export function actionFields(context: BuildContext, actions: ActionMetadata[], types: CustomTypes): GraphQLFieldConfigMap<unknown, unknown> {
  return Object.fromEntries(
    actions.map((action) => [
      action.name,
      {
        type: customTypeRef(context, types, action.definition.output_type) as never,
        description: action.comment,
        args: Object.fromEntries(
          (action.definition.arguments ?? []).map((arg) => [arg.name, { type: customTypeRef(context, types, arg.type) as never, description: arg.description }]),
        ),
      },
    ]),
  );
}
