// Runs a Node ESM script as if it were the main program and reports its peak RSS on stderr.
import { pathToFileURL } from "node:url";
import { writeSync } from "node:fs";

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on("exit", () => {
  writeSync(2, `\nADRGEN_BENCH_MAXRSS=${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(script).href);
