/**
 * Files a claim: `multipart/form-data` with the `claim` JSON part and the `invoice` and
 * `photo` files. XMLHttpRequest rather than fetch, for upload progress (a 10 MB photo on a
 * phone connection takes a while). The caller keeps one `Idempotency-Key` per claim, so a
 * retry after a dropped connection files it once.
 */
import { ApiError, apiErrorFromResponse, secretKeyRefusal } from './api-error.ts';
import type { ApiClientOptions } from './client.ts';
import type { Claim, ClaimRequest } from './claim-types.ts';

export interface ClaimUploadOptions extends ApiClientOptions {
  orderId: string;
  clientSecret: string;
  idempotencyKey: string;
  claim: ClaimRequest;
  files: { invoice?: File; photo?: File };
  /** 0…1 as bytes leave the browser. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function uploadClaim(options: ClaimUploadOptions): Promise<Claim> {
  const { apiBase, publishableKey, orderId, clientSecret, idempotencyKey, claim, files, onProgress, signal } = options;
  const refusal = secretKeyRefusal(publishableKey);
  if (refusal) return Promise.reject(refusal);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${apiBase.replace(/\/+$/, '')}/v1/orders/${encodeURIComponent(orderId)}/claims`);
    request.setRequestHeader('Authorization', `Bearer ${publishableKey}`);
    request.setRequestHeader('X-Client-Secret', clientSecret);
    request.setRequestHeader('Idempotency-Key', idempotencyKey);
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = parse(request.responseText) as { claim?: Claim } | undefined;
      if (request.status >= 200 && request.status < 300 && body?.claim) {
        onProgress?.(1);
        resolve(body.claim);
        return;
      }
      reject(apiErrorFromResponse(request.status, request.statusText, body));
    };
    request.onerror = () => reject(new ApiError({ code: 'network_error', message: 'The request could not be sent' }));
    request.ontimeout = request.onerror;
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const body = new FormData();
    body.append('claim', JSON.stringify(claim));
    if (files.invoice) body.append('invoice', files.invoice, files.invoice.name);
    if (files.photo) body.append('photo', files.photo, files.photo.name);
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
