import ExcelJS from 'exceljs';
import type { MonthlyReport } from '../reports.service';
import { type ExportHeadings, reportSheets } from './report-table';

/** The report as an XLSX workbook: one sheet per section, and one for the indicators. */
export async function reportXlsx(report: MonthlyReport, headings: ExportHeadings): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ohjaamo';
  workbook.created = new Date();
  const used = new Set<string>();
  for (const sheet of reportSheets(report, headings)) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.title, used));
    worksheet.addRow([headings.title]).font = { bold: true };
    worksheet.addRow([]);
    worksheet.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    worksheet.getColumn(1).width = 48;
    for (let c = 2; c <= sheet.header.length; c++) {
      worksheet.getColumn(c).width = 12;
      worksheet.getColumn(c).alignment = { horizontal: 'right' };
    }
    worksheet.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 28)
      .trim() || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} ${i}`;
  used.add(name.toLowerCase());
  return name;
}
