// The wire types of "Covenant: New Contract…" (docs/protocol.md), declared once for the language server
// (server/src/lsp/new-contract.ts) and the extension.
import { RequestType } from "vscode-jsonrpc";

export type ContractKindName = "saas" | "managed-services" | "implementation";

export interface NewContractChoices {
  kinds: { kind: ContractKindName; title: string; description: string }[];
  /** Every bundled holiday region: countries, each followed by its states or provinces. */
  regions: { code: string; name: string; timezone: string }[];
}

export interface NewContractParams {
  kind: ContractKindName;
  customer: string;
  supplier: string;
  law: string;
  /** A holiday region code, e.g. GB-ENG. */
  region: string;
  /** `YYYY-MM-DD`; the server's today when absent. */
  effective?: string;
}

export interface NewContractResult {
  /** The whole contract, in canonical layout. */
  text: string;
  /** The contract's identifier and the file name it suggests (`northwind-acme-msa.covenant`). */
  contract: string;
  fileName: string;
}

/** No parameters; answers what the questions offer. */
export const NewContractChoicesRequest = new RequestType<Record<string, never>, NewContractChoices, void>("covenant/newContractChoices");
/** NewContractParams → NewContractResult; an answer that cannot be used is an InvalidParams error in the user's words. */
export const NewContractRequest = new RequestType<NewContractParams, NewContractResult, void>("covenant/newContract");
