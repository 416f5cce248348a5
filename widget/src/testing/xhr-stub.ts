/** A stand-in for XMLHttpRequest (the activation upload uses it for progress events). */
export interface RecordedUpload {
  url: string;
  headers: Record<string, string>;
  body: FormData;
}

/** `networkError`: the connection drops mid-upload (onerror, no status). */
type Answer = { status: number; body: unknown; networkError?: boolean };

export function stubXhr(answers: Answer[]) {
  const original = window.XMLHttpRequest;
  const uploads: RecordedUpload[] = [];
  class FakeXhr {
    status = 0;
    statusText = '';
    responseText = '';
    responseType = '';
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    abort() {
      this.onabort?.();
    }
    send(body: FormData) {
      uploads.push({ url: this.url, headers: this.headers, body });
      const answer = answers[Math.min(uploads.length - 1, answers.length - 1)]!;
      setTimeout(() => {
        this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded: 50, total: 100 }));
        setTimeout(() => {
          if (answer.networkError) return void this.onerror?.();
          this.status = answer.status;
          this.responseText = JSON.stringify(answer.body);
          this.onload?.();
        }, 300);
      }, 10);
    }
  }
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  return { uploads, restore: () => (window.XMLHttpRequest = original) };
}
