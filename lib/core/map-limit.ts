/**
 * Bounded concurrency for promises: the main job's pool of notebooks, the exporter's pages.
 * @module
 */

/**
 * Runs `task` on every item with at most `limit` tasks at once, keeping the results in input order.
 * @example await mapLimit([3, 1, 2], 2, async (x) => x * 10) // => [30, 10, 20]
 * @category Utilities
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
