/** Public API of the development object storage. */
export { startDevStorage, DEV_STORAGE_CREDENTIALS, type DevStorage, type DevStorageOptions } from './dev-storage.ts';
