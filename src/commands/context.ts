import path from "node:path";
import type { CommandModule } from "yargs";
import type { FileListing } from "../scan/listing.js";
import type { GlobalArgs } from "./types.js";
import { withJson, workspaceFor } from "./shared.js";

export interface ContextArgs extends GlobalArgs {
  json?: boolean;
}

/**
 * The body of `adrgen context`, shared by the yargs handler and the lean path in bin.ts (which
 * starts the listing before loading anything else and passes it in).
 */
export async function runContextCommand(argv: ContextArgs, early?: FileListing): Promise<void> {
  // Listing a large repository takes about as long as loading the scanner: start git first, in the
  // directory that is usually the workspace root (the scan starts afresh if the root turns out elsewhere).
  const listing = early ?? (await import("../scan/listing.js")).startListing(path.resolve(argv.ctx.cwd, argv.cwd ?? "."));
  try {
    // The scanner module is imported alongside, so its file is read while the workspace resolves.
    const [workspace, app] = await Promise.all([workspaceFor(argv), import("../app/context.js"), import("../scan/scan.js")]);
    const context = await app.buildContext(workspace, {}, { listing });
    if (argv.json) {
      argv.ctx.output.json(app.contextToJson(context));
      return;
    }
    argv.ctx.output.data(app.formatContext(context, argv.ctx.output.c));
    for (const line of app.formatWarnings(context, argv.ctx.output.c)) argv.ctx.output.warn(line);
  } finally {
    listing.dispose();
  }
}

export const contextCommand: CommandModule<GlobalArgs, ContextArgs> = {
  command: "context",
  describe: "Show what the repository is built on (languages, frameworks, datastores, …) with evidence",
  builder: (yargs) =>
    withJson(yargs)
      .example("$0 context", "Summary grouped by category, each item with file:line")
      .example("$0 context --json --cwd ../service", "The full context of another repository as JSON") as never,
  handler: (argv) => runContextCommand(argv),
};
