import type { Detector, Finding } from "../types.js";
import { cleanVersion, hasFileName, itemFinding, itemFindings, tech, type DependencyRules } from "./dependency-rules.js";
import { lineOfText } from "./find-line.js";
import { asString, asTable, parseJsonTable } from "./structured-text.js";

/** Composer package (or `ext-*` platform requirement) → what it proves. */
export const PHP_RULES: DependencyRules = {
  "laravel/framework": [tech("frameworks", "laravel", true)],
  "laravel/lumen-framework": [tech("frameworks", "lumen", true)],
  "symfony/framework-bundle": [tech("frameworks", "symfony", true)],
  "slim/slim": [tech("frameworks", "slim", true)],
  "laminas/laminas-mvc": [tech("frameworks", "laminas", true)],
  "api-platform/core": [tech("frameworks", "api-platform", true), tech("apiStyles", "openapi")],
  "doctrine/orm": [tech("frameworks", "doctrine", true)],
  "doctrine/dbal": [tech("frameworks", "doctrine")],
  "doctrine/doctrine-bundle": [tech("frameworks", "doctrine")],
  "predis/predis": [tech("caches", "redis")],
  "ext-redis": [tech("caches", "redis")],
  "php-amqplib/php-amqplib": [tech("messaging", "rabbitmq")],
  "ext-amqp": [tech("messaging", "rabbitmq")],
  "enqueue/amqp-lib": [tech("messaging", "rabbitmq")],
  "ext-rdkafka": [tech("messaging", "kafka")],
  "mongodb/mongodb": [tech("datastores", "mongodb")],
  "ext-mongodb": [tech("datastores", "mongodb")],
  "ext-pdo_pgsql": [tech("datastores", "postgresql")],
  "ext-pgsql": [tech("datastores", "postgresql")],
  "ext-pdo_mysql": [tech("datastores", "mysql")],
  "ext-mysqli": [tech("datastores", "mysql")],
  "elasticsearch/elasticsearch": [tech("datastores", "elasticsearch")],
  "meilisearch/meilisearch-php": [tech("datastores", "meilisearch")],
  "typesense/typesense-php": [tech("datastores", "typesense")],
  "algolia/algoliasearch-client-php": [tech("datastores", "algolia")],
  "solarium/solarium": [tech("datastores", "solr")],
  "casbin/casbin": [tech("auth", "casbin")],
  "firebase/php-jwt": [tech("auth", "jwt")],
  "lcobucci/jwt": [tech("auth", "jwt")],
  "tymon/jwt-auth": [tech("auth", "jwt")],
  "laravel/passport": [tech("auth", "oauth2")],
  "laravel/socialite": [tech("auth", "oauth2")],
  "league/oauth2-server": [tech("auth", "oauth2")],
  "league/oauth2-client": [tech("auth", "oauth2")],
  "webonyx/graphql-php": [tech("apiStyles", "graphql")],
  "nuwave/lighthouse": [tech("apiStyles", "graphql")],
  "grpc/grpc": [tech("apiStyles", "grpc")],
};

/** composer.json: PHP version constraint and `require`/`require-dev` packages. */
export const composerJsonDetector: Detector = {
  id: "php-composer",
  matchesByName: true,
  matches: (path) => hasFileName(path, "composer.json"),
  detect(file) {
    const parsed = parseJsonTable(file);
    if (!parsed.ok) return [parsed.warning];
    const requirements = { ...asTable(parsed.value["require-dev"]), ...asTable(parsed.value.require) };
    const lineOf = (name: string): number | undefined => lineOfText(file.text, `"${name}"`);
    const php = asString(requirements.php);
    const findings: Finding[] = [
      itemFinding("languages", "php", php ? { file: file.path, line: lineOf("php") } : { file: file.path, detail: "composer.json" }, cleanVersion(php?.replace(/^[<>=~^\s]+/, ""))),
    ];
    for (const [name, constraint] of Object.entries(requirements)) {
      const spec = asString(constraint) ?? "";
      const evidence = { file: file.path, line: lineOf(name), detail: `${name} ${spec}`.trim() };
      findings.push(...itemFindings(PHP_RULES[name.toLowerCase()] ?? [], evidence, cleanVersion(spec)));
    }
    return findings;
  },
};
