import type { MonthlyReport } from '../reports.service';
import { type ExportHeadings, reportSheets } from './report-table';

/**
 * The report as one CSV file (RFC 4180, UTF-8 with a byte-order mark so spreadsheet
 * programs read the letters right): one block per section, the section's title first.
 * Text that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
export function reportCsv(report: MonthlyReport, headings: ExportHeadings): string {
  const lines: string[] = [csvLine([headings.title])];
  for (const sheet of reportSheets(report, headings)) {
    lines.push('', csvLine([sheet.title]), csvLine(sheet.header));
    for (const row of sheet.rows) lines.push(csvLine(row));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function csvLine(cells: (string | number)[]): string {
  return cells.map(csvCell).join(',');
}

function csvCell(cell: string | number): string {
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell.trimStart()) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
