import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { listCommand } from "./list.js";
import { showCommand } from "./show.js";
import { searchCommand } from "./search.js";
import { contextCommand } from "./context.js";
import { lintCommand } from "./lint.js";
import { initCommand } from "./init.js";
import { newCommand } from "./new.js";
import { reviseCommand } from "./revise.js";
import { questionsCommand } from "./questions.js";
import { statusCommand } from "./status.js";
import { tagCommand } from "./tag.js";
import { supersedeCommand } from "./supersede.js";
import { linkCommand } from "./link.js";
import { indexCommand } from "./index-cmd.js";
import { checkCommand } from "./check.js";
import { renumberCommand } from "./renumber.js";
import { mcpCommand } from "./mcp.js";
import { suggestCommand } from "./suggest.js";
import { exportCommand } from "./export.js";
import { importCommand } from "./import.js";
import { siteCommand } from "./site.js";

/** Every command, in the order `adrgen --help` lists them. Each module lazy-loads its use case. */
export const commands: Array<CommandModule<GlobalArgs, any>> = [initCommand, newCommand, reviseCommand, questionsCommand, listCommand, showCommand, searchCommand, siteCommand, statusCommand, tagCommand, supersedeCommand, linkCommand, indexCommand, contextCommand, lintCommand, checkCommand, suggestCommand, renumberCommand, exportCommand, importCommand, mcpCommand];
