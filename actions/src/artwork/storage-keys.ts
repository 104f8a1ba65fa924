/**
 * Object keys are chosen by the server, never from the client's file name: one folder per file
 * under its tenant and customer, so a key says whose file it is and nothing a customer typed.
 */
export function originalKey(tenantId: string, customerId: string, fileId: string): string {
  return `tenants/${tenantId}/customers/${customerId}/artwork/${fileId}/original`;
}

export function previewKey(originalKey: string): string {
  return originalKey.replace(/\/original$/, '/preview.png');
}

export function thumbnailKey(originalKey: string): string {
  return originalKey.replace(/\/original$/, '/thumbnail.png');
}

/** Page `page` (1-based) of a proof file, rendered as PNG. */
export function pagePreviewKey(originalKey: string, page: number): string {
  return originalKey.replace(/\/original$/, `/pages/${page}.png`);
}

/** Infected files move under their own prefix, which no download path ever signs. */
export const QUARANTINE_PREFIX = 'quarantine/';

export function quarantineKey(key: string): string {
  return `${QUARANTINE_PREFIX}${key}`;
}

export function isQuarantined(key: string): boolean {
  return key.startsWith(QUARANTINE_PREFIX);
}
