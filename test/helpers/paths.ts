// Locations in the repository, from compiled tests in out/test/...
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");
export const fixture = (...parts: string[]): string => path.join(ROOT, "test", "fixtures", ...parts);
export const sample = (...parts: string[]): string => path.join(ROOT, "samples", ...parts);
