// The requests behind "Covenant: New Contract…": the choices the questions offer, and the contract
// written from the answers (server/src/features/new-contract.ts). The client writes the file.
import { Connection, ErrorCodes, ResponseError } from "vscode-languageserver/node";
import {
  NewContractChoicesRequest,
  NewContractRequest,
  NewContractChoices,
  NewContractResult,
} from "../wire/new-contract";
import { localDate } from "../core/values";
import { completeAnswers, GivenAnswers } from "../features/contract-answers";
import { holidayRegions } from "../features/holiday-regions";
import { CONTRACT_KINDS, contractFileName, contractIdentifier, newContract } from "../features/new-contract";

export function registerNewContractRequests(connection: Connection): void {
  connection.onRequest(NewContractChoicesRequest, (): NewContractChoices => ({
    kinds: CONTRACT_KINDS.map((k) => ({ ...k })),
    regions: holidayRegions().map((r) => ({ ...r })),
  }));

  connection.onRequest(NewContractRequest, (raw: unknown): NewContractResult => {
    const given = (typeof raw === "object" && raw !== null ? raw : {}) as GivenAnswers;
    const result = completeAnswers(given, localDate());
    if ("problem" in result) throw new ResponseError(ErrorCodes.InvalidParams, `Cannot write the contract: ${result.problem}.`);
    return { text: newContract(result.answers), contract: contractIdentifier(result.answers), fileName: contractFileName(result.answers) };
  });
}
