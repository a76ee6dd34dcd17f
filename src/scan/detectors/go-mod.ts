import type { Detector, Finding } from "../types.js";
import { cleanVersion, hasFileName, itemFinding, itemFindings, tech, type DependencyRules } from "./dependency-rules.js";

/** Go module path (without a `/vN` suffix) → what it proves; a rule also covers the module's sub-packages. */
export const GO_RULES: DependencyRules = {
  "github.com/gin-gonic/gin": [tech("frameworks", "gin", true)],
  "github.com/labstack/echo": [tech("frameworks", "echo", true)],
  "github.com/gofiber/fiber": [tech("frameworks", "fiber", true)],
  "github.com/go-chi/chi": [tech("frameworks", "chi", true)],
  "github.com/gorilla/mux": [tech("frameworks", "gorilla-mux", true)],
  "github.com/gorilla/websocket": [tech("apiStyles", "websocket")],
  "google.golang.org/grpc": [tech("apiStyles", "grpc")],
  "github.com/99designs/gqlgen": [tech("apiStyles", "graphql")],
  "github.com/graph-gophers/graphql-go": [tech("apiStyles", "graphql")],
  "gorm.io/gorm": [tech("frameworks", "gorm", true)],
  "entgo.io/ent": [tech("frameworks", "ent", true)],
  "gorm.io/driver/postgres": [tech("datastores", "postgresql")],
  "gorm.io/driver/mysql": [tech("datastores", "mysql")],
  "gorm.io/driver/sqlite": [tech("datastores", "sqlite")],
  "github.com/jackc/pgx": [tech("datastores", "postgresql")],
  "github.com/lib/pq": [tech("datastores", "postgresql")],
  "github.com/go-sql-driver/mysql": [tech("datastores", "mysql")],
  "github.com/mattn/go-sqlite3": [tech("datastores", "sqlite")],
  "go.mongodb.org/mongo-driver": [tech("datastores", "mongodb")],
  "github.com/elastic/go-elasticsearch": [tech("datastores", "elasticsearch")],
  "github.com/olivere/elastic": [tech("datastores", "elasticsearch")],
  "github.com/ClickHouse/clickhouse-go": [tech("datastores", "clickhouse")],
  "github.com/minio/minio-go": [tech("datastores", "minio")],
  "github.com/gocql/gocql": [tech("datastores", "cassandra")],
  "vitess.io/vitess": [tech("datastores", "vitess")],
  "github.com/meilisearch/meilisearch-go": [tech("datastores", "meilisearch")],
  "github.com/typesense/typesense-go": [tech("datastores", "typesense")],
  "github.com/algolia/algoliasearch-client-go": [tech("datastores", "algolia")],
  "github.com/redis/go-redis": [tech("caches", "redis")],
  "github.com/go-redis/redis": [tech("caches", "redis")],
  "github.com/gomodule/redigo": [tech("caches", "redis")],
  "github.com/segmentio/kafka-go": [tech("messaging", "kafka")],
  "github.com/IBM/sarama": [tech("messaging", "kafka")],
  "github.com/Shopify/sarama": [tech("messaging", "kafka")],
  "github.com/confluentinc/confluent-kafka-go": [tech("messaging", "kafka")],
  "github.com/twmb/franz-go": [tech("messaging", "kafka")],
  "github.com/nats-io/nats.go": [tech("messaging", "nats")],
  "github.com/rabbitmq/amqp091-go": [tech("messaging", "rabbitmq")],
  "github.com/streadway/amqp": [tech("messaging", "rabbitmq")],
  "github.com/hibiken/asynq": [tech("messaging", "asynq"), tech("caches", "redis")],
  "github.com/aws/aws-sdk-go-v2/service/sqs": [tech("messaging", "sqs")],
  "github.com/aws/aws-sdk-go-v2/service/sns": [tech("messaging", "sns")],
  "github.com/aws/aws-sdk-go-v2/service/kinesis": [tech("messaging", "kinesis")],
  "github.com/aws/aws-sdk-go-v2/service/s3": [tech("datastores", "s3")],
  "github.com/aws/aws-sdk-go-v2/service/dynamodb": [tech("datastores", "dynamodb")],
  "github.com/golang-jwt/jwt": [tech("auth", "jwt")],
  "github.com/dgrijalva/jwt-go": [tech("auth", "jwt")],
  "github.com/lestrrat-go/jwx": [tech("auth", "jwt")],
  "golang.org/x/oauth2": [tech("auth", "oauth2")],
  "github.com/coreos/go-oidc": [tech("auth", "oauth2")],
  "github.com/openfga/go-sdk": [tech("auth", "openfga")],
  "github.com/authzed/authzed-go": [tech("auth", "spicedb")],
  "github.com/casbin/casbin": [tech("auth", "casbin")],
  "github.com/open-policy-agent/opa": [tech("auth", "opa")],
  "github.com/cerbos/cerbos-sdk-go": [tech("auth", "cerbos")],
  // the older client lives in the server module (github.com/cerbos/cerbos/client)
  "github.com/cerbos/cerbos": [tech("auth", "cerbos")],
  "github.com/hashicorp/consul/api": [tech("infra", "consul")],
  "github.com/hashicorp/nomad/api": [tech("infra", "nomad")],
};

/** The rules that apply to a module path: exact, or a rule for a parent path; `/vN` suffixes are ignored. */
export function goModuleRules(modulePath: string): DependencyRules[string] {
  let candidate = modulePath.replace(/\/v\d+$/, "");
  while (candidate.includes("/")) {
    const rules = GO_RULES[candidate];
    if (rules) return rules;
    candidate = candidate.slice(0, candidate.lastIndexOf("/")).replace(/\/v\d+$/, "");
  }
  return [];
}

/** go.mod: the Go version (`go` directive) and direct requirements (indirect ones are not the project's choice). */
export const goModDetector: Detector = {
  id: "go-mod",
  matchesByName: true,
  matches: (path) => hasFileName(path, "go.mod"),
  detect(file) {
    const findings: Finding[] = [];
    let inRequireBlock = false;
    let goLine: number | undefined;
    let goVersion: string | undefined;
    file.text.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.trim();
      if (inRequireBlock && line.startsWith(")")) {
        inRequireBlock = false;
        return;
      }
      const directive = /^go\s+(\S+)/.exec(line);
      if (!inRequireBlock && directive) {
        goLine = index + 1;
        goVersion = cleanVersion(directive[1]);
        return;
      }
      if (/^require\s*\($/.test(line)) {
        inRequireBlock = true;
        return;
      }
      const spec = inRequireBlock ? line : /^require\s+(.*)$/.exec(line)?.[1];
      if (!spec || line.includes("// indirect")) return;
      const [modulePath, version] = spec.split(/\s+/);
      if (!modulePath || modulePath.startsWith("//")) return;
      const evidence = { file: file.path, line: index + 1, detail: `${modulePath} ${version ?? ""}`.trim() };
      findings.push(...itemFindings(goModuleRules(modulePath), evidence, cleanVersion(version)));
    });
    const languageEvidence = goLine ? { file: file.path, line: goLine } : { file: file.path, detail: "go.mod" };
    findings.unshift(itemFinding("languages", "go", languageEvidence, goVersion));
    return findings;
  },
};
