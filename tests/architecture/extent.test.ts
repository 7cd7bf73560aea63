import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../lib/core/hash";
import { maxOf, minOf } from "../../lib/core/extent";

const lib = join(__dirname, "..", "..", "lib");

describe("extents of data-sized arrays", () => {
  it("no module of lib spreads an array into Math.min or Math.max (it overflows the stack at a few hundred thousand values)", () => {
    const found: string[] = [];
    for (const file of listFiles(lib).filter((f) => f.endsWith(".ts"))) {
      readFileSync(join(lib, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "");
          if (!/^\s*\*/.test(code) && /Math\.(min|max)\(\s*\.\.\./.test(code)) found.push(`lib/${file}:${i + 1}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("minOf and maxOf take half a million values", () => {
    const xs = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(() => Math.min(...xs)).toThrow(RangeError);
    expect([minOf(xs), maxOf(xs)]).toEqual([0, 499_999]);
  });
});
