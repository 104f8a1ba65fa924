import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  isTypeDefinitionNode,
  Kind,
  parse,
  print,
  visit,
  type FieldDefinitionNode,
  type ObjectTypeExtensionNode,
  type TypeDefinitionNode,
} from 'graphql';
import { parse as parseYaml } from 'yaml';

interface ActionMetadata {
  name: string;
  permissions?: Array<{ role: string }>;
}

const ROOTS = { Query: 'query_root', Mutation: 'mutation_root' } as const;

/** Every named type a set of fields mentions, followed through the action types that define them. */
function referencedTypes(fields: readonly FieldDefinitionNode[], definitions: ReadonlyMap<string, TypeDefinitionNode>): Set<string> {
  const seen = new Set<string>();
  const queue: unknown[] = [...fields];
  while (queue.length > 0) {
    visit(queue.pop() as FieldDefinitionNode, {
      NamedType(node) {
        const name = node.name.value;
        if (seen.has(name)) return;
        seen.add(name);
        const definition = definitions.get(name);
        if (definition) queue.push(definition);
      },
    });
  }
  return seen;
}

/**
 * The actions the `anonymous` role may call (sign-in, registration, password reset, …) are absent
 * from `customer_admin.graphql`, which describes a signed-in customer. This returns them as SDL
 * built from the metadata itself (`metadata/actions.graphql` and the roles in `actions.yaml`), so
 * that code generation checks the sign-in operations against the same definitions the engine
 * serves: `extend type mutation_root { … }` plus the action types the admin schema lacks.
 */
export function anonymousActionsSDL(root: string, signedInSchemaSDL: string): string {
  const metadata = parseYaml(readFileSync(join(root, 'metadata/actions.yaml'), 'utf8')) as { actions: ActionMetadata[] };
  const anonymous = new Set(metadata.actions.filter((a) => a.permissions?.some((p) => p.role === 'anonymous')).map((a) => a.name));
  const signedIn = buildSchema(signedInSchemaSDL);
  const actions = parse(readFileSync(join(root, 'metadata/actions.graphql'), 'utf8'));

  const definitions = new Map<string, TypeDefinitionNode>();
  const rootFields: Record<keyof typeof ROOTS, FieldDefinitionNode[]> = { Query: [], Mutation: [] };
  for (const definition of actions.definitions) {
    if (!isTypeDefinitionNode(definition)) continue;
    const rootName = definition.name.value;
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && (rootName === 'Query' || rootName === 'Mutation')) {
      const known = (rootName === 'Query' ? signedIn.getQueryType() : signedIn.getMutationType())?.getFields() ?? {};
      rootFields[rootName].push(...(definition.fields ?? []).filter((f) => anonymous.has(f.name.value) && !(f.name.value in known)));
    } else {
      definitions.set(rootName, definition);
    }
  }

  const added = [...rootFields.Query, ...rootFields.Mutation];
  const missingTypes = [...referencedTypes(added, definitions)]
    .filter((name) => !signedIn.getType(name))
    .map((name) => {
      const definition = definitions.get(name);
      if (!definition) throw new Error(`metadata/actions.graphql: type ${name} is used by an anonymous action but not defined`);
      return definition;
    });
  const extensions: ObjectTypeExtensionNode[] = (Object.keys(ROOTS) as Array<keyof typeof ROOTS>)
    .filter((key) => rootFields[key].length > 0)
    .map((key) => ({ kind: Kind.OBJECT_TYPE_EXTENSION, name: { kind: Kind.NAME, value: ROOTS[key] }, fields: rootFields[key] }));
  return print({ kind: Kind.DOCUMENT, definitions: [...missingTypes, ...extensions] });
}
