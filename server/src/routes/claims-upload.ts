/**
 * The `multipart/form-data` of `POST /v1/orders/{id}/claims`: a `claim` JSON part and image
 * parts `invoice` and `photo`. Images stream to temporary files (never whole in memory), are
 * checked by their first bytes (JPEG, PNG, WEBP: a declared type proves nothing) and capped
 * at 10 MB each. A digest of the claim and of each file stands in for the body where the
 * Idempotency-Key is checked.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { CLAIM_FILE_MAX_BYTES, claimFileFields, type ClaimFileField, type ClaimFileType } from '../../../contract/claims.ts';
import { ClaimFileRejected } from '../claims/claim-errors.ts';
import { ApiError } from '../errors.ts';
import type { ClaimFile } from '../providers/types.ts';
import { MultipartError, MultipartLimitError, readMultipart, type MultipartPart } from './multipart-stream.ts';

/** Room for the multipart framing and the claim part around the images. */
export const CLAIM_FRAMING_ALLOWANCE_BYTES = 64 * 1024;
const CLAIM_PART_MAX_BYTES = 32 * 1024;
const MAX_PARTS = 6;
const MAX_UPLOAD_MB = CLAIM_FILE_MAX_BYTES / (1024 * 1024);

export interface ClaimUpload {
  /** The `claim` part, parsed (not yet validated). */
  claim: unknown;
  files: Partial<Record<ClaimFileField, ClaimFile>>;
  /** The claim part and each file's SHA-256: what the Idempotency-Key is held to. */
  digest: string;
}

/** The image type its first 12 bytes say, or null. */
export function sniffImageType(head: Uint8Array): ClaimFileType | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

function tooLarge(field: string): ClaimFileRejected {
  return new ClaimFileRejected({
    field: `files.${field}`,
    reason: 'too_large',
    message: `The ${field} image is larger than ${MAX_UPLOAD_MB} MB. Take a smaller photo or lower the camera resolution.`,
  });
}

/** Writes an image part to `file`, checking its type from the first bytes and its size as it goes. */
async function spoolImage(part: MultipartPart, field: ClaimFileField, file: string): Promise<ClaimFile & { sha256: string }> {
  const output = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const hash = createHash('sha256');
  let size = 0;
  let head: Buffer = Buffer.alloc(0);
  let contentType: ClaimFileType | null = null;
  try {
    for await (const chunk of part.body) {
      size += chunk.byteLength;
      if (size > CLAIM_FILE_MAX_BYTES) throw tooLarge(field);
      if (!contentType) {
        head = Buffer.concat([head, chunk]).subarray(0, 12);
        if (head.length >= 12 || size >= 12) {
          contentType = sniffImageType(head);
          if (!contentType)
            throw new ClaimFileRejected({
              field: `files.${field}`,
              reason: 'unsupported_type',
              message: `The ${field} must be a JPEG, PNG or WEBP image.`,
            });
        }
      }
      hash.update(chunk);
      if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
  } finally {
    output.end();
    await finished(output).catch(() => undefined);
  }
  contentType ??= sniffImageType(head);
  if (!contentType)
    throw new ClaimFileRejected({
      field: `files.${field}`,
      reason: 'unsupported_type',
      message: `The ${field} must be a JPEG, PNG or WEBP image.`,
    });
  return {
    field,
    contentType,
    size,
    sha256: hash.digest('hex'),
    open: () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
  };
}

async function readClaimPart(part: MultipartPart): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of part.body) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiError({
      status: 400,
      code: 'invalid_json',
      message: 'The claim part is not valid JSON',
      fields: [{ path: 'claim', message: 'Not valid JSON' }],
    });
  }
}

/** Receives the claim upload of `body` into `folder`, or refuses it naming the part. */
export async function receiveClaimUpload(body: ReadableStream<Uint8Array>, boundary: string, folder: string): Promise<ClaimUpload> {
  let claim: unknown = undefined;
  let claimText = '';
  const files: Partial<Record<ClaimFileField, ClaimFile & { sha256: string }>> = {};
  const limits = {
    maxTotalBytes: claimFileFields.length * CLAIM_FILE_MAX_BYTES + CLAIM_FRAMING_ALLOWANCE_BYTES,
    // One byte past the cap, so spoolImage sees it and names the field (the reader counts first).
    maxPartBytes: (part: { name: string }) =>
      (claimFileFields as readonly string[]).includes(part.name) ? CLAIM_FILE_MAX_BYTES + 1 : CLAIM_PART_MAX_BYTES,
    maxParts: MAX_PARTS,
  };
  try {
    for await (const part of readMultipart(body, boundary, limits)) {
      if (part.name === 'claim') {
        claim = await readClaimPart(part);
        claimText = JSON.stringify(claim);
        continue;
      }
      const field = claimFileFields.find((name) => name === part.name);
      if (!field || files[field]) continue;
      files[field] = await spoolImage(part, field, path.join(folder, field));
    }
  } catch (error) {
    if (error instanceof MultipartLimitError) {
      if (error.part && (claimFileFields as readonly string[]).includes(error.part)) throw tooLarge(error.part);
      if (error.limit === 'total')
        throw new ApiError({ status: 413, code: 'payload_too_large', message: `Each image is at most ${MAX_UPLOAD_MB} MB` });
      throw new ApiError({
        status: 413,
        code: 'payload_too_large',
        message: `Send the claim part (at most ${CLAIM_PART_MAX_BYTES / 1024} KB) and the images only, ${MAX_PARTS} parts in all`,
      });
    }
    if (error instanceof MultipartError)
      throw new ApiError({ status: 400, code: 'invalid_multipart', message: 'The upload is not valid multipart/form-data' });
    throw error;
  }
  if (claim === undefined)
    throw new ApiError({
      status: 400,
      code: 'invalid_request',
      message: 'Send the claim as JSON in a part named "claim"',
      fields: [{ path: 'claim', message: 'Required' }],
    });
  const digest = [claimText, ...claimFileFields.map((field) => `${field}:${files[field]?.sha256 ?? ''}`)].join('\n');
  return { claim, files, digest };
}
