export declare const README_PATH: string;
export declare function collectStrings(): { id: string; english: string }[];
export declare function stringsTable(): string;
export declare function withCurrentTable(readme: string): string;
