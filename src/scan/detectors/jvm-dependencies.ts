import type { Evidence, Finding } from "../types.js";
import { itemFindings, tech, type TechRef } from "./dependency-rules.js";

/** `groupId:artifactId` pattern → what a Maven/Gradle dependency proves; every matching rule applies. */
export const JVM_RULES: Array<[RegExp, TechRef[]]> = [
  // Only the core and web starters and the BOM name Spring Boot itself: every other starter would repeat the same
  // evidence (and, through the HTTP-framework rule, `rest`) once per dependency.
  [/^org\.springframework\.boot:spring-boot-starter(-web|-webflux)?$/, [tech("frameworks", "spring-boot")]],
  [/^org\.springframework\.boot:spring-boot-dependencies$/, [tech("frameworks", "spring-boot", true)]],
  [/^org\.springframework\.boot:spring-boot-starter-webflux$|^org\.springframework:spring-webflux$/, [tech("frameworks", "spring-webflux")]],
  [/^org\.springframework\.boot:spring-boot-starter-security$/, [tech("auth", "spring-security")]],
  [/^org\.springframework\.security:spring-security-(core|web|config)$/, [tech("auth", "spring-security")]],
  [/:spring-boot-starter-oauth2-|^org\.springframework\.security:spring-security-oauth2/, [tech("auth", "oauth2")]],
  [/^org\.springframework\.boot:spring-boot-starter-data-jpa$/, [tech("frameworks", "spring-data-jpa")]],
  [/^org\.hibernate(\.orm)?:hibernate-core$/, [tech("frameworks", "hibernate", true)]],
  [/:spring-boot-starter-data-mongodb(-reactive)?$|^org\.mongodb:mongodb-driver/, [tech("datastores", "mongodb")]],
  [/:spring-boot-starter-data-redis(-reactive)?$|^redis\.clients:jedis$|^io\.lettuce:lettuce-core$|^org\.redisson:/, [tech("caches", "redis")]],
  [/:spring-boot-starter-data-elasticsearch$|^co\.elastic\.clients:|^org\.elasticsearch\.client:/, [tech("datastores", "elasticsearch")]],
  [/:spring-boot-starter-data-cassandra$|^com\.datastax\.oss:java-driver-core$/, [tech("datastores", "cassandra")]],
  [/:spring-boot-starter-amqp$|^org\.springframework\.amqp:spring-rabbit$|^com\.rabbitmq:amqp-client$/, [tech("messaging", "rabbitmq")]],
  [/^org\.springframework\.kafka:spring-kafka$|^org\.apache\.kafka:kafka-clients$|^org\.apache\.kafka:kafka-streams$/, [tech("messaging", "kafka")]],
  [/:spring-boot-starter-graphql$|^com\.graphql-java(-kickstart)?:|^com\.netflix\.graphql\.dgs:/, [tech("apiStyles", "graphql")]],
  [/:spring-boot-starter-websocket$/, [tech("apiStyles", "websocket")]],
  [/^com\.mysql:mysql-connector-j$|^mysql:mysql-connector-java$/, [tech("datastores", "mysql")]],
  [/^org\.mariadb\.jdbc:mariadb-java-client$/, [tech("datastores", "mariadb")]],
  [/^org\.postgresql:(postgresql|r2dbc-postgresql)$/, [tech("datastores", "postgresql")]],
  [/^com\.oracle\.database\.jdbc:/, [tech("datastores", "oracle")]],
  [/^com\.microsoft\.sqlserver:mssql-jdbc$/, [tech("datastores", "mssql")]],
  [/^org\.flywaydb:flyway-/, [tech("frameworks", "flyway")]],
  [/^org\.liquibase:liquibase-core$/, [tech("frameworks", "liquibase")]],
  [/^io\.jsonwebtoken:jjwt|^com\.auth0:java-jwt$|^com\.nimbusds:nimbus-jose-jwt$/, [tech("auth", "jwt")]],
  [/^io\.grpc:grpc-|^net\.devh:grpc-(server|client)-spring-boot-starter$/, [tech("apiStyles", "grpc")]],
  [/^org\.springdoc:springdoc-openapi|^io\.springfox:|^io\.swagger\.core\.v3:/, [tech("apiStyles", "openapi")]],
  [/^io\.micronaut:micronaut-http-server/, [tech("frameworks", "micronaut")]],
  [/^io\.quarkus:quarkus-(resteasy|rest)/, [tech("frameworks", "quarkus")]],
  [/^software\.amazon\.awssdk:sqs$|^com\.amazonaws:aws-java-sdk-sqs$|^io\.awspring\.cloud:spring-cloud-aws-starter-sqs$/, [tech("messaging", "sqs")]],
  [/^software\.amazon\.awssdk:s3$|^com\.amazonaws:aws-java-sdk-s3$|^io\.awspring\.cloud:spring-cloud-aws-starter-s3$/, [tech("datastores", "s3")]],
  [/^software\.amazon\.awssdk:dynamodb/, [tech("datastores", "dynamodb")]],
  [/^com\.algolia:algoliasearch/, [tech("datastores", "algolia")]],
];

/** Exact `groupId:artifactId` coordinates → what they prove: a Map lookup, so new clients cost no extra pattern per dependency. */
export const JVM_COORDINATES: ReadonlyMap<string, TechRef[]> = new Map<string, TechRef[]>([
  ["com.meilisearch.sdk:meilisearch-java", [tech("datastores", "meilisearch")]],
  ["org.typesense:typesense-java", [tech("datastores", "typesense")]],
  ["org.apache.solr:solr-solrj", [tech("datastores", "solr")]],
  ["dev.openfga:openfga-sdk", [tech("auth", "openfga")]],
  ["com.authzed.api:authzed", [tech("auth", "spicedb")]],
  ["org.casbin:jcasbin", [tech("auth", "casbin")]],
]);

/** What a `groupId:artifactId` dependency proves (deduplicated by name). */
export function jvmDependencyRefs(group: string, artifact: string): TechRef[] {
  const coordinate = `${group}:${artifact}`;
  const refs = new Map<string, TechRef>();
  for (const ref of JVM_COORDINATES.get(coordinate) ?? []) refs.set(ref.name, ref);
  for (const [pattern, found] of JVM_RULES) {
    if (pattern.test(coordinate)) for (const ref of found) refs.set(ref.name, ref);
  }
  return [...refs.values()];
}

/** Findings for one Maven/Gradle dependency. */
export function jvmDependencyFindings(group: string, artifact: string, version: string | undefined, evidence: Evidence): Finding[] {
  return itemFindings(jvmDependencyRefs(group, artifact), evidence, version);
}
