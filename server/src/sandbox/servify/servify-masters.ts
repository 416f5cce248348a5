/** The brand and product masters exactly as the doc's getBrandList / getProductList samples give them. */
export const servifyBrands = [
  { brandCode: 'APPLE', brandName: 'Apple' },
  { brandCode: 'ONEPLUS', brandName: 'OnePlus' },
  { brandCode: 'OPPO', brandName: 'Oppo' },
  { brandCode: 'XIAOMI', brandName: 'Xiaomi' },
  { brandCode: 'SAM01', brandName: 'LG' },
  { brandCode: 'MICROMX', brandName: 'Micromax' },
];

/** The doc lists products for OnePlus only; other brands answer an empty list. */
export const servifyProducts: Record<string, { productCode: string; productName: string }[]> = {
  ONEPLUS: [
    { productCode: 'B103CA004781', productName: 'OnePlus 6T' },
    { productCode: 'BA66485EBD44', productName: 'OnePlus One' },
    { productCode: 'F37733C894E6', productName: 'OnePlus 2' },
    { productCode: 'DCE009A47A28', productName: 'OnePlus X' },
    { productCode: 'E23C90ED1420', productName: 'OnePlus 3' },
    { productCode: '23F12DC2055A', productName: 'OnePlus 3T' },
    { productCode: 'DF1519283D7A', productName: 'OnePlus 5T' },
    { productCode: 'ACA96ACF8CD2', productName: 'OnePlus 5' },
    { productCode: 'C5D42CDB7884', productName: 'OnePlus 6' },
    { productCode: '20A6A827F8F1', productName: 'OnePlus 7' },
    { productCode: '32F64C1A52FA', productName: 'OnePlus 7 Pro' },
    { productCode: 'CB9492732D3E', productName: 'OnePlus 7T' },
    { productCode: 'FE8664A8FCAF', productName: 'OnePlus 4T' },
    { productCode: '3D636CFA37AE', productName: 'OnePlus 8' },
    { productCode: '4CDDA4526820', productName: 'OnePlus 8 Pro' },
  ],
};
