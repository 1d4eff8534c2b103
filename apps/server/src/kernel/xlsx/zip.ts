import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * The part of ZIP an XLSX reader needs, on yauzl: the central directory at the end of the file
 * names every part, so parts are opened in any order (Excel stores a sheet before its shared
 * strings, which a front-to-back reader has to copy aside).
 */

export class ZipError extends Error {}

export type ZipEntry = Entry;

export type ZipArchive = {
  /** Entries by lower-cased name: OPC part names are case-insensitive. */
  entries: Map<string, ZipEntry>;
  /** The entry's inflated bytes, in chunks; fails past `maxBytes` (an archive can inflate 1,000-fold). */
  chunks(entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer>;
  close(): Promise<void>;
};

const open = promisify<string, yauzl.Options, ZipFile>(yauzl.open);

/** Every entry of the central directory, read one at a time (lazily) so errors arrive in order. */
function readDirectory(zip: ZipFile): Promise<Map<string, ZipEntry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, ZipEntry>();
    zip.on('entry', (entry: Entry) => {
      if (entry.isEncrypted()) {
        reject(new ZipError('The archive is encrypted'));
        return;
      }
      entries.set(entry.fileName.toLowerCase(), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (err: Error) => reject(new ZipError(err.message)));
    zip.readEntry();
  });
}

/** Opens a ZIP file on disk by its central directory. */
export async function openZip(file: string): Promise<ZipArchive> {
  const zip = await open(file, { lazyEntries: true, autoClose: false }).catch((err: Error) => {
    throw new ZipError(err.message);
  });
  try {
    const entries = await readDirectory(zip);
    const openStream = promisify(zip.openReadStream.bind(zip)) as (entry: Entry) => Promise<NodeJS.ReadableStream>;

    async function* chunks(entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer> {
      // The directory's size is checked before inflating a byte; yauzl also stops an entry that
      // inflates to more than its directory says.
      if (entry.uncompressedSize > maxBytes)
        throw new ZipError(`${entry.fileName} inflates to more than ${maxBytes} bytes`);
      const source = (await openStream(entry).catch((err: Error) => {
        throw new ZipError(err.message);
      })) as NodeJS.ReadableStream & { destroy(): void };
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) yield chunk;
      } catch (err) {
        throw new ZipError(err instanceof Error ? err.message : String(err));
      } finally {
        source.destroy();
      }
    }

    return { entries, chunks, close: async () => zip.close() };
  } catch (err) {
    zip.close();
    throw err;
  }
}
