import path from "node:path";
import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withGitFlags } from "./git-flags.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface ImportArgs extends GlobalArgs {
  file: string;
  renumber?: boolean;
  dryRun?: boolean;
  status?: string;
  json?: boolean;
  branch?: string;
  commit?: boolean;
}

export const importCommand: CommandModule<GlobalArgs, ImportArgs> = {
  command: "import <file>",
  describe: "Bring the ADRs of another repository's `adrgen export` into the ADR directory, without number collisions",
  builder: (yargs) =>
    withGitFlags(withJson(yargs))
      .positional("file", { type: "string", describe: "The export file, - to read it from stdin, or another repository's directory (exported on the fly)" })
      .option("renumber", { type: "boolean", describe: "Give the imported ADRs the next free numbers; titles and links between them follow" })
      .option("dry-run", { type: "boolean", describe: "Print the plan (source → target file) and write nothing" })
      .option("status", { type: "string", describe: "Give every imported ADR this status (e.g. proposed), in each file's own style" })
      .example("$0 import decisions.json", "Import keeping the numbers; any collision stops the import (exit 2) and writes nothing")
      .example("$0 import decisions.json --renumber --dry-run", "Show which file each ADR would become with the next free numbers")
      .example("adrgen export --cwd ../other | $0 import - --renumber --status proposed", "Import from stdin, renumbered, each ADR marked proposed")
      .example("$0 import ../payments --renumber", "Import straight from another repository's directory")
      .example("$0 import decisions.json --renumber --json --commit", "Print the result as JSON and commit exactly the imported files (and the index)") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const cwd = commandCwd(argv);
    const { importAdrs } = await import("../app/import.js");
    const { displayPath } = await import("../app/edit-files.js");
    const git = await import("../app/git-flow.js");
    const flow = argv.dryRun ? null : await git.startGitFlow(cwd, { branch: argv.branch, commit: argv.commit }, "adr/import");
    // yargs-parser hands a lone "-" positional over as "" (or true): both can only mean stdin.
    const source = argv.file === "" || (argv.file as unknown) === true ? "-" : String(argv.file);
    const result = await importAdrs(workspace, { source, renumber: argv.renumber, dryRun: argv.dryRun, status: argv.status }, { cwd, stdin: ctx.stdin, env: ctx.env });
    const from = result.source.repository.name;
    const outcome = await git.finishGitFlow(flow, {
      files: [...result.files.map((f) => f.toPath), ...result.index.updated.map((rel) => path.resolve(workspace.root, rel))],
      defaultBranch: "adr/import",
      message: `docs(adr): import ${result.files.length} ADR${result.files.length === 1 ? "" : "s"} from ${from}`,
    });
    for (const warning of [...result.warnings, ...result.index.warnings]) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
    const rel = (p: string) => path.relative(workspace.root, p).split(path.sep).join("/");
    if (argv.json) {
      ctx.output.json({
        dryRun: result.dryRun,
        source: { file: result.source.label, repository: result.source.repository },
        dir: result.dir.rel,
        files: result.files.map((f) => ({ from: { path: f.fromPath, number: f.fromNumber }, to: { path: rel(f.toPath), number: f.toNumber }, title: f.title })),
        warnings: result.warnings,
        index: result.index.updated,
        ...(flow ? { git: outcome } : {}),
      });
    } else if (result.dryRun) {
      for (const f of result.files) ctx.output.data(`${f.fromPath} → ${displayPath(f.toPath, cwd)}`);
    } else {
      for (const f of result.files) ctx.output.data(displayPath(f.toPath, cwd));
    }
    const count = `${result.files.length} ADR${result.files.length === 1 ? "" : "s"}`;
    if (result.files.length === 0) ctx.output.info(`The export from ${from} holds no ADRs; nothing to import.`);
    else ctx.output.info(result.dryRun ? `would import ${count} from ${from} into ${result.dir.rel} (dry run: nothing written)` : `imported ${count} from ${from} into ${result.dir.rel}`);
    for (const file of result.index.updated) ctx.output.info(`updated index ${file}`);
    for (const line of git.describeGitOutcome(outcome)) ctx.output.info(line);
  },
};
