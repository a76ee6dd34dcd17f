// Small text helpers for rendering a Decision as prose that reads well after "because".

/** Capitalised names that must keep their capital after "because" (option names are added per decision). */
const PROPER_NOUNS = new Set(
  (
    "Amazon Google Azure Microsoft Apache Erlang Java Python Ruby Rails Go Node Deno Bun Celery Sidekiq Resque Redis Valkey " +
    "Kafka Postgres Mongo Kubernetes Docker Linux Windows Spring Django Flask Express Nest Fastify Helm Terraform Pulumi Envoy " +
    "Istio Linkerd Consul Vault Prometheus Grafana Loki Tempo Jaeger Zipkin Sentry Datadog Honeycomb Splunk Elastic Elasticsearch " +
    "Kibana Cloudflare Fastly Akamai Okta Keycloak Cognito Lambda Fargate Heroku Vercel Netlify Render Memcached Cassandra Scylla " +
    "Aurora Dynamo Spanner Meilisearch Typesense Solr Nginx Traefik Caddy Kong Jenkins Buildkite Argo Flux Temporal Hangfire " +
    "Quartz Oban Bull Pulsar Kinesis Firestore Firebase Supabase Neon Vitess Citus Patroni Debezium Zookeeper Snowflake Redshift " +
    "Spark Flink Airflow Swagger Redoc Protobuf Avro Raft Doppler Infisical Sops Tomcat Hikari Laravel Symfony Phoenix Elixir " +
    "Rust Kotlin Scala Gradle Maven Swarm Nomad Openshift Rancher Knative"
  ).split(" "),
);

/** Rewrites text as the continuation of "because …": trimmed, no final full stop, a leading ordinary word lower-cased. */
export function clauseWith(names: ReadonlySet<string>): (text: string) => string {
  return (text) => {
    const trimmed = text.trim().replace(/\s+/g, " ").replace(/\.$/, "");
    // A word glued to another by "/" or "." is part of a name (Pub/Sub, Node.js).
    const first = /^([A-Z][a-z]*)(?![A-Za-z0-9/.])/.exec(trimmed)?.[1];
    if (!first || PROPER_NOUNS.has(first) || names.has(first)) return trimmed;
    return first.toLowerCase() + trimmed.slice(first.length);
  };
}

/** Ordinary words that option names contain ("Managed cloud queue", "Pub/Sub") but that are not names. */
const ORDINARY_IN_NAMES = new Set(
  (
    "A An The In On Of No None Managed Self Hosted Sub Pub Cloud Service Services Bus Queue Queues Stream Streams Based Database Server " +
    "Serverless Plain Simple Custom Single Multi Shared Separate Dedicated Read Write Event Events Message Messages Full Hybrid Modular " +
    "Table Vertical Horizontal Offset Cursor Page Keyset Token Tokens Session Sessions Role Attribute Relationship Object Edge Global Local " +
    "Application App Gateway Reverse Proxy Load Balancer Container Containers Virtual Machines Open Source Platform Functions Storage Keys"
  ).split(" "),
);

/** Capitalised words of option names ("Redis", "Amazon", "Kafka"), which stay capitalised after "because". */
export function namesIn(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((text) => text.match(/\b[A-Z][A-Za-z0-9]*\b/g) ?? []).filter((word) => !ORDINARY_IN_NAMES.has(word)));
}

/** Ends text with one full stop (keeps its own `!` or `?`); whitespace collapsed. */
export function sentenceOf(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return "";
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A markdown bullet list, one `* ` line per item. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `* ${item}`).join("\n");
}

/** A numbered markdown list. */
export function numbered(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join("\n");
}

/** A table cell: pipes escaped, line breaks flattened. */
export function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");
}

/** A number without trailing zeros: 3, 4.5, 3.75. */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}
