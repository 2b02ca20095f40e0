import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { ApiRead, Roles } from '@crm/nest';
import { LEDGER_WIDE_ROLES } from '@crm/penalties-domain';
import { FineLedgerReader } from '../projections/fine-ledger.reader';
import { PayrollExportQuery } from './fines.dto';
import { payrollCsv, payrollXlsx } from './payroll-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const send = (res: ServerResponse, type: string, file: string, body: Buffer): void => {
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
};

/** The monthly payroll export: fines that stand (upheld or never appealed) with a known payee. */
@ApiTags('fines')
@Controller('payroll-exports')
@Roles(...LEDGER_WIDE_ROLES)
export class PayrollExportController {
  constructor(private readonly reader: FineLedgerReader) {}

  @Get('fines.csv')
  @ApiRead({
    operationId: 'exportPayrollFinesCsv',
    summary: "The month's chargeable fines for payroll, as CSV (UTF-8 with BOM)",
    response: { mediaType: 'text/csv', schema: { type: 'string' } },
  })
  async csv(@Query() q: PayrollExportQuery, @Res() res: ServerResponse): Promise<void> {
    const rows = await this.reader.payroll(q.month, q.bu);
    send(res, 'text/csv; charset=utf-8', `fines-${q.month}.csv`, payrollCsv(rows));
  }

  @Get('fines.xlsx')
  @ApiRead({
    operationId: 'exportPayrollFinesXlsx',
    summary: "The month's chargeable fines for payroll, as an Excel workbook",
    response: { mediaType: XLSX, schema: { type: 'string', format: 'binary' } },
  })
  async xlsx(@Query() q: PayrollExportQuery, @Res() res: ServerResponse): Promise<void> {
    const rows = await this.reader.payroll(q.month, q.bu);
    send(res, XLSX, `fines-${q.month}.xlsx`, await payrollXlsx(q.month, rows));
  }
}
