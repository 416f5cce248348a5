/**
 * `POST /v1/orders/{id}/activation` (publishable key + `X-Client-Secret`): the shopper's
 * verification video, as the `video` part of `multipart/form-data`. The upload streams to
 * a temporary file (never whole in memory) under its own size limit, so the provider call
 * can stream it again, and again if the provider answers "busy".
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { authenticate } from '../middleware/authenticate.ts';
import { visibleOrder } from '../middleware/visible-order.ts';
import { orderServiceFor, type ActivationVideo } from '../orders/order-service.ts';
import { presentOrder } from '../orders/present-order.ts';
import type { AppServices } from '../services.ts';
import { boundaryOf, MultipartError, MultipartLimitError, readMultipart, type MultipartPart } from './multipart-stream.ts';

/** Room for the multipart framing and small fields around the video. */
const FRAMING_ALLOWANCE_BYTES = 64 * 1024;
/** Any part other than the video: a small form field at most. */
const OTHER_PART_MAX_BYTES = 16 * 1024;
const MAX_PARTS = 8;
const VIDEO_TYPE = /^video\/[a-z0-9][a-z0-9.+-]{0,60}$/;

function tooLarge(maxBytes: number): ApiError {
  return new ApiError({
    status: 413,
    code: 'video_too_large',
    message: `The video is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB. Record a shorter clip.`,
  });
}

/** Writes the part to `file`, counting bytes; refuses past `maxBytes` without reading further. */
async function spool(part: MultipartPart, file: string, maxBytes: number): Promise<number> {
  const output = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  let size = 0;
  try {
    for await (const chunk of part.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
  } finally {
    output.end();
    await finished(output).catch(() => undefined);
  }
  return size;
}

/** Receives the `video` part of `body` into `folder`, or refuses the upload. */
async function receiveVideo(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  folder: string,
  maxBytes: number,
): Promise<ActivationVideo> {
  const file = path.join(folder, 'video');
  let video: { contentType: string; size: number } | null = null;
  try {
    const limits = {
      maxTotalBytes: maxBytes + FRAMING_ALLOWANCE_BYTES,
      maxPartBytes: (part: { name: string }) => (part.name === 'video' ? maxBytes : OTHER_PART_MAX_BYTES),
      maxParts: MAX_PARTS,
    };
    for await (const part of readMultipart(body, boundary, limits)) {
      if (part.name !== 'video') continue;
      if (!VIDEO_TYPE.test(part.contentType))
        throw new ApiError({
          status: 415,
          code: 'unsupported_video_type',
          message: 'The file is not a video. Record the phone with your camera app and send that file.',
        });
      video = { contentType: part.contentType, size: await spool(part, file, maxBytes) };
      break;
    }
  } catch (error) {
    if (error instanceof MultipartLimitError) {
      if (error.limit === 'total' || error.part === 'video') throw tooLarge(maxBytes);
      throw new ApiError({
        status: 413,
        code: 'payload_too_large',
        message: `Send only the video: other form fields are at most ${OTHER_PART_MAX_BYTES / 1024} KB, and ${MAX_PARTS} parts in all`,
      });
    }
    if (error instanceof MultipartError)
      throw new ApiError({ status: 400, code: 'invalid_multipart', message: 'The upload is not valid multipart/form-data' });
    throw error;
  }
  if (!video || video.size === 0)
    throw new ApiError({
      status: 400,
      code: 'invalid_request',
      message: 'Attach the video in a part named "video"',
      fields: [{ path: 'video', message: 'Required' }],
    });
  return { ...video, open: () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> };
}

export function activationRoutes(services: AppServices) {
  const { config, logger, rateLimit } = services;
  const orders = orderServiceFor(services);
  const maxBytes = config.activationVideoMaxBytes;
  const uploads = path.join(config.dataDir, 'uploads');

  return new Hono().post(
    '/:id/activation',
    authenticate({ merchants: config.merchants, accept: ['publishable'] }),
    rateLimit,
    visibleOrder({ orders }),
    async (context) => {
      const order = context.get('order');
      orders.checkActivatable(order);
      const boundary = boundaryOf(context.req.header('Content-Type') ?? '');
      if (!boundary)
        throw new ApiError({
          status: 415,
          code: 'unsupported_media_type',
          message: 'Send the video as multipart/form-data, in a part named "video"',
        });
      const declaredLength = Number(context.req.header('Content-Length') ?? 0);
      if (declaredLength > maxBytes + FRAMING_ALLOWANCE_BYTES) throw tooLarge(maxBytes);
      const body = context.req.raw.body;
      if (!body)
        throw new ApiError({
          status: 400,
          code: 'invalid_request',
          message: 'The body is empty',
          fields: [{ path: 'video', message: 'Required' }],
        });

      let folder: string | undefined;
      let bytes = 0;
      try {
        const updated = await orders.activate(order, async () => {
          await mkdir(uploads, { recursive: true, mode: 0o700 });
          folder = await mkdtemp(path.join(uploads, 'video-'));
          const video = await receiveVideo(body, boundary, folder, maxBytes);
          bytes = video.size;
          return video;
        });
        logger.info('activation video sent', {
          requestId: context.get('requestId'),
          orderId: order.id,
          provider: order.offer.provider,
          bytes,
          status: updated.status,
        });
        return context.json({ order: presentOrder(updated) });
      } finally {
        if (folder) await rm(folder, { recursive: true, force: true });
      }
    },
  );
}
