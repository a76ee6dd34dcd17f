// A repository where every secret kind the redactor knows (test/scan/planted-secrets.ts) sits in
// every file type the scanner reads, in the places a detector quotes as evidence.
import { PLANTED_SECRETS as S } from "../scan/planted-secrets.js";

const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${S.pemBody}\n-----END RSA PRIVATE KEY-----`;

/** `KEY=value` pairs carrying every planted secret, in a form each file type accepts. */
const pairs: Array<[string, string]> = [
  ["AWS_ACCESS_KEY_ID", S.awsAccessKey],
  ["AWS_SESSION_KEY_ID", S.awsSessionKey],
  ["AWS_SECRET_ACCESS_KEY", S.awsSecretKey],
  ["GITHUB_TOKEN", S.githubPat],
  ["GH_OAUTH", S.githubOauth],
  ["GH_FINE", S.githubFineGrained],
  ["GITLAB_TOKEN", S.gitlab],
  ["SLACK_TOKEN", S.slack],
  ["STRIPE_KEY", S.stripeLive],
  ["STRIPE_RESTRICTED", S.stripeRestricted],
  ["STRIPE_TEST", S.stripeTest],
  ["OPENAI_API_KEY", S.openai],
  ["OPENAI_LEGACY", S.openaiLegacy],
  ["ANTHROPIC_API_KEY", S.anthropic],
  ["DATABASE_URL", `postgres://app:${S.urlPassword}@db:5432/app`],
  ["AUTH_JWT", S.jwt],
  ["SIGNING_SEED", S.highEntropy],
  ["K8S_DATA", S.k8sSecretData],
  ["K8S_PASSWORD", S.k8sStringData],
  ["TF_PASSWORD", S.tfvarsValue],
  ["DB_PASSWORD", S.envPassword],
  ["DEPLOY_TOKEN", S.scriptToken],
];

const hashLines = pairs.map(([k, v]) => `# ${k}=${v}`).join("\n");
const slashLines = pairs.map(([k, v]) => `// ${k}=${v}`).join("\n");
const dashLines = pairs.map(([k, v]) => `-- ${k}=${v}`).join("\n");
const yamlMap = (indent: string) => pairs.map(([k, v]) => `${indent}${k}: "${v}"`).join("\n");
const jsonMap = Object.fromEntries(pairs);

