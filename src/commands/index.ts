import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { listCommand } from "./list.js";
import { contextCommand } from "./context.js";

/** Every command, in the order `adrgen --help` lists them. Each module lazy-loads its use case. */
export const commands: Array<CommandModule<GlobalArgs, any>> = [listCommand, contextCommand];
