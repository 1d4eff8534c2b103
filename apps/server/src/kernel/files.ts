import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { storedFiles } from './files.schema.ts';
import type { ReceivedUpload } from './uploads.ts';

export type StoredFileMeta = { id: string; sha256: string; mediaType: string; size: number };

/** Stores an accepted upload; call it inside the transaction that links the file to its owner. */
export async function storeFile(db: DbOrTx, upload: ReceivedUpload, createdBy: string | null): Promise<string> {
  const [row] = await db
    .insert(storedFiles)
    .values({
      sha256: upload.sha256,
      mediaType: upload.mediaType,
      size: upload.bytes.length,
      bytes: upload.bytes,
      createdBy,
    })
    .returning({ id: storedFiles.id });
  return row!.id;
}

/** A stored file with its bytes; the caller has already decided the reader may see it. */
export async function readFile(db: DbOrTx, id: string) {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ?? null;
}

export async function deleteFile(db: DbOrTx, id: string): Promise<void> {
  await db.delete(storedFiles).where(eq(storedFiles.id, id));
}
