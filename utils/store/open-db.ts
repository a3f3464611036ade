// Opening the database: runs the migrations and lets a newer version (extension update in
// another context) take over instead of blocking forever.
import { deleteDB, openDB } from 'idb';
import { runMigrations, type AnyDb, type UpgradeTx } from './migrations';
import { RONGHE_DB_NAME, RONGHE_DB_VERSION, type RongheDb, type RongheDB } from './schema';

export async function openRongheDb(name: string = RONGHE_DB_NAME): Promise<RongheDb> {
  let failure: unknown;
  let db: RongheDb | undefined;
  try {
    db = await openDB<RongheDB>(name, RONGHE_DB_VERSION, {
      upgrade(upgradeDb, oldVersion, newVersion, tx) {
        // The upgrade callback cannot be awaited by idb; we chain IDB requests only (no other
        // awaits), so the versionchange transaction stays alive. A failed step aborts it, the
        // database stays at its old version and open rejects with the step's error.
        tx.done.catch(() => undefined); // an aborted upgrade is reported through openDB
        runMigrations(upgradeDb as unknown as AnyDb, tx as unknown as UpgradeTx, oldVersion, newVersion ?? RONGHE_DB_VERSION).catch((e: unknown) => {
          failure = e;
          try {
            tx.abort();
          } catch {
            // already finished or aborted
          }
        });
      },
      blocking() {
        // A newer version wants to open: close so its upgrade can run.
        db?.close();
      },
    });
  } catch (e) {
    throw failure ?? e;
  }
  return db;
}

/** Deletes the database (tests, "erase everything"). Close open handles first. */
export async function deleteRongheDb(name: string = RONGHE_DB_NAME): Promise<void> {
  await deleteDB(name);
}
