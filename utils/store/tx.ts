// Write transactions that are acknowledged only once committed, and abort on any error.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { RongheDB, RongheDb } from './schema';

export type WriteTx<S extends StoreNames<RongheDB>[]> = IDBPTransaction<RongheDB, S, 'readwrite'>;

/**
 * Runs `fn` in one readwrite transaction and resolves only after the transaction has committed
 * (`tx.done`). If `fn` throws, the transaction is aborted so nothing it wrote survives.
 */
export async function inWriteTx<S extends StoreNames<RongheDB>[], T>(
  db: RongheDb,
  stores: S,
  fn: (tx: WriteTx<S>) => Promise<T> | T,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite');
  // Observed below; this keeps an early abort from surfacing as an unhandled rejection.
  tx.done.catch(() => undefined);
  let result: T;
  try {
    result = await fn(tx);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already committed or aborted: nothing more to undo here
    }
    await tx.done.catch(() => undefined);
    throw e;
  }
  await tx.done;
  return result;
}

/**
 * Fire-and-forget request inside a transaction: its failure aborts the transaction and
 * surfaces through `tx.done`, so the request promise itself is deliberately not awaited.
 */
export function queue(request: Promise<unknown>): void {
  request.catch(() => undefined);
}
