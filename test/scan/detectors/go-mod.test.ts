import { describe, expect, it } from "@jest/globals";
import { goModDetector, goModuleRules } from "../../../src/scan/detectors/go-mod.js";
import { evidenceOf, itemKeys, runDetector } from "./run-detector.js";

const GO_MOD = `module github.com/acme/orders

go 1.22.1

toolchain go1.22.3

require (
\tgithub.com/gin-gonic/gin v1.9.1
\tgithub.com/jackc/pgx/v5 v5.5.4
\tgithub.com/segmentio/kafka-go v0.4.47
\tgithub.com/redis/go-redis/v9 v9.5.1
\tgithub.com/aws/aws-sdk-go-v2/service/sqs v1.31.4
\tgithub.com/golang-jwt/jwt/v5 v5.2.1
\tgolang.org/x/oauth2 v0.18.0
\tgoogle.golang.org/grpc v1.62.1
\tgithub.com/lib/pq v1.10.9 // indirect
)

require github.com/rabbitmq/amqp091-go v1.9.0
`;

describe("go.mod detector", () => {
  it("matches go.mod anywhere and nothing else", () => {
    expect(goModDetector.matches("go.mod")).toBe(true);
    expect(goModDetector.matches("services/api/go.mod")).toBe(true);
    expect(goModDetector.matches("go.sum")).toBe(false);
    expect(goModDetector.matches("go.mod.bak")).toBe(false);
  });

  it("reports the Go version and direct requirements with versions and lines", async () => {
    const findings = await runDetector(goModDetector, "go.mod", GO_MOD);
    expect(itemKeys(findings)).toEqual([
      "apiStyles:grpc",
      "auth:jwt",
      "auth:oauth2",
      "caches:redis",
      "datastores:postgresql",
      "frameworks:gin@1.9.1",
      "languages:go@1.22.1",
      "messaging:kafka",
      "messaging:rabbitmq",
      "messaging:sqs",
    ]);
    expect(evidenceOf(findings, "go")).toEqual([{ file: "go.mod", line: 3 }]);
    expect(evidenceOf(findings, "gin")).toEqual([{ file: "go.mod", line: 8, detail: "github.com/gin-gonic/gin v1.9.1" }]);
    expect(evidenceOf(findings, "postgresql")).toEqual([{ file: "go.mod", line: 9, detail: "github.com/jackc/pgx/v5 v5.5.4" }]);
    expect(evidenceOf(findings, "rabbitmq")).toEqual([{ file: "go.mod", line: 19, detail: "github.com/rabbitmq/amqp091-go v1.9.0" }]);
  });

  it("ignores indirect requirements: the project did not choose them", async () => {
    const findings = await runDetector(goModDetector, "go.mod", "module x\n\nrequire (\n\tgithub.com/lib/pq v1.10.9 // indirect\n)\n");
    expect(itemKeys(findings)).toEqual(["languages:go"]);
  });

  it("resolves sub-packages and /vN suffixes to their module's rule", () => {
    expect(goModuleRules("github.com/labstack/echo/v4").map((r) => r.name)).toEqual(["echo"]);
    expect(goModuleRules("github.com/aws/aws-sdk-go-v2/service/s3").map((r) => r.name)).toEqual(["s3"]);
    expect(goModuleRules("github.com/aws/aws-sdk-go-v2").map((r) => r.name)).toEqual([]);
    expect(goModuleRules("go.mongodb.org/mongo-driver/v2").map((r) => r.name)).toEqual(["mongodb"]);
    expect(goModuleRules("example.com/unknown/thing")).toEqual([]);
  });

  it("does not throw on garbage", async () => {
    const findings = await runDetector(goModDetector, "go.mod", "\u0000((( require (\n ) ) go\n");
    expect(itemKeys(findings)).toEqual(["languages:go"]);
  });
});
