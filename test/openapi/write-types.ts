import { writeFileSync } from 'node:fs';
import { generateTypes, typesFile } from './openapi-types.ts';

writeFileSync(typesFile, await generateTypes());
console.log(`wrote ${typesFile}`);
