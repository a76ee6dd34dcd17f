import type { Argv } from "yargs";

/** Adds `--engine` and `--model` (declared once for new, revise and questions, so they read the same everywhere). */
export function withEngineFlags<T>(yargs: Argv<T>): Argv<T & { engine: string | undefined; model: string | undefined }> {
  return yargs
    .option("engine", { type: "string", describe: "Advisor engine: offline or anthropic (default: anthropic when ANTHROPIC_API_KEY or a base URL is set)" })
    .option("model", { type: "string", describe: "Claude model for the Anthropic engine (default claude-sonnet-5-5, or anthropic.model in config)" });
}
