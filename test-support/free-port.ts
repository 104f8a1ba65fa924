export { freePort } from '../hasura/src/postgres/free-port.ts';
