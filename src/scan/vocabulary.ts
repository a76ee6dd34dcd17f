import type { ContextCategory } from "./types.js";

/**
 * Every canonical technology name adrgen reports, by category. Detectors use these names
 * and the README's vocabulary table is generated from this list, so code and docs agree.
 * Names are lower-case and hyphenated.
 */
export const VOCABULARY: Record<ContextCategory, readonly string[]> = {
  languages: [
    "javascript", "typescript", "python", "go", "java", "kotlin", "scala", "groovy", "ruby", "php", "rust",
    "csharp", "elixir", "c", "cpp", "swift", "dart",
  ],
  frameworks: [
    // HTTP servers
    "express", "nestjs", "fastify", "koa", "hapi", "hono", "adonisjs", "django", "flask", "fastapi", "starlette",
    "spring-boot", "spring-webflux", "quarkus", "micronaut", "ktor", "gin", "echo", "fiber", "chi", "gorilla-mux",
    "rails", "sinatra", "laravel", "symfony", "slim", "actix-web", "axum", "rocket", "aspnet-core", "phoenix",
    "django-rest-framework", "sanic", "hanami", "grape", "lumen", "laminas", "api-platform", "warp", "poem",
    // servers, runtimes and toolkits under an HTTP framework
    "uvicorn", "gunicorn", "puma", "rack", "tokio",
    // front-end and full-stack
    "nextjs", "nuxt", "react", "vue", "angular", "svelte", "sveltekit", "remix", "astro", "solid",
    // ORMs and data mappers
    "prisma", "typeorm", "sequelize", "drizzle", "mongoose", "knex", "mikro-orm", "objection", "kysely",
    "sqlalchemy", "django-orm", "hibernate", "spring-data-jpa", "mybatis", "gorm", "sqlx", "diesel", "sea-orm",
    "active-record", "eloquent", "doctrine", "sqlmodel", "tortoise-orm", "ent",
    // schema migrations
    "alembic", "flyway", "liquibase",
  ],
  datastores: [
    "postgresql", "mysql", "mariadb", "sqlite", "mssql", "oracle", "cockroachdb", "mongodb", "dynamodb", "cassandra",
    "scylladb", "couchdb", "neo4j", "elasticsearch", "opensearch", "clickhouse", "influxdb", "timescaledb",
    "bigquery", "snowflake", "s3", "minio", "gcs", "azure-blob-storage", "firestore", "cosmosdb",
    // distributed SQL over PostgreSQL or MySQL, and PostgreSQL/MySQL-compatible NewSQL
    "citus", "vitess", "yugabytedb", "tidb",
    // search engines (elasticsearch and opensearch above): the index is a store the app queries
    "meilisearch", "typesense", "solr", "algolia",
  ],
  caches: ["redis", "memcached", "valkey", "keydb", "dragonfly", "hazelcast"],
  messaging: [
    "kafka", "rabbitmq", "nats", "sqs", "sns", "kinesis", "google-pubsub", "azure-service-bus", "eventbridge",
    "bullmq", "bee-queue", "celery", "sidekiq", "resque", "mqtt", "zeromq", "pulsar", "activemq", "zookeeper",
    "dramatiq", "rq", "asynq", "good-job", "solid-queue",
  ],
  apiStyles: ["rest", "openapi", "graphql", "grpc", "trpc", "websocket", "soap", "json-rpc"],
  auth: [
    "jwt", "oauth2", "oidc", "passport", "next-auth", "auth0", "keycloak", "clerk", "sessions", "spring-security",
    "devise", "cognito", "firebase-auth", "saml", "lucia", "better-auth",
    // authorization services and policy engines
    "openfga", "spicedb", "opa", "casbin", "cerbos",
  ],
  infra: [
    "docker", "docker-compose", "kubernetes", "helm", "kustomize", "terraform", "pulumi", "aws-cdk", "serverless",
    "ansible", "nginx", "traefik", "haproxy", "caddy", "envoy", "localstack", "mailhog", "varnish", "kong",
    // database connection poolers: proxies in front of a database, not stores (like haproxy in front of HTTP)
    "pgbouncer", "pgcat", "proxysql",
    // service mesh, cluster networking and the HashiCorp scheduler stack
    "istio", "linkerd", "cilium", "consul", "nomad",
    "aws", "aws-ecs", "aws-lambda", "aws-eks", "aws-rds", "gcp", "cloud-run", "gke", "azure", "aks",
    "digitalocean", "heroku", "fly-io", "vercel", "netlify", "render", "cloudflare",
    "prometheus", "grafana", "opentelemetry", "sentry", "datadog", "jaeger",
  ],
  ci: [
    "github-actions", "gitlab-ci", "travis-ci", "circleci", "woodpecker", "jenkins", "azure-pipelines",
    "bitbucket-pipelines", "drone", "buildkite", "appveyor", "teamcity", "google-cloud-build", "aws-codebuild",
  ],
};

/** Frameworks whose presence means the app serves HTTP, hence a `rest` API style. */
export const HTTP_SERVER_FRAMEWORKS: ReadonlySet<string> = new Set([
  "express", "nestjs", "fastify", "koa", "hapi", "hono", "adonisjs", "django", "flask", "fastapi", "starlette",
  "spring-boot", "spring-webflux", "quarkus", "micronaut", "ktor", "gin", "echo", "fiber", "chi", "gorilla-mux",
  "rails", "sinatra", "laravel", "symfony", "slim", "actix-web", "axum", "rocket", "aspnet-core", "phoenix",
  "django-rest-framework", "sanic", "hanami", "grape", "lumen", "laminas", "api-platform", "warp", "poem",
]);

/** Cloud platforms: reported only with deployment evidence, never from an SDK dependency alone. */
export const CLOUD_PLATFORMS: ReadonlySet<string> = new Set([
  "aws", "gcp", "azure", "digitalocean", "heroku", "fly-io", "vercel", "netlify", "render", "cloudflare",
]);

const CATEGORY_BY_NAME = new Map<string, ContextCategory>(
  (Object.entries(VOCABULARY) as Array<[ContextCategory, readonly string[]]>).flatMap(([category, names]) =>
    names.map((name) => [name, category] as const),
  ),
);

/** The category a canonical name belongs to, or undefined when it is not in the vocabulary. */
export function categoryOf(name: string): ContextCategory | undefined {
  return CATEGORY_BY_NAME.get(name);
}
