/**
 * Hasura's metadata and query APIs (`/v1/query`, `/v2/query`, `/v1/metadata`) for the dev engine:
 * the HTTP server calls `handleMetadataApi` after checking admin rights.
 */
export { handleMetadataApi } from './handle-request.ts';
export { supportedTypes, type ApiPath } from './registry.ts';
