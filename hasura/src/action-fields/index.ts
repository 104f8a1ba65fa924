/** Action root fields at request time: the handler call Hasura makes, its checked and shaped answer. */
export { runActionField, type ActionRequest } from './run-action-field.ts';
