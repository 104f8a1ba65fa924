export * from './catalog-types.ts';
export { introspectCatalog } from './introspect.ts';
