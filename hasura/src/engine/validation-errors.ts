import type { GraphQLError } from 'graphql';
import { EngineError } from '../errors/index.ts';

const UNKNOWN_FIELD = /^Cannot query field "([^"]+)" on type "([^"]+)"\./;

/** graphql-js validation errors in Hasura's words where Hasura's differ (unknown fields). */
export function toEngineError(error: GraphQLError): EngineError {
  const unknownField = UNKNOWN_FIELD.exec(error.message);
  if (unknownField) {
    const [, field, type] = unknownField;
    return new EngineError('validation-failed', `field '${field}' not found in type: '${type}'`, `$.selectionSet.${field}`);
  }
  if (error.message.startsWith('Schema is not configured to execute mutation')) {
    return new EngineError('validation-failed', 'no mutations exist', '$');
  }
  if (error.message.startsWith('Schema is not configured to execute subscription')) {
    return new EngineError('validation-failed', 'no subscriptions exist', '$');
  }
  return new EngineError('validation-failed', error.message, '$');
}
