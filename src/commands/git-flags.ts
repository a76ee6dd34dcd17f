import type { Argv } from "yargs";

/** Adds `--branch [name]` and `--commit` to a command that writes ADRs. */
export function withGitFlags<T>(yargs: Argv<T>): Argv<T & { branch: string | undefined; commit: boolean | undefined }> {
  return yargs
    .option("branch", {
      type: "string",
      describe: "Create and switch to a branch first (default name adr/NNNN-slug); put it after the arguments",
    })
    .option("commit", { type: "boolean", describe: "Commit exactly the files adrgen wrote: docs(adr): NNNN <title>" });
}
