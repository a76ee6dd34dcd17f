import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { commandCwd } from "./shared.js";

interface McpArgs extends GlobalArgs {
  allowWrite?: boolean;
}

export const mcpCommand: CommandModule<GlobalArgs, McpArgs> = {
  command: "mcp",
  describe: "Serve the ADRs, the repository context and the advisor to coding agents (Model Context Protocol on stdio)",
  builder: (yargs) =>
    yargs
      .option("allow-write", { type: "boolean", describe: "Allow tools that write (set_status, draft_decision with write: true); read-only by default" })
      .example("$0 mcp", "Read-only MCP server for the repository in the current directory")
      .example("$0 mcp --cwd ~/src/shop --allow-write", "Serve another repository and allow status changes and new ADRs")
      .example("claude mcp add adrgen -- npx adrgen mcp", "Register it with Claude Code") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const { resolveWorkspace } = await import("../config/workspace.js");
    const cwd = commandCwd(argv);
    // Fail before serving when --cwd or the config is wrong: a client shows the exit, not a silent server.
    await resolveWorkspace({ cwd, dirFlag: argv.dir });
    const { serveMcpStdio } = await import("../mcp/server.js");
    await serveMcpStdio(
      { cwd, dir: argv.dir, allowWrite: Boolean(argv.allowWrite), env: ctx.env, log: (line) => ctx.output.info(line) },
      { stdin: ctx.stdin, stdout: process.stdout },
    );
  },
};