/** The planted repository: path → content. */
export function plantedRepoFiles(): Record<string, string> {
  return {
    "package.json": JSON.stringify({ name: "planted", scripts: { deploy: `DEPLOY_TOKEN=${S.scriptToken} ./deploy.sh`, seed: `curl -H 'Authorization: Bearer ${S.githubPat}' https://x` }, dependencies: { express: "^4.19.2", pg: "^8.11.5", amqplib: "^0.10.4" }, config: jsonMap }, null, 2),
    "composer.json": JSON.stringify({ require: { "laravel/framework": "^11.0" }, extra: jsonMap }, null, 2),
    "Cargo.toml": `[package]\nname = "planted"\n\n[dependencies]\ntokio = "1"\n\n[package.metadata]\n${pairs.map(([k, v]) => `${k.toLowerCase()} = "${v}"`).join("\n")}\n`,
    "go.mod": `module example.com/planted\n\ngo 1.22\n\nrequire github.com/segmentio/kafka-go v0.4.47\n${slashLines}\n`,
    "build.gradle": `plugins { id 'org.springframework.boot' version '3.2.0' }\ndependencies { implementation 'org.postgresql:postgresql:42.7.0' }\n${slashLines}\n`,
    "pom.xml": `<project><properties>${pairs.map(([k, v]) => `<${k.toLowerCase()}>${v}</${k.toLowerCase()}>`).join("")}</properties><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n`,
    "requirements.txt": `django==5.0\ncelery==5.3.0\n${hashLines}\n`,
    "pyproject.toml": `[project]\nname = "planted"\ndependencies = ["fastapi", "redis"]\n\n[tool.planted]\n${pairs.map(([k, v]) => `${k.toLowerCase()} = "${v}"`).join("\n")}\n`,
    Gemfile: `source "https://rubygems.org"\ngem "rails"\ngem "sidekiq"\n${hashLines}\n`,
    Dockerfile: `FROM node:20-alpine\n${pairs.map(([k, v]) => `ENV ${k}=${v}`).join("\n")}\nCMD ["node", "server.js"]\n`,
    "docker-compose.yml": `services:\n  db:\n    image: postgres:16\n    environment:\n${yamlMap("      ")}\n  broker:\n    image: rabbitmq:3.13\n    command: ["--token", "${S.slack}"]\n`,
    ".env.example": `${pairs.map(([k, v]) => `${k}=${v}`).join("\n")}\n`,
    ".env": `${pairs.map(([k, v]) => `${k}=${v}`).join("\n")}\n`,
    "k8s/deploy.yaml": `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.0\n          env:\n${pairs.map(([k, v]) => `            - name: ${k}\n              value: "${v}"`).join("\n")}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  token: ${S.k8sSecretData}\nstringData:\n${yamlMap("  ")}\n`,
    "charts/api/Chart.yaml": `apiVersion: v2\nname: api\nversion: 0.1.0\n${hashLines}\n`,
    "charts/api/values.yaml": `image:\n  repository: redis\n  tag: "7.2"\nsecrets:\n${yamlMap("  ")}\n`,
    "infra/main.tf": `resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  password = "${S.tfvarsValue}"\n}\n${hashLines}\n`,
    "infra/prod.tfvars": `${pairs.map(([k, v]) => `${k.toLowerCase()} = "${v}"`).join("\n")}\n`,
    "nginx.conf": `server {\n  listen 80;\n  location / { proxy_pass http://api:3000; proxy_set_header Authorization "Bearer ${S.jwt}"; }\n}\n${hashLines}\n`,
    "openapi.yaml": `openapi: 3.0.0\ninfo:\n  title: Planted\n  version: "1"\n  description: "example key ${S.stripeLive}"\nservers:\n  - url: https://app:${S.urlPassword}@api.example.com\npaths: {}\nx-secrets:\n${yamlMap("  ")}\n`,
    "schema.graphql": `type Query { hello: String }\n${hashLines}\n`,
    "prisma/schema.prisma": `datasource db {\n  provider = "postgresql"\n  url      = "postgresql://app:${S.urlPassword}@db:5432/app"\n}\n${slashLines}\n`,
    "proto/api.proto": `syntax = "proto3";\nservice Api { rpc Get (Req) returns (Res); }\n${slashLines}\n`,
    "db/migrations/001_init.sql": `CREATE TABLE users (id int);\n${dashLines}\n`,
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true }, planted: jsonMap }, null, 2),
    ".github/workflows/ci.yml": `name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n${yamlMap("      ")}\n    steps:\n      - run: npm test\n      - run: curl -H "Authorization: token ${S.githubPat}" https://api.github.com\n`,
    ".gitlab-ci.yml": `variables:\n${yamlMap("  ")}\ntest:\n  script:\n    - npm test\n`,
    "pnpm-workspace.yaml": `packages:\n  - "packages/*"\n${hashLines}\n`,
    "packages/web/package.json": JSON.stringify({ name: "web", dependencies: { react: "^18.3.1" }, config: jsonMap }, null, 2),
    "keys/deploy.pem": `${PEM}\n`,
    "README.md": `# Planted\n\nUses PostgreSQL and RabbitMQ.\n\n${pairs.map(([k, v]) => `- ${k}: ${v}`).join("\n")}\n\n\`\`\`\n${PEM}\n\`\`\`\n`,
    "docs/adr/0001-use-postgresql.md": `---\nstatus: accepted\ndate: 2024-01-02\n---\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nConnect with postgres://app:${S.urlPassword}@db/app and ${S.awsAccessKey}.\n\n## Considered Options\n\n* PostgreSQL\n* MySQL\n\n## Decision Outcome\n\nChosen option: "PostgreSQL", because the token ${S.githubPat} says so.\n\n### Consequences\n\n* Good, because ${S.anthropic}.\n`,
  };
}

/** The planted secrets that appear in a text (none may). */
export function leakedSecrets(text: string): string[] {
  return Object.entries(S)
    .filter(([, secret]) => text.includes(secret))
    .map(([kind]) => kind);
}
