// Generates a large, realistic monorepo for benchmarking `adrgen context`:
//   node scripts/gen-large-repo.mjs <dir> [fileCount=50000]
// npm workspaces with many packages (each with package.json, tsconfig and source files),
// compose files, Dockerfiles, .env.example files, a few files over 1 MB, and an ignored
// node_modules tree; then `git init` and one commit. Deterministic for a given count.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const [dirArg, countArg] = process.argv.slice(2);
if (!dirArg) {
  console.error("usage: node scripts/gen-large-repo.mjs <dir> [fileCount=50000]");
  process.exit(2);
}
const root = path.resolve(dirArg);
const target = Number(countArg ?? 50000);
if (!Number.isInteger(target) || target < 100) {
  console.error("fileCount must be an integer >= 100");
  process.exit(2);
}

// A small linear congruential generator keeps the output identical between runs.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const DEPENDENCY_SETS = [
  { express: "^4.19.2", pg: "^8.11.5", ioredis: "^5.4.1" },
  { fastify: "^4.27.0", mysql2: "^3.9.7", kafkajs: "^2.2.4" },
  { "@nestjs/core": "^10.3.8", typeorm: "^0.3.20", amqplib: "^0.10.4", "@nestjs/graphql": "^12.1.1" },
  { next: "14.2.3", react: "^18.3.1", "next-auth": "^4.24.7" },
  { koa: "^2.15.3", mongoose: "^8.4.0", bullmq: "^5.7.0" },
  { "@trpc/server": "^10.45.2", ws: "^8.17.0", nats: "^2.24.0", "@aws-sdk/client-sqs": "^3.583.0" },
  { lodash: "^4.17.21", zod: "^3.23.8" },
];
const IMAGES = ["postgres:16-alpine", "redis:7.2", "rabbitmq:3.13-management", "bitnami/kafka:3.7", "mongo:7.0", "nginx:1.27", "minio/minio:latest"];

let written = 0;
function write(rel, content) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  written++;
}

function sourceFile(pkg, index) {
  const lines = [`// ${pkg} module ${index}`, `import { helper${index % 7} } from "../lib/helpers.js";`, ""];
  const functions = 3 + Math.floor(random() * 12);
  for (let f = 0; f < functions; f++) {
    lines.push(`export function handler${index}_${f}(input: string): string {`, `  return helper${index % 7}(input) + "${pkg}-${f}";`, "}", "");
  }
  return lines.join("\n");
}

mkdirSync(root, { recursive: true });
write(".gitignore", "node_modules/\ndist/\n.env\n");
write("package.json", JSON.stringify({ name: "bench-monorepo", private: true, workspaces: ["packages/*", "services/*"], devDependencies: { typescript: "^5.5.2" } }, null, 2));
write("tsconfig.base.json", JSON.stringify({ compilerOptions: { strict: true, target: "ES2022" } }, null, 2));
write("docker-compose.yml", `services:\n${IMAGES.map((image, i) => `  dep${i}:\n    image: ${image}\n`).join("")}`);
write(".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n");
write("README.md", "# bench monorepo\n");

// Packages of about 40 files each until the requested count is reached.
for (let p = 0; written < target; p++) {
  const group = p % 3 === 0 ? "services" : "packages";
  const name = `${group === "services" ? "svc" : "pkg"}-${p}`;
  const base = `${group}/${name}`;
  if (written >= target) break;
  write(`${base}/package.json`, JSON.stringify({ name: `@bench/${name}`, version: "1.0.0", dependencies: pick(DEPENDENCY_SETS) }, null, 2));
  write(`${base}/tsconfig.json`, JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src"] }, null, 2));
  write(`${base}/src/lib/helpers.ts`, Array.from({ length: 7 }, (_, i) => `export const helper${i} = (s: string) => s + "${i}";`).join("\n"));
  if (group === "services") {
    write(`${base}/Dockerfile`, `FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:20-alpine\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/index.js"]\n`);
    write(`${base}/.env.example`, "DATABASE_URL=\nREDIS_URL=\nKAFKA_BROKERS=\n");
    if (p % 9 === 0) write(`${base}/docker-compose.dev.yml`, `services:\n  ${name}:\n    build: .\n  db:\n    image: ${pick(IMAGES)}\n`);
  }
  for (let f = 0; written < target && f < 34; f++) write(`${base}/src/module-${f}.ts`, sourceFile(name, f));
  if (p % 25 === 0 && written < target) write(`${base}/fixtures/big-data.json`, JSON.stringify({ rows: "x".repeat(1_200_000) }));
}
// Ignored dependencies: present on disk like a real checkout, invisible to git ls-files.
for (let i = 0; i < 200; i++) {
  const dir = path.join(root, "node_modules", `dep-${i}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `dep-${i}`, dependencies: { express: "4" } }));
}

const env = { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.com", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.com" };
const git = (...args) => execFileSync("git", args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
git("init", "-q", "-b", "main");
git("config", "commit.gpgsign", "false");
git("add", "-A");
git("commit", "-q", "-m", "generated benchmark repository");
console.error(`generated ${written} tracked files in ${root}`);
