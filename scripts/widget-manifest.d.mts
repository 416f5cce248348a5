export declare const MANIFEST_PATH: string;
export declare function normalizeManifest(text: string): string;
export declare function analyzeWidget(outdir: string): string;
export declare function shapeManifest(manifest: unknown): unknown;
