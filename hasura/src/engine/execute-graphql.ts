import {
  GraphQLError,
  Kind,
  execute,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import type pg from 'pg';
import { CompileContext, collectFields, compileRootQuery, type Session } from '../compile/index.ts';
import { EngineError } from '../errors/index.ts';
import type { RoleSchema } from '../schema/index.ts';
import { compileSQL } from '../sql/index.ts';
import { fromDatabaseError } from './database-errors.ts';
import type { EngineState } from './engine-state.ts';
import type { GraphQLRequest } from './graphql-request.ts';
import { toEngineError } from './validation-errors.ts';

export interface RequestSession {
  role: string;
  /** Session variables, lower-case names, including `x-hasura-role`. */
  variables: Session;
}

function parseDocument(query: string): DocumentNode {
  try {
    return parse(query);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message.replace(/^Syntax Error: /, '') : 'not a valid graphql query';
    throw new EngineError('validation-failed', `not a valid graphql query: ${message}`, '$.query');
  }
}

function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) {
    const found = operations.find((operation) => operation.name?.value === operationName);
    if (!found) throw new EngineError('validation-failed', `no such operation found in the document: "${operationName}"`);
    return found;
  }
  if (operations.length !== 1) throw new EngineError('validation-failed', 'exactly one operation has to be present in the document when operationName is not specified');
  return operations[0]!;
}

function coerceVariables(roleSchema: RoleSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown>): Record<string, unknown> {
  const result = getVariableValues(roleSchema.schema, operation.variableDefinitions ?? [], inputs);
  if (result.errors) throw new EngineError('validation-failed', result.errors[0]!.message, '$.variableValues');
  return result.coerced;
}

const isIntrospection = (name: string) => name === '__schema' || name === '__type';

/** Introspection root fields, answered by graphql-js from the role's schema. */
async function introspect(roleSchema: RoleSchema, document: DocumentNode, operation: OperationDefinitionNode, fields: FieldNode[], variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const only: OperationDefinitionNode = { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: fields } };
  const definitions = document.definitions.map((d) => (d === operation ? only : d));
  const result = await execute({ schema: roleSchema.schema, document: { ...document, definitions }, variableValues: variables });
  if (result.errors) throw new EngineError('unexpected', result.errors[0]!.message);
  return result.data ?? {};
}

/**
 * Runs one GraphQL request for a session and returns the response body as JSON text. Database
 * fields compile to one SQL statement whose JSON result is passed through without re-encoding.
 */
export async function executeGraphQL(state: EngineState, pool: pg.Pool, session: RequestSession, request: GraphQLRequest): Promise<string> {
  const roleSchema = state.schemas.get(session.role);
  const document = parseDocument(request.query);
  const validationErrors = validate(roleSchema.schema, document);
  if (validationErrors.length > 0) throw toEngineError(validationErrors[0]!);
  const operation = selectOperation(document, request.operationName);
  if (operation.operation !== 'query') throw new EngineError('not-supported', `${operation.operation}s are not supported by the development engine yet`);
  const variables = coerceVariables(roleSchema, operation, request.variables ?? {});
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const context = new CompileContext(state.model, roleSchema, session.variables, variables, fragments);
  const fields = collectFields(context, [operation.selectionSet]);
  const databaseFields = new Map([...fields].filter(([, nodes]) => !isIntrospection(nodes[0]!.name.value)));
  const introspectionNodes = [...fields.values()].flat().filter((node) => isIntrospection(node.name.value));
  const statement = compileSQL(compileRootQuery(context, databaseFields));
  const data = await pool.query<{ data: string }>(statement.text, statement.values).then((r) => r.rows[0]!.data, (error: unknown) => {
    throw fromDatabaseError(error);
  });
  if (introspectionNodes.length === 0) return `{"data":${data}}`;
  const answered = { ...(JSON.parse(data) as Record<string, unknown>), ...(await introspect(roleSchema, document, operation, introspectionNodes, variables)) };
  return JSON.stringify({ data: Object.fromEntries([...fields.keys()].map((key) => [key, answered[key]])) });
}
