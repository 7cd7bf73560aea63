import { allResources } from "./resources";
import { frictionlessResource, type ResourceDef } from "./resource";

/**
 * The datapackage.json descriptor, generated from the resource definitions in resources.ts.
 * @example buildDatapackage().resources.length // => 18
 * @category Schema and validation
 */
export function buildDatapackage(): { name: string; resources: Record<string, unknown>[] } & Record<string, unknown> {
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: "caspian-lab",
    title: "Caspian Lab: Azerbaijan, Central Asia, SCO, CICA, OTS and the Middle Corridor",
    description:
      "Sourced figures behind the article 'Azerbaijan's Asian Perspective: Security and Cooperation' (Shafiyev and Bayramli): corridor cargo, port and rail capacity, transit, funds, trade, memberships, events and the article's claims. Every value row cites rows of sources.csv, each with an address and a verbatim quote. Spheres: euro_atlantic, russia_led, china_led, turkic, islamic, asian_dialogue, non_aligned, global, black_sea (see data/README.md).",
    version: "0.1.0",
    licenses: [
      {
        name: "CC-BY-4.0",
        path: "https://creativecommons.org/licenses/by/4.0/",
        title: "Creative Commons Attribution 4.0",
      },
    ],
    keywords: ["Azerbaijan", "Central Asia", "SCO", "CICA", "OTS", "Middle Corridor", "TITR"],
    resources: (allResources as readonly ResourceDef<unknown>[]).map(frictionlessResource),
  };
}

/**
 * datapackage.json as written to disk (two-space JSON and a final newline).
 * @example datapackageText() === JSON.stringify(buildDatapackage(), null, 2) + "\n" // => true
 * @category Schema and validation
 */
export function datapackageText(): string {
  return JSON.stringify(buildDatapackage(), null, 2) + "\n";
}
