// Turns a failed request into a message for the user. Pure: JSON-RPC errors are matched by their code.

const REQUEST_CANCELLED = -32800;
const METHOD_NOT_FOUND = -32601;

export interface RequestFailure {
  /** The user cancelled, or a newer request replaced this one: nothing to show. */
  cancelled: boolean;
  message: string;
}

export function requestFailure(error: unknown, method?: string): RequestFailure {
  const code = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined;
  if (code === REQUEST_CANCELLED) return { cancelled: true, message: "Cancelled." };
  if (code === METHOD_NOT_FOUND) {
    return {
      cancelled: false,
      message: `This Covenant language server does not answer ${method ?? "this request"}; update the extension.`,
    };
  }
  let message: string;
  if (error instanceof Error) message = error.message;
  else if (typeof error === "object" && error !== null && "message" in error) message = String((error as { message: unknown }).message);
  else message = String(error);
  message = message.trim() || "The language server could not answer.";
  return { cancelled: false, message: /[.!?]$/.test(message) ? message : message + "." };
}
