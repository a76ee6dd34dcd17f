import type { CommandModule } from "yargs";
import { usageError } from "../domain/errors.js";
import type { GlobalArgs } from "./types.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface SiteArgs extends GlobalArgs {
  out?: string;
  force?: boolean;
  serve?: boolean;
  port?: string;
  open?: boolean;
  json?: boolean;
}

export const siteCommand: CommandModule<GlobalArgs, SiteArgs> = {
  command: "site",
  describe: "Build a static, self-contained HTML site of every ADR (index, timeline, graph, search); --serve for a live preview",
  builder: (yargs) =>
    withJson(yargs)
      .option("out", { type: "string", describe: "Output directory (default: site.out from the config, else .adrgen/site)" })
      .option("force", { type: "boolean", describe: "Replace an output directory that is not an adrgen site" })
      .option("serve", { type: "boolean", describe: "Serve the site on 127.0.0.1 and rebuild when an ADR changes (Ctrl-C stops)" })
      .option("port", { type: "string", describe: "Port for --serve (default 0: any free port)" })
      .option("open", { type: "boolean", describe: "With --serve, open the site in the default browser" })
      .example("$0 site", "Build the site into .adrgen/site and print its path")
      .example("$0 site --out public/adr", "Build into another folder (e.g. for GitHub Pages)")
      .example("$0 site --serve --port 4000 --open", "Live preview at http://127.0.0.1:4000/ while you write") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    if (!argv.serve && (argv.port !== undefined || argv.open)) {
      throw usageError(`${argv.port !== undefined ? "--port" : "--open"} only works with --serve.`, "Run adrgen site --serve --port <n> for a live preview.");
    }
    const workspace = await workspaceFor(argv);
    const app = await import("../app/site.js");
    const cwd = commandCwd(argv);
    const out = app.siteOutDir(workspace, cwd, argv.out);
    const shown = app.displayPath(ctx.cwd, out);
    const force = Boolean(argv.force);
    const warn = (message: string) => ctx.output.warn(message.startsWith("warning ") ? `${ctx.output.c.yellow("warning")}${message.slice(7)}` : message);
    if (argv.serve) {
      const port = app.validPort(argv.port);
      const { serveSite } = await import("../site/serve.js");
      const io = { info: (message: string) => ctx.output.info(message), warn };
      await app.previewSite({ workspace, out, port, force, open: Boolean(argv.open) }, io, {
        serveSite,
        untilStopped: app.untilInterrupted,
        openUrl: (url) => app.openInBrowser(url, warn),
        onReady: (url) => {
          if (argv.json) ctx.output.json({ url, out });
          else ctx.output.data(url);
          ctx.output.info(`Serving ${shown} at ${url} (live reload on). Press Ctrl-C to stop.`);
        },
      });
      // The pages on disk still load the live-reload client, which has no server to talk to any more.
      ctx.output.info(`Stopped. ${shown} holds the preview build (with live reload); run adrgen site before publishing it.`);
      return;
    }
    const { buildSite } = await import("../site/build.js");
    const report = await app.buildSiteOnce({ workspace, out, force }, { buildSite });
    for (const warning of report.warnings) warn(`warning ${warning}`);
    ctx.output.info(app.formatBuildSummary(report, shown));
    if (argv.json) ctx.output.json(report);
    else ctx.output.data(shown);
  },
};
