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
import { loadVisibleOrder } from '../orders/load-order.ts';
import { presentOrder } from '../orders/present-order.ts';
import type { AppServices } from '../services.ts';
import { boundaryOf, MultipartError, readMultipart, type MultipartPart } from './multipart-stream.ts';

/** Sending a large video on to the provider takes longer than an ordinary bind. */
const ACTIVATION_TIMEOUT_MS = 120_000;
/** Room for the multipart framing and small fields around the video. */
const FRAMING_ALLOWANCE_BYTES = 64 * 1024;
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

export function activationRoutes(services: AppServices) {
  const { config, store, adapters, logger } = services;
  const maxBytes = config.activationVideoMaxBytes;
  const uploads = path.join(config.dataDir, 'uploads');
  /** One upload per order at a time (per process): a double-tapped button must not send two videos. */
  const inFlight = new Set<string>();

  return new Hono().post('/:id/activation', authenticate({ merchants: config.merchants, accept: ['publishable'] }), async (context) => {
    const order = await loadVisibleOrder(store, context);
    const adapter = adapters.get(order.offer.provider);
    if (!adapter?.activate)
      throw new ApiError({ status: 409, code: 'activation_not_supported', message: 'This plan has no activation step' });
    if (order.status !== 'pending_activation')
      throw new ApiError({
        status: 409,
        code: 'order_not_awaiting_activation',
        message: `This order is ${order.status.replace('_', ' ')} and takes no video`,
      });

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

    if (inFlight.has(order.id))
      throw new ApiError({
        status: 409,
        code: 'activation_in_progress',
        message: 'A video for this order is already being sent',
        headers: { 'Retry-After': '5' },
      });
    inFlight.add(order.id);
    let folder: string | undefined;
    try {
      await mkdir(uploads, { recursive: true, mode: 0o700 });
      folder = await mkdtemp(path.join(uploads, 'video-'));
      const file = path.join(folder, 'video');
      let video: { contentType: string; size: number } | null = null;
      try {
        for await (const part of readMultipart(body, boundary)) {
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

      const open = () => Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      const result = await adapter.activate({
        orderId: order.id,
        offer: order.offer,
        policy: order.policy,
        device: order.device,
        customer: order.customer,
        video: open(),
        replayVideo: open,
        contentType: video.contentType,
        size: video.size,
        signal: AbortSignal.timeout(ACTIVATION_TIMEOUT_MS),
      });
      const updated = await store.transitionOrder(order.id, ['pending_activation'], { status: result.status, policy: result.policy });
      logger.info('activation video sent', {
        requestId: context.get('requestId'),
        orderId: order.id,
        provider: adapter.id,
        bytes: video.size,
        status: result.status,
      });
      return context.json({ order: presentOrder(updated ?? order) });
    } finally {
      inFlight.delete(order.id);
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  });
}
