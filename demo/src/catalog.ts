/** The demo shop's products: what a merchant's catalog feeds into `<cover-offers>`. */
export type Category = 'Mobile' | 'Laptop';

export interface Product {
  sku: string;
  name: string;
  variant: string;
  category: Category;
  brand: string;
  /** As the insurers' catalogs spell it; the widget's `model` attribute. */
  model: string;
  price: number;
  mrp: number;
  currency: 'INR' | 'NGN';
  country: 'IN' | 'NG';
  highlights: string[];
  /** The manufacturer's warranty the product page states: the widget's `brand-warranty-years` (1 when unset). */
  warrantyYears?: number;
  art: { body: string; screen: string; accent: string };
}

export const products: readonly Product[] = [
  {
    sku: 'galaxy-s23',
    name: 'Samsung Galaxy S23 5G',
    variant: '256 GB · 8 GB RAM · Phantom Black',
    category: 'Mobile',
    brand: 'Samsung',
    model: 'Galaxy S23',
    price: 74_999,
    mrp: 95_999,
    currency: 'INR',
    country: 'IN',
    highlights: ['6.1″ Dynamic AMOLED 2X, 120 Hz', 'Snapdragon 8 Gen 2 for Galaxy', '50 MP triple camera', '1 year manufacturer warranty'],
    art: { body: '#1d1f24', screen: '#3b4b6b', accent: '#6d83b5' },
  },
  {
    sku: 'iphone-15',
    name: 'Apple iPhone 15',
    variant: '128 GB · Blue',
    category: 'Mobile',
    brand: 'Apple',
    model: 'iPhone 15',
    price: 69_900,
    mrp: 79_900,
    currency: 'INR',
    country: 'IN',
    highlights: ['6.1″ Super Retina XDR', 'A16 Bionic', '48 MP main camera, USB-C', '1 year manufacturer warranty'],
    art: { body: '#c9d6e3', screen: '#22324a', accent: '#8fb3d9' },
  },
  {
    sku: 'oneplus-12',
    name: 'OnePlus 12',
    variant: '256 GB · 12 GB RAM · Flowy Emerald',
    category: 'Mobile',
    brand: 'OnePlus',
    model: 'OnePlus 12',
    price: 64_999,
    mrp: 69_999,
    currency: 'INR',
    country: 'IN',
    highlights: ['6.82″ 2K LTPO AMOLED', 'Snapdragon 8 Gen 3', '100 W SUPERVOOC charging', '1 year manufacturer warranty'],
    art: { body: '#0f3d33', screen: '#1f2a2a', accent: '#3fa38a' },
  },
  {
    sku: 'dell-xps-13',
    name: 'Dell XPS 13',
    variant: 'Core Ultra 7 · 16 GB · 512 GB SSD · Platinum',
    category: 'Laptop',
    brand: 'Dell',
    model: 'XPS 13',
    price: 1_39_990,
    mrp: 1_64_990,
    currency: 'INR',
    country: 'IN',
    highlights: ['13.4″ FHD+ InfinityEdge', 'Intel Core Ultra 7 155H', '1.19 kg aluminium chassis', '1 year onsite warranty'],
    art: { body: '#b8bcc4', screen: '#1e2a3c', accent: '#5b7fb0' },
  },
  {
    sku: 'macbook-air-m3',
    name: 'Apple MacBook Air 13″ (M3)',
    variant: '8-core CPU · 16 GB · 256 GB SSD · Midnight',
    category: 'Laptop',
    brand: 'Apple',
    model: 'MacBook Air M3',
    price: 1_14_900,
    mrp: 1_14_900,
    currency: 'INR',
    country: 'IN',
    highlights: ['13.6″ Liquid Retina', 'Apple M3 chip', 'Up to 18 hours battery', '1 year manufacturer warranty'],
    art: { body: '#2b3040', screen: '#141822', accent: '#6b78a8' },
  },
  {
    sku: 'tecno-camon-30',
    name: 'Tecno Camon 30',
    variant: '256 GB · 8 GB RAM · Basaltic Dark · Nigeria',
    category: 'Mobile',
    brand: 'Tecno',
    model: 'Camon 30',
    price: 485_000,
    mrp: 520_000,
    currency: 'NGN',
    country: 'NG',
    highlights: ['6.78″ AMOLED, 120 Hz', '50 MP Sony IMX890 camera', '5000 mAh, 70 W charging', 'Delivered in Lagos and Abuja'],
    art: { body: '#262626', screen: '#2d3a2e', accent: '#7fb069' },
  },
];

export const productBySku = (sku: string | null): Product | undefined => products.find((product) => product.sku === sku);
