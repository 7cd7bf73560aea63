/**
 * The part of {@link FigureOptions} every builder passes on to the house theme unchanged.
 * @module
 */
import { mergeSourceLists, type SourceId } from "../core/types";
import type { FigureOptions } from "./inputs";

/**
 * Title, subtitle, catalog and size from a builder's options, for {@link houseFigure}.
 * @example commonParts({ title: "Trade", width: 800 }) // => { title: "Trade", subtitle: undefined, sourceCatalog: undefined, width: 800, height: undefined }
 * @category House style
 */
export function commonParts(
  options: FigureOptions,
): Pick<FigureOptions, "title" | "subtitle" | "sourceCatalog" | "width" | "height"> {
  return {
    title: options.title,
    subtitle: options.subtitle,
    sourceCatalog: options.sourceCatalog,
    width: options.width,
    height: options.height,
  };
}

/**
 * Union of source id lists, first-seen order.
 * @example unionSources([sourceId("a"), sourceId("b")], undefined, [sourceId("b"), sourceId("c")]) // => ["a", "b", "c"]
 * @category House style
 */
export function unionSources(...lists: ReadonlyArray<readonly SourceId[] | undefined>): SourceId[] {
  return mergeSourceLists(lists);
}
