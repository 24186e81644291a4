/**
 * Small-count suppression of one report table (rows × columns of counts).
 *
 * Primary: a count from 1 to threshold − 1 is hidden ("<5"); zero is shown, it reveals
 * nobody. Secondary: a partition is a total row and member rows that add up to it exactly
 * (e.g. visits by channel). When exactly one cell of a partition is hidden, the hidden
 * count could be worked out as the total minus the shown members, so one more cell is
 * hidden: the smallest non-zero shown member, else the total. Partitions may nest (group
 * totals are members of the grand total), so this repeats until nothing changes. Each
 * column (month, previous month, year earlier) is a separate set of counts and is treated
 * on its own; a difference between two columns is shown only when both are shown.
 */
export interface Partition {
  total: number;
  members: readonly number[];
}

/** Hidden flags, [row][column], for the table's values. */
export function suppressTable(
  values: readonly (readonly number[])[],
  partitions: readonly Partition[],
  threshold: number,
): boolean[][] {
  const hidden = values.map((row) => row.map((v) => v > 0 && v < threshold));
  const columns = values.length === 0 ? 0 : values[0].length;
  for (let column = 0; column < columns; column++) {
    const value = (row: number) => values[row][column];
    const isHidden = (row: number) => hidden[row][column];
    let changed = true;
    while (changed) {
      changed = false;
      for (const partition of partitions) {
        const cells = [partition.total, ...partition.members];
        if (cells.filter(isHidden).length !== 1) continue;
        const complement = partition.members
          .filter((row) => !isHidden(row) && value(row) > 0)
          .sort((a, b) => value(a) - value(b) || a - b)[0];
        if (complement !== undefined) hidden[complement][column] = true;
        else if (!isHidden(partition.total) && value(partition.total) > 0) {
          hidden[partition.total][column] = true;
        } else continue;
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * Whether a share (numerator of denominator) may be shown: both parts, and the rest
 * (denominator − numerator), must be zero or at least the threshold, or the share would
 * reveal a small count.
 */
export function shareShown(numerator: number, denominator: number, threshold: number): boolean {
  const small = (n: number) => n > 0 && n < threshold;
  return (
    denominator > 0 && !small(numerator) && !small(denominator) && !small(denominator - numerator)
  );
}

/** How a hidden count is written on screen and in every export. */
export function suppressedLabel(threshold: number): string {
  return `<${threshold}`;
}
