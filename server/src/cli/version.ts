// The package version, written into the bundle at build time (scripts/build.mjs); "0.0.0-dev" when run unbundled.
declare const COVENANT_VERSION: string | undefined;

export const VERSION = typeof COVENANT_VERSION === "string" ? COVENANT_VERSION : "0.0.0-dev";
