// Types of scripts/package.mjs for the TypeScript tests that import it.
/** Upper bound of the .vsix size in bytes. */
export declare const MAX_VSIX_BYTES: number;
/** Where `npm run package` writes the .vsix. */
export declare function vsixPath(): string;
/** Builds (unless `build` is false) and packages; returns the .vsix path. */
export declare function packageExtension(options?: { build?: boolean }): string;
