/** A phone and shopper Octamile's sandbox quotes and binds, and the video step after the bind. */
import type { ProviderSample } from '../types.ts';

const orderDevice = { imei: '490154203237518', brand: 'Tecno', model: 'Camon 20 Pro' };
const customer = { name: 'Folake Arinze', email: 'folake.arinze@example.com', phone: '+2347010001234' };

export const octamileSample: ProviderSample = {
  device: { category: 'Mobile', brand: 'Tecno', model: 'Camon 20 Pro', price: 350000, currency: 'NGN', imei: orderDevice.imei },
  country: 'NG',
  customer,
  orderDevice,
  environment: { OCTAMILE_SANDBOX_REVIEW_DELAY_MS: '200' },
  // Self-activation: the cover waits for the shopper's video before Octamile reviews it.
  async afterBind(adapter, { orderId, offer, bound, signal }) {
    const video = new Uint8Array(3000).map((_, index) => (index * 7) % 256);
    const stream = () => new Blob([video]).stream();
    const activated = await adapter.activate!({
      orderId,
      offer,
      policy: bound.policy,
      video: stream(),
      replayVideo: stream,
      contentType: 'video/mp4',
      size: video.length,
      device: orderDevice,
      customer,
      signal,
    });
    return activated.policy;
  },
};
