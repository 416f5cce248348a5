export declare const PRECOMPRESSED_SUFFIXES: string[];
export declare function precompressFolder(folder: string): string[];
