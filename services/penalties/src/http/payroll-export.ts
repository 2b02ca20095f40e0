import ExcelJS from 'exceljs';
import type { FineRow } from '../projections/fine-ledger.reader';

/** Column order of both export formats; headers in Chinese first (payroll's language), English after. */
const COLUMNS: readonly { readonly header: string; readonly value: (r: FineRow) => string | number }[] = [
  { header: '工号 Employee ID', value: (r) => r.employeeId ?? '' },
  { header: '姓名 Name', value: (r) => r.employeeName ?? '' },
  { header: '事业部 BU', value: (r) => r.issuedBu },
  { header: '金额(元) Amount (CNY)', value: (r) => r.amountFen / 100 },
  { header: '金额(分) Amount (fen)', value: (r) => r.amountFen },
  { header: '规则 Rule', value: (r) => r.rule },
  { header: '原因 Reason', value: (r) => r.reason },
  { header: '状态 Status', value: (r) => r.status },
  { header: '开出时间 Issued at', value: (r) => r.issuedAt },
  { header: '来源 Source', value: (r) => r.sourceService },
  { header: '依据 Reference', value: (r) => r.causeReference },
  { header: '罚款编号 Fine ID', value: (r) => r.fineId },
  { header: '制度版本 Policy version', value: (r) => r.policyVersion },
];

/** A formula-looking cell (=, +, -, @) is neutralised so a spreadsheet never runs it (CSV injection). */
const csvCell = (value: string | number): string => {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** UTF-8 with a BOM so Excel opens the Chinese headers correctly; CRLF line ends (RFC 4180). */
export const payrollCsv = (rows: readonly FineRow[]): Buffer => {
  const lines = [
    COLUMNS.map((c) => csvCell(c.header)).join(','),
    ...rows.map((r) => COLUMNS.map((c) => csvCell(c.value(r))).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
};

export const payrollXlsx = async (month: string, rows: readonly FineRow[]): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  book.creator = 'crm penalties';
  const sheet = book.addWorksheet(`罚款 ${month}`);
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) }));
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => c.value(r)));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(4).numFmt = '0.00';
  const total = rows.reduce((sum, r) => sum + r.amountFen, 0);
  sheet.addRow([]);
  sheet.addRow(['合计 Total', '', '', total / 100, total]);
  return Buffer.from(await book.xlsx.writeBuffer());
};
