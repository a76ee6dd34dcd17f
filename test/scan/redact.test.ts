import { describe, expect, it } from "@jest/globals";
import { redactDeep, redactSecrets } from "../../src/scan/redact.js";
import { PLANTED_SECRETS } from "./planted-secrets.js";

describe("redactSecrets", () => {
  const secretLooking = [
    ["aws access key", "key AKIAZX3QW7RT2YB8LK4P in text", "AKIAZX3QW7RT2YB8LK4P"],
    ["aws session key", "ASIAQ7WERTY2UIOP3LKJ", "ASIAQ7WERTY2UIOP3LKJ"],
    ["aws secret after a key name", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzX9q8Lk2Tr", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzX9q8Lk2Tr"],
    ["github classic", `token ${PLANTED_SECRETS.githubPat}`, PLANTED_SECRETS.githubPat],
    ["github oauth", PLANTED_SECRETS.githubOauth, PLANTED_SECRETS.githubOauth],
    ["github server token", "ghs_Fk3T0k3nV4lu3F0rT3st1ngAbCdEfGh1234", "ghs_Fk3T0k3nV4lu3F0rT3st1ngAbCdEfGh1234"],
    ["github refresh token", "ghr_Fk3T0k3nV4lu3F0rT3st1ngAbCdEfGh1234", "ghr_Fk3T0k3nV4lu3F0rT3st1ngAbCdEfGh1234"],
    ["github fine-grained", PLANTED_SECRETS.githubFineGrained, PLANTED_SECRETS.githubFineGrained],
    ["gitlab", `use ${PLANTED_SECRETS.gitlab}.`, PLANTED_SECRETS.gitlab],
    ["slack", PLANTED_SECRETS.slack, PLANTED_SECRETS.slack],
    ["slack user", "xoxp-1234567890-0987654321-abcdefABCDEF", "xoxp-1234567890-0987654321-abcdefABCDEF"],
    ["stripe live", PLANTED_SECRETS.stripeLive, PLANTED_SECRETS.stripeLive],
    ["stripe restricted", PLANTED_SECRETS.stripeRestricted, PLANTED_SECRETS.stripeRestricted],
    ["stripe test", PLANTED_SECRETS.stripeTest, PLANTED_SECRETS.stripeTest],
    ["openai project", PLANTED_SECRETS.openai, PLANTED_SECRETS.openai],
    ["openai legacy", PLANTED_SECRETS.openaiLegacy, PLANTED_SECRETS.openaiLegacy],
    ["anthropic", PLANTED_SECRETS.anthropic, PLANTED_SECRETS.anthropic],
    ["jwt", `Bearer ${PLANTED_SECRETS.jwt}`, PLANTED_SECRETS.jwt],
    ["high entropy", `seed ${PLANTED_SECRETS.highEntropy} end`, PLANTED_SECRETS.highEntropy],
    ["password assignment", 'password: "hunter2hunter2"', "hunter2hunter2"],
  ] as const;

  it.each(secretLooking)("masks %s", (_kind, text, secret) => {
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain("[REDACTED");
  });

  it("masks a PEM private key block, body included", () => {
    const pem = `before\n-----BEGIN RSA PRIVATE KEY-----\n${PLANTED_SECRETS.pemBody}\n-----END RSA PRIVATE KEY-----\nafter`;
    const redacted = redactSecrets(pem);
    expect(redacted).toBe("before\n[REDACTED:private-key]\nafter");
  });

  it("masks an unterminated private key to the end", () => {
    expect(redactSecrets(`-----BEGIN OPENSSH PRIVATE KEY-----\n${PLANTED_SECRETS.pemBody}`)).not.toContain(PLANTED_SECRETS.pemBody);
  });

  it("keeps the user and host of a connection URL but masks its password", () => {
    expect(redactSecrets("postgres://orders:Sup3rS3cretPw@db:5432/orders")).toBe("postgres://orders:***@db:5432/orders");
    expect(redactSecrets("redis://:Sup3rS3cretPw@cache:6379/0")).toBe("redis://:***@cache:6379/0");
    expect(redactSecrets("amqp://guest:guest@localhost:5672")).toBe("amqp://guest:***@localhost:5672");
  });

  const ordinary = [
    "Datastores: postgresql 16 [E1][E2]",
    "Auth: passport, jwt, oauth2, next-auth",
    "http://localhost:8080/api/v1/orders?page=2",
    "https://github.com/acme/orders-api/blob/main/docs/adr/0001-use-postgresql.md",
    "packages/api/src/modules/orders/orders.controller.ts:42",
    "@aws-sdk/client-s3 @nestjs/graphql @apollo/server",
    "image: docker.elastic.co/elasticsearch/elasticsearch:8.13.4",
    "commit 3f786850e387550fdab836ed7e6dc881de23001b",
    "uuid 123e4567-e89b-12d3-a456-426614174000",
    "password: ${DB_PASSWORD}",
    "token: required",
    "The skeleton is ready; ask-ant-colony and sk-8 are ordinary words.",
    "dependencies: @prisma/client",
    "A_VERY_LONG_CONSTANT_NAME_THAT_IS_NOT_SECRET_AT_ALL",
  ];

  it.each(ordinary)("leaves ordinary text alone: %s", (text) => {
    expect(redactSecrets(text)).toBe(text);
  });

  it("redacts every string inside nested objects and arrays, leaving other values", () => {
    const value = { a: [PLANTED_SECRETS.stripeLive, 3], b: { c: `x ${PLANTED_SECRETS.awsAccessKey}`, d: null, e: true } };
    const redacted = redactDeep(value);
    expect(JSON.stringify(redacted)).not.toContain(PLANTED_SECRETS.stripeLive);
    expect(JSON.stringify(redacted)).not.toContain(PLANTED_SECRETS.awsAccessKey);
    expect(redacted.a[1]).toBe(3);
    expect(redacted.b.d).toBeNull();
    expect(value.a[0]).toBe(PLANTED_SECRETS.stripeLive);
  });
});
