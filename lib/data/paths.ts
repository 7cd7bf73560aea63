import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The caspian-lab checkout that holds `start` (default: this module), found by walking up to the package.json
 * named caspian-lab. Works from lib/ (tests run the sources) and from dist/lib/ (notebooks run the build).
 * @example existsSync(join(checkoutRoot(), "data", "datapackage.json")) // => true
 * @category Loading
 */
export function checkoutRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "caspian-lab")
      return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the caspian-lab checkout above ${start}`);
    dir = up;
  }
}

/**
 * The data/ folder of the checkout; `CASPIAN_DATA` overrides it. @example existsSync(join(defaultDataDir(), "datapackage.json")) // => true
 * @category Loading
 */
export function defaultDataDir(): string {
  return process.env.CASPIAN_DATA ?? join(checkoutRoot(), "data");
}
