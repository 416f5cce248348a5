export declare const WIDGET_DIR: string;
export declare const PINNED_ENTRY: string;
export declare function pinnedIntegrity(options?: { base?: string; directory?: string }): {
  entry: { url: string; integrity: string };
  chunks: string[];
  integrity: Record<string, string>;
  importMap: string;
  importMapSource: string;
  html: string;
};
