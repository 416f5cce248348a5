/**
 * `<cover-offers>` and the other elements in Preact's JSX, type-checked:
 *
 * ```ts
 * import type {} from '@coverkit/widget/jsx-preact';   // once, e.g. in src/vite-env.d.ts
 * <cover-offers publishable-key="pk_test_demo" price={74999} oncover-order-create={(event) => event.detail.order} />
 * ```
 */
import type { JSX } from 'preact';
import type { CoverkitJsxElements } from './jsx.ts';

type PreactElements = {
  [Tag in keyof CoverkitJsxElements]: CoverkitJsxElements[Tag] &
    Omit<JSX.HTMLAttributes<HTMLElementTagNameMap[Tag]>, keyof CoverkitJsxElements[Tag]>;
};

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends PreactElements {}
  }
}
