// Injected into dist/lean/context.cjs by scripts/build.mjs: `import.meta.url` for modules bundled as CommonJS.
import { pathToFileURL } from "node:url";

export const adrgenModuleUrl = pathToFileURL(__filename).href;
