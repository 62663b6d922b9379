// The data subpath that date-holidays exports (`require("date-holidays/data")`); the package types only its main entry.
declare module "date-holidays/data" {
  export const data: { version: string; license: string; holidays: Record<string, unknown>; names: Record<string, unknown> };
}
