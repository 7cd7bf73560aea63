// Types for scripts/notebook-sources.mjs (imported by tests/notebooks/sources.test.ts).
export declare function generate(files: string[]): void;
export declare function strip(files: string[]): string[];
export declare function check(files: string[]): { status: number; output: string };
