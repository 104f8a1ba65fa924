import { watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onChange` once things settle after files under the metadata folder change (editors write
 * several files and temporary copies in a burst). Returns a function that stops watching.
 */
export function watchMetadataDirectory(dir: string, onChange: () => void, settleMs = 300): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
