// The "write this revision?" prompt, on stderr so stdout keeps only the diff.
import { abortedError } from "../clarify/prompt.js";

/** Asks whether to write (default no); Ctrl-C becomes the usual "Aborted; nothing was written." exit. */
export async function confirmWrite(io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Promise<boolean> {
  const { confirm } = await import("@inquirer/prompts");
  try {
    return await confirm({ message: "Write this revision?", default: false }, { input: io.input, output: io.output });
  } catch (error) {
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) throw abortedError(error);
    throw error;
  }
}
