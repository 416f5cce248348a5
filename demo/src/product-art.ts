/** Product pictures as inline SVG, so the demo ships no image files and loads no fonts. */
import type { Product } from './catalog.ts';

const phone = ({ body, screen, accent }: Product['art']) => `
  <svg viewBox="0 0 200 400" role="img" aria-hidden="true" focusable="false">
    <rect x="10" y="10" width="180" height="380" rx="28" fill="${body}" />
    <rect x="20" y="24" width="160" height="352" rx="20" fill="${screen}" />
    <circle cx="100" cy="40" r="5" fill="#0c0d10" />
    <path d="M20 250 C70 200 130 300 180 230 L180 376 L20 376 Z" fill="${accent}" opacity="0.8" />
    <path d="M20 300 C80 260 120 340 180 290 L180 376 L20 376 Z" fill="${accent}" opacity="0.45" />
  </svg>`;

const laptop = ({ body, screen, accent }: Product['art']) => `
  <svg viewBox="0 0 320 220" role="img" aria-hidden="true" focusable="false">
    <rect x="40" y="10" width="240" height="160" rx="10" fill="${body}" />
    <rect x="50" y="20" width="220" height="140" rx="4" fill="${screen}" />
    <path d="M50 120 C110 80 170 150 270 100 L270 160 L50 160 Z" fill="${accent}" opacity="0.8" />
    <path d="M10 172 H310 L296 196 Q294 200 288 200 H32 Q26 200 24 196 Z" fill="${body}" />
    <rect x="135" y="172" width="50" height="6" rx="3" fill="#00000033" />
  </svg>`;

export const productArt = (product: Product): string => (product.category === 'Laptop' ? laptop(product.art) : phone(product.art));
