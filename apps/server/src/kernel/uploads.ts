import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, validationFailed } from './errors.ts';

/** How long a file part may stay open after the request body has ended (a body cut off mid-part). */
const UNFINISHED_PART_MS = 2000;

export const MB = 1024 * 1024;

export type UploadLimits = { maxBytes: number; fields?: number };

/**
 * Lets the routes of one (encapsulated) plugin accept multipart bodies holding one bounded file
 * and a few short text fields. An oversize file is not an error of the parser: it is cut and the
 * route answers 413 with the field, so the client learns which limit it hit.
 */
export async function acceptUploads(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  const fields = limits.fields ?? 5;
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.maxBytes,
      files: 1,
      fields,
      fieldSize: 1024,
      parts: fields + 1,
      headerPairs: 50,
    },
  });
}

function requireMultipart(request: FastifyRequest): void {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
}

const malformed = (err: { statusCode?: number; message?: string }) => {
  if (err.statusCode) throw err;
  throw validationFailed(['body'], err.message ?? 'Malformed multipart body', 'malformed_multipart');
};

/**
 * The one file of a multipart request, as a stream (for files too big to hold in memory).
 * Malformed bodies are the client's fault (400), and a body that ends inside the file part,
 * which the parser never closes, is cut off rather than left hanging.
 */
export async function receiveFileStream(request: FastifyRequest) {
  requireMultipart(request);
  const file = await request.file().catch(malformed);
  if (!file) throw validationFailed(['body', 'file'], 'A file is required', 'required');
  // The parser leaves such a part open (destroyed, never closed): abort the copy instead of waiting on it.
  const abort = new AbortController();
  const cutOff = () => {
    const timer = setTimeout(() => {
      if (!file.file.readableEnded)
        abort.abort(validationFailed(['body', 'file'], 'The file part is incomplete', 'incomplete'));
    }, UNFINISHED_PART_MS);
    file.file.once('end', () => clearTimeout(timer));
  };
  if (request.raw.readableEnded) cutOff();
  else request.raw.once('end', cutOff);
  return { file, signal: abort.signal };
}

export type UploadPolicy = {
  /** Media types accepted, as detected from the bytes. */
  accept: readonly string[];
  maxBytes: number;
};

export type ReceivedUpload = {
  /** Text fields of the form, sent before or after the file. */
  fields: Record<string, string>;
  fileName: string;
  bytes: Buffer;
  mediaType: string;
  sha256: string;
};

/**
 * Reads a multipart form with one small file into memory and checks the file against the policy:
 * its type comes from its magic bytes (a renamed .exe is not a PDF), never from the client's
 * name or header. 413 / 415 name the field `body.file` and the limit or the accepted types.
 */
export async function receiveUpload(request: FastifyRequest, policy: UploadPolicy): Promise<ReceivedUpload> {
  requireMultipart(request);
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      const bytes = await part.toBuffer();
      if (part.file.truncated) {
        throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${policy.maxBytes / MB} MB`, {
          field: 'body.file',
          maxBytes: policy.maxBytes,
        });
      }
      file = { fileName: part.filename || 'file', bytes };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    malformed(err as { statusCode?: number; message?: string });
  }
  if (!file || file.bytes.length === 0) throw validationFailed(['body', 'file'], 'A file is required', 'required');
  const detected = await fileTypeFromBuffer(file.bytes);
  if (!detected || !policy.accept.includes(detected.mime)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Accepted file types: ${policy.accept.join(', ')}`, {
      field: 'body.file',
      accepted: policy.accept,
      detected: detected?.mime ?? null,
    });
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return { fields, fileName: file.fileName, bytes: file.bytes, mediaType: detected.mime, sha256 };
}

/** A Content-Disposition value that keeps a Vietnamese file name (RFC 6266 filename*). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'file';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends stored bytes with their detected type; nosniff so a browser never reinterprets them.
 * Takes the untyped reply: a file body is not the route's JSON response schema.
 */
export function sendBytes(
  reply: FastifyReply,
  file: { bytes: Buffer; mediaType: string },
  headers: { cacheControl: string; disposition?: string; etag?: string },
) {
  reply.type(file.mediaType).header('cache-control', headers.cacheControl).header('x-content-type-options', 'nosniff');
  if (headers.disposition) reply.header('content-disposition', headers.disposition);
  if (headers.etag) reply.header('etag', headers.etag);
  return reply.send(file.bytes);
}

/** A file arriving as a stream; `truncated` is set by the multipart parser when the size limit cut it. */
export type StreamedUpload = { stream: Readable & { truncated?: boolean }; signal?: AbortSignal };

/**
 * Streams an upload to a private temporary file (mode 600) in `dir` and returns its path, refusing
 * it (413) when the size limit cut it. The caller removes the file when done with it.
 */
export async function saveUpload(
  { stream, signal }: StreamedUpload,
  options: { dir: string; maxBytes: number; extension: string },
): Promise<string> {
  const file = path.join(options.dir, `hoptac-upload-${randomUUID()}${options.extension}`);
  try {
    await pipeline(stream, fs.createWriteStream(file, { mode: 0o600 }), { signal });
    if (stream.truncated) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${options.maxBytes / MB} MB`, {
        field: 'body.file',
        maxBytes: options.maxBytes,
      });
    }
    return file;
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    throw signal?.aborted ? signal.reason : err;
  }
}
