import { fileNameOf } from "../text-lines.js";
import type { ContextCategory, Detector, Finding } from "../types.js";
import { categoryOf } from "../vocabulary.js";

const ENV_TEMPLATE = /^(\.env\.(example|sample|template|dist|defaults)|[^/]+\.env\.(example|sample|template)|env\.(example|sample|template))$/i;

/** Key-name patterns → the technology the key points at. Keys only: values are never looked at. */
export const ENV_KEY_HINTS: ReadonlyArray<readonly [pattern: RegExp, name: string]> = [
  // Before the PG/MySQL hints: a pooler's keys (PGBOUNCER_DATABASE) name the pooler.
  [/^PGBOUNCER_/, "pgbouncer"],
  [/^PROXYSQL_/, "proxysql"],
  [/^MEILI(SEARCH)?_/, "meilisearch"],
  [/^TYPESENSE_/, "typesense"],
  [/^ALGOLIA_/, "algolia"],
  [/^SOLR_/, "solr"],
  [/^(OPENFGA|FGA)_/, "openfga"],
  [/^SPICEDB_/, "spicedb"],
  [/^CERBOS_/, "cerbos"],
  [/^CONSUL_/, "consul"],
  [/^NOMAD_/, "nomad"],
  [/^(POSTGRES|PG|POSTGRESQL)(_|$)|^PGHOST$/, "postgresql"],
  [/^(MYSQL)(_|$)/, "mysql"],
  [/^MARIADB(_|$)/, "mariadb"],
  [/^MONGO(DB)?(_|$)/, "mongodb"],
  [/^(REDIS)(_|$)/, "redis"],
  [/^MEMCACHED?(_|$)/, "memcached"],
  [/^(ELASTIC(SEARCH)?|ES)_(URL|HOST|HOSTS|NODE|NODES)$|^ELASTICSEARCH_/, "elasticsearch"],
  [/^OPENSEARCH_/, "opensearch"],
  [/^CLICKHOUSE_/, "clickhouse"],
  [/^(AWS_)?S3_/, "s3"],
  [/^MINIO_/, "minio"],
  [/^KAFKA_/, "kafka"],
  [/^(RABBITMQ|RABBIT|AMQP)(_|$)/, "rabbitmq"],
  [/^NATS_/, "nats"],
  [/^(AWS_)?SQS_/, "sqs"],
  [/^(AWS_)?SNS_/, "sns"],
  [/^CELERY_/, "celery"],
  [/^JWT_/, "jwt"],
  [/^(OAUTH2?|OIDC)_/, "oauth2"],
  [/^AUTH0_/, "auth0"],
  [/^KEYCLOAK_/, "keycloak"],
  [/^NEXTAUTH_/, "next-auth"],
  [/^CLERK_/, "clerk"],
  [/^SENTRY_/, "sentry"],
  [/^(DD|DATADOG)_/, "datadog"],
  [/^OTEL_/, "opentelemetry"],
];

/** The technology a key name points at (first matching hint), remembered per key: monorepos repeat `DATABASE_URL` in every service. */
function hintOfKey(key: string): { category: ContextCategory; name: string } | undefined {
  if (keyHints.has(key)) return keyHints.get(key);
  let hint: { category: ContextCategory; name: string } | undefined;
  for (const [pattern, name] of ENV_KEY_HINTS) {
    const category = categoryOf(name);
    if (!category || !pattern.test(key)) continue;
    hint = { category, name };
    break;
  }
  if (keyHints.size < MAX_REMEMBERED_KEYS) keyHints.set(key, hint);
  return hint;
}

const keyHints = new Map<string, { category: ContextCategory; name: string } | undefined>();
const MAX_REMEMBERED_KEYS = 10_000;

/** `.env.example`/`.env.sample`/`.env.template`: configuration key names as hints, never their values. */
export const envExampleDetector: Detector = {
  id: "env-example",
  matchesByName: true,
  matches: (path) => ENV_TEMPLATE.test(fileNameOf(path)),
  detect(file) {
    const findings: Finding[] = [];
    file.text.split(/\r?\n/).forEach((line, index) => {
      // Only the part before `=` is kept; the value is dropped before anything else sees it.
      const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*[=:]/.exec(line)?.[1]?.toUpperCase();
      if (!key) return;
      const hint = hintOfKey(key);
      if (hint) findings.push({ kind: "item", category: hint.category, name: hint.name, evidence: { file: file.path, line: index + 1, detail: `env key ${key}` } });
    });
    return findings;
  },
};
