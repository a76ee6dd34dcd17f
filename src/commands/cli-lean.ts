/**
 * The whole CLI as one CommonJS bundle (dist/lean/cli.cjs), for the commands the build made a V8
 * code cache for (bin.ts picks the cache by command name: dist/lean/cli.<command>.cache). Loading
 * it deserialises the code a command runs instead of compiling some twenty ES-module chunks, which
 * was about a fifth of an `adrgen new` run. Same code as the ES-module build, bundled differently.
 */
export { runCli } from "../cli.js";
export { installInterruptCleanup } from "../io/interrupt.js";
