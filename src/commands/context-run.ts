import path from "node:path";
import { buildContext, contextToJson, formatContext, formatWarnings } from "../app/context.js";
import { resolveWorkspace } from "../config/workspace.js";
import { startListing, type FileListing } from "../scan/listing.js";
import type { ContextArgs } from "./context.js";

/**
 * The body of `adrgen context`, shared by the yargs handler and the lean path in bin.ts. Its
 * imports are static, so the lean bundle (dist/lean/context.cjs) holds the whole path in one file.
 */
export async function runContext(argv: ContextArgs, early?: FileListing): Promise<void> {
  // Listing a large repository takes about as long as loading the scanner: callers start git first, in the
  // directory that is usually the workspace root (the scan starts afresh if the root turns out elsewhere).
  const listing = early ?? startListing(path.resolve(argv.ctx.cwd, argv.cwd ?? "."));
  try {
    const workspace = await resolveWorkspace({ cwd: argv.ctx.cwd, cwdFlag: argv.cwd, dirFlag: argv.dir });
    const context = await buildContext(workspace, {}, { listing });
    if (argv.json) {
      argv.ctx.output.json(contextToJson(context));
      return;
    }
    argv.ctx.output.data(formatContext(context, argv.ctx.output.c));
    for (const line of formatWarnings(context, argv.ctx.output.c)) argv.ctx.output.warn(line);
  } finally {
    listing.dispose();
  }
}
