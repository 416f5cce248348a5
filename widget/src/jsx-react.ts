/**
 * `<cover-offers>` and the other elements in React 19's JSX, type-checked:
 *
 * ```ts
 * import type {} from '@coverkit/widget/jsx-react';   // once, e.g. in src/vite-env.d.ts
 * <cover-offers publishable-key="pk_test_demo" price={74999} oncover-order-create={(event) => event.detail.order} />
 * ```
 */
import type { HTMLAttributes, RefAttributes } from 'react';
import type { CoverkitJsxElements } from './jsx.ts';

type ReactElements = {
  [Tag in keyof CoverkitJsxElements]: CoverkitJsxElements[Tag] &
    Omit<HTMLAttributes<HTMLElementTagNameMap[Tag]>, keyof CoverkitJsxElements[Tag]> &
    RefAttributes<HTMLElementTagNameMap[Tag]>;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ReactElements {}
  }
}
