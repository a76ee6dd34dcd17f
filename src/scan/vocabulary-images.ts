/** What a container image tells: canonical names, and whether its tag is their version. */
export interface ImageMeaning {
  names: readonly string[];
  /** The tag's leading number is the technology's version (false for e.g. `node:20` → javascript). */
  tagIsVersion: boolean;
  /** When set, the tag versions only this name: `citusdata/citus:13.0` is Citus 13.0, not PostgreSQL 13.0. */
  versionedName?: string;
}

const versioned = (...names: string[]): ImageMeaning => ({ names, tagIsVersion: true });
const unversioned = (...names: string[]): ImageMeaning => ({ names, tagIsVersion: false });
/** An image whose tag versions its first name while it also runs the others (Citus on PostgreSQL). */
const versionedFirst = (name: string, ...runs: string[]): ImageMeaning => ({ names: [name, ...runs], tagIsVersion: true, versionedName: name });

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
  // distributed SQL: Citus is a PostgreSQL extension, Vitess shards MySQL (vitess/lite runs vtgate, vttablet and mysqld)
  "citusdata/citus": versionedFirst("citus", "postgresql"),
  citus: versionedFirst("citus", "postgresql"),
  "vitess/lite": versionedFirst("vitess", "mysql"),
  "vitess/vttestserver": versionedFirst("vitess", "mysql"),
  "vitess/vtgate": versionedFirst("vitess", "mysql"),
  "vitess/vttablet": versionedFirst("vitess", "mysql"),
  "yugabytedb/yugabyte": versioned("yugabytedb"),
  "pingcap/tidb": versioned("tidb"),
  // connection poolers; any image whose last segment is the pooler (edoburu/, bitnami/, cloudnative-pg/ …) matches
  pgbouncer: versioned("pgbouncer"),
  "proxysql/proxysql": versioned("proxysql"),
  proxysql: versioned("proxysql"),
  // PgCat images are tagged with commit hashes, whose leading digits are no version
  "postgresml/pgcat": unversioned("pgcat"),
  pgcat: unversioned("pgcat"),
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
  "getmeili/meilisearch": versioned("meilisearch"),
  "getmeili/meilisearch-enterprise": versioned("meilisearch"),
  meilisearch: versioned("meilisearch"),
  "typesense/typesense": versioned("typesense"),
  typesense: versioned("typesense"),
  solr: versioned("solr"),
  "bitnami/solr": versioned("solr"),
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
  varnish: versioned("varnish"),
  kong: versioned("kong"),
  "kong/kong-gateway": versioned("kong"),
  "hashicorp/consul": versioned("consul"),
  consul: versioned("consul"),
  "hashicorp/nomad": versioned("nomad"),
  "istio/proxyv2": versioned("istio"),
  "istio/pilot": versioned("istio"),
  // Helm chart names (chartFindings looks charts up here too)
  istiod: versioned("istio"),
  "linkerd/proxy": unversioned("linkerd"),
  "linkerd/controller": unversioned("linkerd"),
  "linkerd-control-plane": unversioned("linkerd"),
  "linkerd-crds": unversioned("linkerd"),
  linkerd2: unversioned("linkerd"),
  "cilium/cilium": versioned("cilium"),
  cilium: versioned("cilium"),
  "keycloak/keycloak": versioned("keycloak"),
  "jboss/keycloak": versioned("keycloak"),
  // authorization services and policy engines
  "openfga/openfga": versioned("openfga"),
  openfga: versioned("openfga"),
  "authzed/spicedb": versioned("spicedb"),
  spicedb: versioned("spicedb"),
  "openpolicyagent/opa": versioned("opa"),
  "cerbos/cerbos": versioned("cerbos"),
  cerbos: versioned("cerbos"),
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

/** What an image means: `version` applies to every name; `taggedVersion` is the tag's version, for `meaning.versionedName` only. */
export interface ImageLookup {
  meaning: ImageMeaning;
  version: string | undefined;
  taggedVersion: string | undefined;
}

/** What an image reference means, looked up by repository path (registry dropped), then by its last segment. */
export function meaningOfImage(image: string): ImageLookup | undefined {
  const { repository, tag } = parseImageRef(image);
  const lastSegment = repository.split("/").pop() ?? repository;
  const meaning = IMAGE_MEANINGS[repository] ?? IMAGE_MEANINGS[lastSegment];
  if (!meaning) return undefined;
  const taggedVersion = meaning.tagIsVersion ? versionFromTag(tag) : undefined;
  // Callers that give every name the same version must not give Citus's version to PostgreSQL.
  return { meaning, version: meaning.versionedName === undefined ? taggedVersion : undefined, taggedVersion };
}

/** The version an image lookup gives one of its names. */
export function versionForName(lookup: ImageLookup, name: string): string | undefined {
  return lookup.meaning.versionedName === name ? lookup.taggedVersion : lookup.version;
}

/** The leading dotted number of a tag (`16-alpine` → `16`, `7.2.4` → `7.2.4`); undefined for `latest` or variables. */
export function versionFromTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const match = /^v?(\d+(?:\.\d+){0,3})(?![\d])/.exec(tag);
  return match?.[1];
}
