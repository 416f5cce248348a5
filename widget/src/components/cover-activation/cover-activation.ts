import { LitElement, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, isAbortError, shopperMessage } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import type { Order } from '../../../../contract/types.ts';
import { uploadActivationVideo } from '../../api/upload.ts';
import { apiClientContext, stringsContext } from '../../context/widget-context.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { OrderPollController } from '../../controllers/order-poll-controller.ts';
import { CoverOrderUpdateEvent } from '../../events/cover-order-update-event.ts';
import { str } from '../../internal/localize.ts';
import type { Strings, Translate } from '../../internal/localize.ts';
import { styles } from './cover-activation.styles.ts';

type Phase = 'choose' | 'recording' | 'ready' | 'uploading' | 'checking';

/** Recording stops by itself after this long: a short clip is all the provider needs. */
const maxRecordingMilliseconds = 30_000;

function uploadErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 413) {
    return t('activation.too-large', 'This video is too large. Record a shorter clip (under 30 seconds) and try again.');
  }
  if (error instanceof ApiError && error.status === 415)
    return t('activation.not-video', 'That file is not a video. Choose a video file and try again.');
  return shopperMessage(error);
}

/**
 * @tagname cover-activation
 * @summary The provider's video activation (Octamile): shows the activation code, records
 * a short video with the camera (or takes a video file), uploads it with progress, and
 * follows the order until the provider accepts or declines it.
 *
 * @fires cover-order-update - The order changed (video accepted, policy active or declined); stays inside the widget (not composed).
 * @csspart activation - The whole step.
 * @csspart activation-code - The code to show in the video.
 * @csspart record-button - Starts the camera recording.
 * @csspart stop-button - Stops it.
 * @csspart file-input - Picks a video file instead (visually hidden; its label, styled as a button, opens the picker or the camera on phones).
 * @csspart upload-button - Sends the video; disabled until one is recorded or chosen.
 * @csspart progress - The upload progress bar.
 */
@localized()
export class CoverActivation extends LitElement {
  static override styles = styles;

  private recorder?: MediaRecorder;
  private stream?: MediaStream;
  private stopTimer?: ReturnType<typeof setTimeout>;
  private uploadController?: AbortController;
  private readonly localize = new LocalizeController(this);
  private readonly poll = new OrderPollController(this);

  @query('video') private preview?: HTMLVideoElement;

  @state() private phase: Phase = 'choose';
  @state() private video?: { blob: Blob; name: string };
  @state() private progress = 0;
  @state() private error = '';
  @state() private status = '';

