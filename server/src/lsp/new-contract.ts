// The requests behind "Covenant: New Contract…": the choices the questions offer, and the contract
// written from the answers (server/src/templates). The client writes the file.
import { Connection, ErrorCodes, ResponseError } from "vscode-languageserver/node";
import {
  NEW_CONTRACT_CHOICES_REQUEST,
  NEW_CONTRACT_REQUEST,
  NewContractChoices,
  NewContractResult,
} from "../../../client/src/new-contract-protocol";
import { localDate } from "../core/values";
import { completeAnswers, GivenAnswers } from "../templates/contract-answers";
import { holidayRegions } from "../templates/holiday-regions";
import { CONTRACT_KINDS, contractFileName, contractIdentifier, newContract } from "../templates/new-contract";

export function registerNewContractRequests(connection: Connection): void {
  connection.onRequest(NEW_CONTRACT_CHOICES_REQUEST, (): NewContractChoices => ({
    kinds: CONTRACT_KINDS.map((k) => ({ ...k })),
    regions: holidayRegions().map((r) => ({ ...r })),
  }));

  connection.onRequest(NEW_CONTRACT_REQUEST, (raw: unknown): NewContractResult => {
    const given = (typeof raw === "object" && raw !== null ? raw : {}) as GivenAnswers;
    const result = completeAnswers(given, localDate());
    if ("problem" in result) throw new ResponseError(ErrorCodes.InvalidParams, `Cannot write the contract: ${result.problem}.`);
    return { text: newContract(result.answers), contract: contractIdentifier(result.answers), fileName: contractFileName(result.answers) };
  });
}
