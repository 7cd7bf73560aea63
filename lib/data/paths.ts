import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The data/ folder of the checkout this module belongs to, found by walking up to caspian-lab's package.json,
 * so that it works from lib/ (tests) and from dist/lib/ (notebooks) alike. `CASPIAN_DATA` overrides it.
 */
export function defaultDataDir(): string {
  if (process.env.CASPIAN_DATA) return process.env.CASPIAN_DATA;
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "caspian-lab") return join(dir, "data");
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the caspian-lab checkout above ${__dirname}; set CASPIAN_DATA`);
    dir = up;
  }
}