  @property({ attribute: false }) order?: Order;
  /** Inside `<cover-offers>`, its client. */
  @consume({ context: apiClientContext, subscribe: true }) @property({ attribute: false }) client?: ApiClient;
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 3000;
  /** Wording by message id; inside `<cover-offers>`, its `strings`. */
  @consume({ context: stringsContext, subscribe: true }) @property({ attribute: false }) strings?: Strings;

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.releaseCamera();
    this.uploadController?.abort();
  }

  private get canRecord(): boolean {
    return typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
  }

  private releaseCamera() {
    clearTimeout(this.stopTimer);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
  }

  private async startRecording() {
    const { t } = this.localize;
    this.error = '';
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch {
      this.error = t('activation.camera-denied', 'The camera is not available. Choose a video file instead.');
      return;
    }
    const chunks: Blob[] = [];
    this.recorder = new MediaRecorder(this.stream);
    this.recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    this.recorder.onstop = () => {
      const type = this.recorder?.mimeType || 'video/webm';
      this.releaseCamera();
      this.video = { blob: new Blob(chunks, { type }), name: `activation.${type.includes('mp4') ? 'mp4' : 'webm'}` };
      this.phase = 'ready';
      this.status = t('activation.recorded', 'Video recorded. Send it to activate your plan.');
    };
    this.recorder.start();
    this.phase = 'recording';
    this.status = t('activation.recording', 'Recording…');
    this.stopTimer = setTimeout(() => this.stopRecording(), maxRecordingMilliseconds);
    await this.updateComplete;
    if (this.preview) {
      this.preview.srcObject = this.stream;
      void this.preview.play().catch(() => undefined);
    }
    this.renderRoot.querySelector<HTMLElement>('[part~="stop-button"]')?.focus();
  }

  private stopRecording() {
    if (this.recorder?.state === 'recording') this.recorder.stop();
  }

  private handleFile(event: Event) {
    const { t } = this.localize;
    const file = (event.target as HTMLInputElement).files?.[0];
    this.error = '';
    if (!file) return;
    if (file.type && !file.type.startsWith('video/')) {
      this.error = t('activation.not-video', 'That file is not a video. Choose a video file and try again.');
      return;
    }
    this.video = { blob: file, name: file.name };
    this.phase = 'ready';
    this.status = t('activation.chosen', str`${file.name} chosen. Send it to activate your plan.`);
  }

  private async upload() {
    const { t } = this.localize;
    const order = this.order;
    if (!this.video || !order?.clientSecret || !this.client) return;
    this.phase = 'uploading';
    this.progress = 0;
    this.error = '';
    this.status = t('activation.uploading', 'Uploading your video…');
    this.uploadController = new AbortController();
    try {
      const updated = await uploadActivationVideo({
        ...this.client.options,
        orderId: order.id,
        clientSecret: order.clientSecret,
        video: this.video.blob,
        fileName: this.video.name,
        signal: this.uploadController.signal,
        onProgress: (fraction) => (this.progress = fraction),
      });
      this.phase = 'checking';
      // The "received" panel (a status region of its own) says it.
      this.status = '';
      if (updated && updated.status !== 'pending_activation') this.finish({ ...updated, clientSecret: order.clientSecret });
      else this.followStatus(order);
    } catch (error) {
      if (isAbortError(error)) return;
      this.phase = 'ready';
      this.error = uploadErrorMessage(error, this.localize.t);
      this.status = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="upload-button"]')?.focus();
    }
  }

  private followStatus(order: Order) {
    if (!this.client) return;
    this.poll.start({
      client: this.client,
      order,
      intervalMilliseconds: this.pollInterval,
      onOrder: (fresh) => {
        // The provider may take a while after the upload; anything but "waiting" is the answer.
        if (fresh.status === 'pending_activation' || fresh.status === 'binding') return false;
        this.finish(fresh);
        return true;
      },
    });
  }

  private finish(order: Order) {
    this.dispatchEvent(new CoverOrderUpdateEvent(order));
  }

  private renderCapture() {
    const { t } = this.localize;
    const busy = this.phase === 'uploading' || this.phase === 'checking';
    return html`
      ${
        this.phase === 'recording'
          ? html`<video class="preview" muted playsinline aria-label=${t('activation.preview', 'Camera preview')}></video>
              <button class="primary-button" part="stop-button" @click=${this.stopRecording}>
                ${t('activation.stop', 'Stop recording')}
              </button>`
          : nothing
      }
      ${
        this.canRecord && !busy && this.phase !== 'recording'
          ? html`<button
              class=${this.phase === 'ready' ? 'secondary-button' : 'primary-button'}
              part="record-button"
              @click=${this.startRecording}
            >
              ${this.phase === 'ready' ? t('activation.record-again', 'Record again') : t('activation.record', 'Record video')}
            </button>`
          : nothing
      }
      ${
        !busy && this.phase !== 'recording'
          ? html`<div class="file">
              <input
                id="video-file"
                class="file-input visually-hidden"
                part="file-input"
                type="file"
                accept="video/*"
                capture="environment"
                @change=${this.handleFile}
              />
              <label for="video-file" class=${this.canRecord ? 'file-button secondary' : 'file-button'}
                >${this.canRecord ? t('activation.file-instead', 'Or choose a video file') : t('activation.file', 'Choose a video file')}</label
              >
              ${this.video ? html`<span class="file-name">${this.video.name}</span>` : nothing}
            </div>`
          : nothing
      }
    `;
  }

  override render() {
    const { t } = this.localize;
    const order = this.order;
    if (!order) return nothing;
    const percent = Math.round(this.progress * 100);
    return html`<section class="activation" part="activation" aria-labelledby="activation-heading">
      <h4 id="activation-heading">${t('activation.heading', 'Activate your plan with a short video')}</h4>
      ${
        order.policy?.activationCode
          ? html`<p>${t('activation.code-label', 'Your activation code')}</p>
              <p class="code" part="activation-code">${order.policy.activationCode}</p>`
          : nothing
      }
      <ol class="steps">
        <li>${t('activation.step-code', 'Write the code on paper, or show it on another screen.')}</li>
        <li>${t('activation.step-record', 'Record up to 30 seconds: the phone all around, its screen switched on, and the code.')}</li>
        <li>${t('activation.step-upload', 'Send the video. The insurer activates your cover once it has checked it.')}</li>
      </ol>
      ${this.renderCapture()}
      ${
        this.phase === 'checking'
          ? html`<div class="received" role="status">
              <p class="received-heading">${t('activation.received', 'Video received — the insurer is reviewing it')}</p>
              <p>${t('activation.received-next', 'Your cover starts once they have checked it. This page updates by itself.')}</p>
            </div>`
          : html`<button class="primary-button" part="upload-button" ?disabled=${this.phase !== 'ready'} @click=${this.upload}>
              ${this.phase === 'uploading' ? t('activation.uploading-button', str`Uploading ${percent}%`) : t('activation.upload', 'Send video')}
            </button>`
      }
      ${
        this.phase === 'uploading'
          ? html`<progress part="progress" max="100" value=${percent} aria-label=${t('activation.progress', 'Upload progress')}></progress>`
          : nothing
      }
      <p class="error" role="alert">${this.error}</p>
      <p class="status" role="status">${this.status}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-activation': CoverActivation;
  }
}
