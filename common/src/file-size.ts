/** "74 MB", "512 KB", "900 bytes": sizes as people read them in an error message (1 MB = 1024 × 1024 bytes). */
export function describeFileSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 10) return `${Math.round(mb)} MB`;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
