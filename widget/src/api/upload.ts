/**
 * The activation video upload. XMLHttpRequest rather than fetch: only it reports upload
 * progress, and a phone video is large enough for a shopper to want to see it move.
 */
import { ApiError, apiErrorFromResponse, secretKeyRefusal } from './api-error.ts';
import type { ApiClientOptions } from './client.ts';
import type { Order } from '../../../contract/types.ts';

export interface UploadOptions extends ApiClientOptions {
  orderId: string;
  clientSecret: string;
  video: Blob;
  fileName: string;
  /** 0…1 as bytes leave the browser. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function uploadActivationVideo(options: UploadOptions): Promise<Order | undefined> {
  const { apiBase, publishableKey, orderId, clientSecret, video, fileName, onProgress, signal } = options;
  const refusal = secretKeyRefusal(publishableKey);
  if (refusal) return Promise.reject(refusal);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${apiBase.replace(/\/+$/, '')}/v1/orders/${encodeURIComponent(orderId)}/activation`);
    request.setRequestHeader('Authorization', `Bearer ${publishableKey}`);
    request.setRequestHeader('X-Client-Secret', clientSecret);
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parse(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        onProgress?.(1);
        resolve((body as { order?: Order } | undefined)?.order);
        return;
      }
      reject(apiErrorFromResponse(request.status, request.statusText, body));
    };
    request.onerror = () => reject(new ApiError({ code: 'network_error', message: 'The request could not be sent' }));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const body = new FormData();
    body.append('video', video, fileName);
    request.send(body);
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
