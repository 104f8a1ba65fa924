// graphql-codegen looks for its configuration here, at the repository root; the web owns it.
export { default } from './web/codegen/config.ts';
