/** What a container image tells: canonical names, and whether its tag is their version. */
export interface ImageMeaning {
  names: readonly string[];
  /** The tag's leading number is the technology's version (false for e.g. `node:20` → javascript). */
  tagIsVersion: boolean;
}

const versioned = (...names: string[]): ImageMeaning => ({ names, tagIsVersion: true });
const unversioned = (...names: string[]): ImageMeaning => ({ names, tagIsVersion: false });

/** Image repositories (full path first, then last path segment) → meaning. */
export const IMAGE_MEANINGS: Readonly<Record<string, ImageMeaning>> = {
  postgres: versioned("postgresql"),
  "postgis/postgis": versioned("postgresql"),
  "bitnami/postgresql": versioned("postgresql"),
  "timescale/timescaledb": unversioned("timescaledb", "postgresql"),
  mysql: versioned("mysql"),
  "bitnami/mysql": versioned("mysql"),
  "mysql-server": versioned("mysql"),
  mariadb: versioned("mariadb"),
  "mssql/server": versioned("mssql"),
  "cockroachdb/cockroach": versioned("cockroachdb"),
  mongo: versioned("mongodb"),
  "bitnami/mongodb": versioned("mongodb"),
  "amazon/dynamodb-local": unversioned("dynamodb"),
  cassandra: versioned("cassandra"),
  "scylladb/scylla": versioned("scylladb"),
  couchdb: versioned("couchdb"),
  neo4j: versioned("neo4j"),
  elasticsearch: versioned("elasticsearch"),
  "opensearchproject/opensearch": versioned("opensearch"),
  opensearch: versioned("opensearch"),
  "clickhouse/clickhouse-server": versioned("clickhouse"),
  "yandex/clickhouse-server": versioned("clickhouse"),
  "clickhouse-server": versioned("clickhouse"),
  influxdb: versioned("influxdb"),
  "minio/minio": unversioned("minio"),
  minio: unversioned("minio"),
  redis: versioned("redis"),
  "redis/redis-stack": versioned("redis"),
  "redis-stack-server": versioned("redis"),
  "bitnami/redis": versioned("redis"),
  "valkey/valkey": versioned("valkey"),
  "eqalpha/keydb": versioned("keydb"),
  "dragonflydb/dragonfly": versioned("dragonfly"),
  memcached: versioned("memcached"),
  "hazelcast/hazelcast": versioned("hazelcast"),
  rabbitmq: versioned("rabbitmq"),
  "bitnami/rabbitmq": versioned("rabbitmq"),
  "confluentinc/cp-kafka": unversioned("kafka"),
  "confluentinc/cp-server": unversioned("kafka"),
  "bitnami/kafka": versioned("kafka"),
  "apache/kafka": versioned("kafka"),
  "wurstmeister/kafka": unversioned("kafka"),
  "redpandadata/redpanda": unversioned("kafka"),
  "vectorized/redpanda": unversioned("kafka"),
  "confluentinc/cp-zookeeper": unversioned("zookeeper"),
  "bitnami/zookeeper": versioned("zookeeper"),
  zookeeper: versioned("zookeeper"),
  nats: versioned("nats"),
  "apachepulsar/pulsar": versioned("pulsar"),
  "apache/activemq-artemis": versioned("activemq"),
  "eclipse-mosquitto": unversioned("mqtt"),
  nginx: versioned("nginx"),
  "nginxinc/nginx-unprivileged": versioned("nginx"),
  traefik: versioned("traefik"),
  haproxy: versioned("haproxy"),
  caddy: versioned("caddy"),
  "envoyproxy/envoy": versioned("envoy"),
  "localstack/localstack": unversioned("localstack"),
  "mailhog/mailhog": unversioned("mailhog"),
  "prom/prometheus": unversioned("prometheus"),
  "grafana/grafana": unversioned("grafana"),
  "jaegertracing/all-in-one": unversioned("jaeger"),
  "otel/opentelemetry-collector": unversioned("opentelemetry"),
  "otel/opentelemetry-collector-contrib": unversioned("opentelemetry"),
  "keycloak/keycloak": versioned("keycloak"),
  "jboss/keycloak": versioned("keycloak"),
  // language runtimes (Dockerfile base images)
  node: unversioned("javascript"),
  python: versioned("python"),
  golang: versioned("go"),
  openjdk: versioned("java"),
  "eclipse-temurin": versioned("java"),
  "amazoncorretto": versioned("java"),
  maven: unversioned("java"),
  gradle: unversioned("java"),
  ruby: versioned("ruby"),
  php: versioned("php"),
  rust: versioned("rust"),
  elixir: versioned("elixir"),
  "dotnet/aspnet": versioned("csharp"),
  "dotnet/sdk": versioned("csharp"),
};

/** A parsed image reference: `repository` without registry host, `tag` when given. */
export interface ImageRef {
  repository: string;
  tag: string | undefined;
}

/** Splits `registry/ns/name:tag@digest` into repository (no registry) and tag. */
export function parseImageRef(image: string): ImageRef {
  const noDigest = image.split("@")[0] ?? image;
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  const tag = colon > slash ? noDigest.slice(colon + 1) : undefined;
  let repository = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const parts = repository.split("/");
  // A first segment with a dot, a port or "localhost" is a registry host (docker.io/library/x → x).
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? "")) parts.shift();
  if (parts[0] === "library") parts.shift();
  repository = parts.join("/").toLowerCase();
  return { repository, tag };
}

/** What an image reference means, looked up by repository path (registry dropped), then by its last segment. */
export function meaningOfImage(image: string): { meaning: ImageMeaning; version: string | undefined } | undefined {
  const { repository, tag } = parseImageRef(image);
  const lastSegment = repository.split("/").pop() ?? repository;
  const meaning = IMAGE_MEANINGS[repository] ?? IMAGE_MEANINGS[lastSegment];
  if (!meaning) return undefined;
  return { meaning, version: meaning.tagIsVersion ? versionFromTag(tag) : undefined };
}

/** The leading dotted number of a tag (`16-alpine` → `16`, `7.2.4` → `7.2.4`); undefined for `latest` or variables. */
export function versionFromTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const match = /^v?(\d+(?:\.\d+){0,3})(?![\d])/.exec(tag);
  return match?.[1];
}
