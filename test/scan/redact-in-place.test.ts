import { describe, expect, it } from "@jest/globals";
import { redactInPlace, redactSecrets } from "../../src/scan/redact.js";
import { PLANTED_SECRETS } from "./planted-secrets.js";

describe("redactInPlace", () => {
  it("replaces every secret-looking string where it is and returns the same value", () => {
    const shared = { file: `keys/${PLANTED_SECRETS.githubPat}.json`, line: 3 };
    const value = { a: [PLANTED_SECRETS.stripeLive, 3, shared], b: { c: `x ${PLANTED_SECRETS.awsAccessKey}`, d: null, e: true, f: [shared] } };
    const result = redactInPlace(value);
    expect(result).toBe(value);
    expect(JSON.stringify(value)).not.toMatch(new RegExp([PLANTED_SECRETS.stripeLive, PLANTED_SECRETS.awsAccessKey, PLANTED_SECRETS.githubPat].join("|")));
    expect(value.a[1]).toBe(3);
    expect(value.b.d).toBeNull();
    expect(shared.line).toBe(3);
  });

  it("agrees with redactSecrets on every planted secret and on ordinary text", () => {
    for (const text of [...Object.values(PLANTED_SECRETS), "packages/api/package.json", "dependencies: express", "services/svc-1/docker-compose.dev.yml"]) {
      expect(redactInPlace({ text }).text).toBe(redactSecrets(text));
    }
  });
});

describe("contextToJson and the redaction done by the scan", () => {
  const context = (secret: string) => ({
    root: "/repo",
    languages: [{ name: "javascript", evidence: [{ file: "package.json", detail: `token=${secret}` }] }],
    frameworks: [], datastores: [], caches: [], messaging: [], apiStyles: [], auth: [], infra: [], ci: [],
    services: [], packages: [], existingDecisions: [], warnings: [],
  });

  it("redacts a context that did not come from the scan", async () => {
    const { contextToJson } = await import("../../src/app/context.js");
    const json = JSON.stringify(contextToJson(context(PLANTED_SECRETS.githubPat)));
    expect(json).not.toContain(PLANTED_SECRETS.githubPat);
    expect(json).not.toContain("/repo");
  });

  it("prints a scan result (redacted in place) as it is, without a second pass, and the same as a second pass would", async () => {
    const { contextToJson } = await import("../../src/app/context.js");
    const { isRedacted, redactDeep } = await import("../../src/scan/redact.js");
    const scanned = redactInPlace(context(PLANTED_SECRETS.githubPat));
    expect(isRedacted(scanned)).toBe(true);
    expect(isRedacted(context("x"))).toBe(false);
    const printed = contextToJson(scanned);
    expect(printed.languages).toBe(scanned.languages);
    const { root: _root, ...rest } = scanned;
    expect(printed).toEqual(redactDeep(rest));
    expect(JSON.stringify(printed)).not.toContain(PLANTED_SECRETS.githubPat);
  });
});
