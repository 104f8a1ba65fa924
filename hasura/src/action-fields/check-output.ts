import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { EngineError } from '../errors/index.ts';

function unexpected(message: string): EngineError {
  return new EngineError('unexpected', message, '$', 200);
}

function checkObject(value: unknown, type: GraphQLOutputType): void {
  const named = getNamedType(type);
  if (!isObjectType(named)) return;
  if (Array.isArray(value) || typeof value !== 'object' || value === null) {
    throw unexpected(`expecting object for action webhook response but got ${Array.isArray(value) ? 'array' : typeof value}`);
  }
  const fields = named.getFields();
  const extra = Object.keys(value).filter((key) => !(key in fields));
  if (extra.length > 0) throw unexpected(`unexpected fields in webhook response: ${extra.join(', ')}`);
  for (const [name, field] of Object.entries(fields)) {
    const fieldValue = (value as Record<string, unknown>)[name];
    if (fieldValue === undefined && isNonNullType(field.type)) throw unexpected(`field "${name}" expected in webhook response, but not found`);
    checkOutput(fieldValue ?? null, field.type, name);
  }
}

/** Checks a handler's answer against the action's output type, with Hasura's messages. */
export function checkOutput(value: unknown, type: GraphQLOutputType, field = 'output'): void {
  if (value === null || value === undefined) {
    if (isNonNullType(type)) throw unexpected(`expecting not null value for field "${field}"`);
    return;
  }
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) throw unexpected('expecting array for action webhook response but got object');
    for (const item of value) checkOutput(item, inner.ofType, field);
    return;
  }
  checkObject(value, inner);
}
