// `--print-prompt`: the engine writes each request instead of sending it, then stops the run
// before anything is decided or written. Light on purpose: the command imports it.

/** Thrown after the decide request is printed: the run ends with exit 0 and nothing written. */
export class PromptPrinted extends Error {
  constructor() {
    super("The prompt was printed; nothing was sent or written.");
    this.name = "PromptPrinted";
  }
}

/** True for the signal that ends a --print-prompt run. */
export function isPromptPrinted(error: unknown): error is PromptPrinted {
  return error instanceof Error && error.name === "PromptPrinted";
}
