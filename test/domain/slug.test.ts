import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { MAX_SLUG_LENGTH, slugify } from "../../src/domain/slug.js";

const SLUG_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("slugify", () => {
  it.each([
    ["Use PostgreSQL for persistence", "use-postgresql-for-persistence"],
    ["  Choose   message queue!  ", "choose-message-queue"],
    ["Straße über Ærø", "strasse-uber-aero"],
    ["Łódź, Đakovo, Œuvre, Þing", "lodz-dakovo-oeuvre-thing"],
    ["Café crème brûlée", "cafe-creme-brulee"],
    ["Auth & API keys", "auth-and-api-keys"],
    ["Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ ²", "fullwidth-text-2"],
    ["v2.1: gRPC vs. REST", "v2-1-grpc-vs-rest"],
  ])("%j → %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("never lets a path escape: ../../etc/passwd", () => {
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
    expect(slugify("..\\..\\windows\\system32")).toBe("windows-system32");
    expect(slugify("..")).toBe("untitled");
  });

  it("falls back to untitled when nothing is left (emoji, CJK, control characters)", () => {
    expect(slugify("🚀".repeat(500))).toBe("untitled");
    expect(slugify("数据库选择")).toBe("untitled");
    expect(slugify("\u0000\u0007\n\t")).toBe("untitled");
    expect(slugify("")).toBe("untitled");
  });

  it("suffixes Windows reserved names", () => {
    for (const name of ["CON", "prn", "Aux", "nul", "com1", "LPT9"]) {
      const slug = slugify(name);
      expect(slug).not.toMatch(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/);
      expect(slug.startsWith(name.toLowerCase())).toBe(true);
    }
    expect(slugify("console")).toBe("console");
    expect(slugify("com10")).toBe("com10");
  });

  it("cuts long titles at a word boundary, at most 60 characters", () => {
    const title = "Adopt an event driven architecture with transactional outbox for the order and billing services";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toBe("adopt-an-event-driven-architecture-with-transactional-outbox");
    expect(title.toLowerCase().replace(/ /g, "-").startsWith(slug)).toBe(true);
  });

  it("cuts one very long word hard", () => {
    expect(slugify("a".repeat(200))).toBe("a".repeat(60));
    expect(slugify(`x ${"b".repeat(200)}`)).toBe(`x-${"b".repeat(58)}`);
  });

  it("always yields a safe kebab slug of at most 60 characters (any string)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (title) => {
        const slug = slugify(title);
        expect(slug).toMatch(SLUG_SHAPE);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      }),
      { numRuns: 500 },
    );
  });

  it("always yields a safe slug for path-like titles made of separators, dots and words", () => {
    const piece = fc.constantFrom("..", ".", "/", "\\", "etc", "passwd", "CON", " ", "ß", "é", "\u0000", "💥", "-", "_");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const slug = slugify(parts.join(""));
        expect(slug).toMatch(SLUG_SHAPE);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).not.toMatch(/^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/);
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (title) => {
        const once = slugify(title);
        expect(slugify(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
