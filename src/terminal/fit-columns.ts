/**
 * @module Fits a table to a width: columns marked whole keep their natural width; the others share what
 * is left (narrow ones whole, wide ones evenly) and cut their cells with an ellipsis, or wrap them.
 */
import { displayWidth, wrapText } from './wrap-text.js';

export { displayWidth };

export interface ColumnSpec {
  header: string;
  /** Never cut (ids, methods): a line may then overflow, but an id is never wrong. */
  whole?: boolean;
  /** Last column only: wrap long cells onto more lines instead of cutting them. */
  wrap?: boolean;
}

export interface FittedTable {
  widths: number[];
  /** Header first, then the rows; cells cut to their column's width but not padded. */
  cells: string[][];
}

/** The text cut to `width` code points, the last one an ellipsis when something was cut. */
export function cutText(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  return `${[...text].slice(0, width - 1).join('')}…`;
}

/** Fewest characters a cut column keeps, so it still says something. */
const minCutWidth = 8;

export function fitColumns(columns: readonly ColumnSpec[], rows: readonly string[][], width: number | undefined, gap = 2): FittedTable {
  const all = [columns.map((c) => c.header), ...rows.map((row) => columns.map((_, i) => (row[i] ?? '').replace(/\s+/g, ' ').trim()))];
  const natural = columns.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i]!))));
  const widths = [...natural];
  const total = natural.reduce((sum, w) => sum + w, 0) + gap * (columns.length - 1);
  if (width !== undefined && total > width) {
    const fixed = columns.reduce((sum, c, i) => sum + (c.whole ? natural[i]! : 0), 0);
    let left = width - fixed - gap * (columns.length - 1);
    const flexible = columns
      .map((c, i) => i)
      .filter((i) => !columns[i]!.whole)
      .sort((a, b) => natural[a]! - natural[b]!);
    flexible.forEach((column, at) => {
      const share = Math.floor(left / (flexible.length - at));
      widths[column] = Math.min(natural[column]!, Math.max(minCutWidth, share));
      left -= widths[column]!;
    });
  }
  return { widths, cells: all.map((row) => row.map((cell, i) => (columns[i]!.wrap ? cell : cutText(cell, widths[i]!)))) };
}

/** The lines of one row; a wrapped last cell continues under its column. */
export function rowLines(
  cells: readonly string[],
  widths: readonly number[],
  styles: readonly (((text: string) => string) | undefined)[] = [],
  gap = 2,
): string[] {
  const last = cells.length - 1;
  const lastWidth = widths[last]!;
  const parts = displayWidth(cells[last]!) > lastWidth ? wrapText(cells[last]!, lastWidth) : [cells[last]!];
  const lead = widths.slice(0, last).reduce((sum, w) => sum + w + gap, 0);
  const lastStyle = styles[last] ?? ((text: string) => text);
  return [joinRow([...cells.slice(0, last), parts[0]!], widths, styles, gap), ...parts.slice(1).map((part) => `${' '.repeat(lead)}${lastStyle(part)}`)];
}

/** One line of a fitted table: cells padded to their widths (the last one not), each styled after padding. */
export function joinRow(
  cells: readonly string[],
  widths: readonly number[],
  styles: readonly (((text: string) => string) | undefined)[] = [],
  gap = 2,
): string {
  return cells
    .map((cell, i) => {
      const last = i === cells.length - 1;
      const padded = last ? cell : cell + ' '.repeat(Math.max(0, widths[i]! - displayWidth(cell)));
      const style = styles[i];
      if (!style) return padded;
      // Style the text, not the padding: underlines and backgrounds would otherwise run into the gap.
      return style(cell) + padded.slice(cell.length);
    })
    .join(' '.repeat(gap))
    .trimEnd();
}
