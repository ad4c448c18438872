import { StorageWriteError } from './parsed-item';

/** chrome.storage.sync: QUOTA_BYTES_PER_ITEM, counted as the key plus its value's JSON. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

export function syncItemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Refuses a write that sync storage would reject, with a message that says by how much. */
export function checkSyncQuota(key: string): (value: unknown) => void {
  // The storage key is the part after 'sync:'.
  const storageKey = key.replace(/^sync:/, '');
  return (value) => {
    const bytes = syncItemBytes(storageKey, value);
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) {
      throw new StorageWriteError(
        `${key} is ${bytes} bytes; sync storage allows ${SYNC_QUOTA_BYTES_PER_ITEM} per item`,
      );
    }
  };
}
