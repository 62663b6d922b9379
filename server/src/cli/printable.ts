// Text for people: a message or a path never carries a raw control character to a terminal or a log.
// One implementation, in core (the language server's messages use it too).
export { printable, printableKeepingLineBreaks } from "../core/text-file";
