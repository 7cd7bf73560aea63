/**
 * Widths of text as Chromium draws it in the house font (DejaVu Sans), for laying a figure out before it is drawn:
 * wrapping titles and footnotes to a width and counting legend rows.
 * @module
 */

/** Advances of DejaVu Sans for the characters 32–126, in thousandths of the font size (measured in Chromium). */
const ASCII: readonly number[] = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,
  748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635,
  615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636,
  337, 636, 838,
];

/** Characters outside ASCII whose advance differs much from a wide letter's; others count as 0.7 em (generous). */
const OTHER: Readonly<Record<string, number>> = {
  "–": 500,
  "—": 1000,
  "…": 1000,
  "’": 318,
  "‘": 318,
  "“": 518,
  "”": 518,
  "·": 318,
  "°": 500,
  "×": 838,
  ı: 278,
  İ: 295,
  "\u00a0": 318,
};

/**
 * Plain text of a Plotly string: tags dropped, `<br>` as a space, entities as the character they stand for.
 * @example plainOf("a &amp; <b>b</b>") // => "a & b"
 * @category Layout fit
 */
export function plainOf(plotlyString: string): string {
  return plotlyString
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(lt|gt|quot|#39|amp|nbsp);/g, (_, e: string) =>
      e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "#39" ? "'" : e === "nbsp" ? "\u00a0" : "&",
    )
    .replace(/&#?[a-z0-9]+;/gi, "x");
}

/**
 * Width in pixels of plain text in DejaVu Sans at `fontSize` px.
 * @example Math.round(textWidth("Cargo", 10)) // => 30
 * @category Layout fit
 */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? ASCII[code - 32]! : (OTHER[ch] ?? 700);
  }
  return (units * fontSize) / 1000;
}

/**
 * Splits plain text into lines no wider than `maxPx` at `fontSize`, at spaces; a word wider than a line is cut
 * into pieces that fit, so no line is ever wider than `maxPx` (unless one character is).
 * @example wrapToWidth("Cargo on the Middle Corridor", 100, 12) // => ["Cargo on the", "Middle Corridor"]
 * @category Layout fit
 */
export function wrapToWidth(text: string, maxPx: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (s: string) => textWidth(s, fontSize) <= maxPx;
  for (const raw of text.split(/\s+/).filter((w) => w !== "")) {
    let word = raw;
    if (line !== "" && fits(`${line} ${word}`)) {
      line += ` ${word}`;
      continue;
    }
    if (line !== "") lines.push(line);
    line = "";
    while (!fits(word) && [...word].length > 1) {
      const chars = [...word];
      let n = chars.length - 1;
      while (n > 1 && !fits(chars.slice(0, n).join(""))) n--;
      lines.push(chars.slice(0, n).join(""));
      word = chars.slice(n).join("");
    }
    line = word;
  }
  if (line !== "") lines.push(line);
  return lines;
}
