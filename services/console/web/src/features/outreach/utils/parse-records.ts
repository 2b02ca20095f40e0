import type { BatchRecord } from '@/features/outreach/api/types';

export interface ParsedRecords {
  readonly records: BatchRecord[];
  /** 1-based line numbers (as the clerk sees them) of lines without both a name and a number. */
  readonly incomplete: number[];
}

const SEPARATED = /\t|,|，|;|；/;

const recordOf = (line: string): BatchRecord | undefined => {
  const parts = SEPARATED.test(line)
    ? line.split(SEPARATED).map((p) => p.trim())
    : (() => {
        // "张三 138 1234 5678 上海市…": the number may itself contain spaces, so it is read as the
        // longest run of digit groups after the name.
        const match = /^(\S+)\s+(\+?[\d][\d\s-]*\d)(?:\s+(.*))?$/.exec(line);
        return match ? [match[1] ?? '', match[2] ?? '', match[3] ?? ''] : [line];
      })();
  const [name = '', mobile = '', ...rest] = parts;
  const address = rest.join(' ').trim();
  if (name === '' || mobile === '') return undefined;
  return address === '' ? { name, mobile } : { name, mobile, address };
};

/**
 * The forms of a seminar as the clerk pastes or types them, one per line: name, mobile and an
 * optional address, separated by a tab (a spreadsheet paste), a comma or spaces. Blank lines are
 * skipped; the service validates and normalises each number and names the record it refuses.
 */
export const parseRecords = (text: string): ParsedRecords => {
  const records: BatchRecord[] = [];
  const incomplete: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const record = recordOf(line);
    if (record === undefined) incomplete.push(index + 1);
    else records.push(record);
  });
  return { records, incomplete };
};

/** `records[3].mobile` (a rule) or `records.3.name` (validation) → 3, to name the line the clerk typed. */
export const recordIndexOf = (field: string): number | undefined => {
  const match = /^records(?:\[(\d+)\]|\.(\d+))/.exec(field);
  return match ? Number(match[1] ?? match[2]) : undefined;
};
