import type { Detector } from "../types.js";

const NGINX_CONFIG = /(^|\/)(nginx[^/]*\.conf(\.template)?|nginx\/[^/]+\.conf|[^/]+\.nginx(\.conf)?)$/i;

/** nginx configuration files → nginx (a reverse proxy in infra). */
export const nginxDetector: Detector = {
  id: "nginx",
  // The cheap `includes` keeps the regex off the hot path for the 99% of files that are not nginx configs.
  matches: (path) => path.toLowerCase().includes("nginx") && NGINX_CONFIG.test(path),
  detect(file) {
    // Point at the first server or upstream block when there is one: that is where the proxying happens.
    const index = file.text.split(/\r?\n/).findIndex((line) => /^\s*(server|upstream|http)\b[^;]*\{/.test(line));
    return [{ kind: "item", category: "infra", name: "nginx", evidence: { file: file.path, ...(index >= 0 ? { line: index + 1 } : {}), detail: "nginx configuration" } }];
  },
};
