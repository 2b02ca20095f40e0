import ExcelJS from 'exceljs';
import type { FineRow } from '../projections/fine-ledger.reader';
import { payrollCsv, payrollXlsx } from './payroll-export';

const row = (over: Partial<FineRow>): FineRow =>
  ({
    fineId: 'f-1',
    sourceService: 'invitations',
    issuedBu: 'bu-2',
    employeeId: 'e-mgr-2',
    employeeName: '王经理',
    amountFen: 1000,
    rule: 'INV-07',
    reason: 'no list, "late"',
    status: 'issued',
    issuedAt: '2026-12-05T11:00:00.000Z',
    causeReference: 'je-1',
    policyVersion: 'v1',
    ...over,
  }) as FineRow;

describe('payroll export', () => {
  it('CSV: BOM, Chinese headers, quoted text, yuan and fen, formulas neutralised', () => {
    const text = payrollCsv([
      row({}),
      row({ fineId: 'f-2', reason: '=HYPERLINK("x")', amountFen: 50_000 }),
    ]).toString('utf8');
    expect(text.startsWith('\uFEFF工号 Employee ID,姓名 Name')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'e-mgr-2,王经理,bu-2,10,1000,INV-07,"no list, ""late""",issued,2026-12-05T11:00:00.000Z,invitations,je-1,f-1,v1',
    );
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain(',500,50000,');
  });

  it('XLSX: one sheet with the rows and a total', async () => {
    const book = new ExcelJS.Workbook();
    const file = await payrollXlsx('2026-12', [row({}), row({ fineId: 'f-2', amountFen: 50_000 })]);
    await book.xlsx.load(new Uint8Array(file).buffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('罚款 2026-12');
    expect(sheet?.getRow(2).getCell(1).value).toBe('e-mgr-2');
    expect(sheet?.getRow(3).getCell(5).value).toBe(50_000);
    expect(sheet?.getRow(5).values).toEqual([undefined, '合计 Total', '', '', 510, 51_000]);
  });
});
