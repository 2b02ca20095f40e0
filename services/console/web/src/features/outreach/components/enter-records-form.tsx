import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { batchKeys } from '@/features/outreach/api/keys';
import { enterRecords } from '@/features/outreach/api/mutations';
import type { Batch, BatchRecord } from '@/features/outreach/api/types';
import { parseRecords, recordIndexOf } from '@/features/outreach/utils/parse-records';

/**
 * ARC-02: the CRM clerk enters the forms of a submitted batch, one per line (a spreadsheet paste
 * works). A refused record is named beside the box by its line; the whole entry is one command.
 */
export const EnterRecordsForm = ({ batch }: { batch: Batch }) => {
  const { t } = useTranslation('outreach');
  const problemMessage = useProblemMessage();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<unknown>(null);
  const parsed = useMemo(() => parseRecords(text), [text]);
  const lines = useMemo(
    () => text.split(/\r?\n/).flatMap((l, i) => (l.trim() === '' ? [] : [i + 1])),
    [text],
  );
  const mutation = useMutation({
    mutationFn: (records: BatchRecord[]) => enterRecords(batch.batchId, records, keyFor(records)),
    onSuccess: async (entered) => {
      client.setQueryData(batchKeys.detail(batch.batchId), entered);
      await client.invalidateQueries({ queryKey: batchKeys.lists() });
    },
    onError: (error) => {
      const field = isProblem(error)
        ? (Object.keys(error.fieldErrors)[0] ??
          String((error.body['details'] as { field?: unknown } | undefined)?.field ?? ''))
        : '';
      const index = recordIndexOf(field);
      if (index !== undefined) {
        setFieldError(
          t('enter.refusedLine', { line: lines[index] ?? index + 1, reason: problemMessage(error) }),
        );
        return;
      }
      setFormError(error);
    },
  });
  const counted = parsed.records.length;
  const mismatch = counted > 0 && counted !== batch.recordCount;
  const blocking = parsed.incomplete.length > 0;
  return (
    <Form layout="vertical" onFinish={() => mutation.mutate(parsed.records)}>
      <Form.Item
        label={t('enter.records')}
        extra={t('enter.hint')}
        validateStatus={fieldError !== undefined || blocking ? 'error' : undefined}
        help={
          fieldError ??
          (blocking ? t('enter.incomplete', { lines: parsed.incomplete.join('、') }) : undefined)
        }
      >
        <Input.TextArea
          aria-label={t('enter.records')}
          rows={10}
          value={text}
          placeholder={t('enter.placeholder')}
          onChange={(e) => {
            setText(e.target.value);
            setFieldError(undefined);
            setFormError(null);
          }}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {t('enter.counted', { counted, expected: batch.recordCount })}
      </Typography.Paragraph>
      {mismatch && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('enter.countMismatch', { counted, expected: batch.recordCount })}
        />
      )}
      {formError !== null && <ProblemAlert error={formError} />}
      <Button
        type="primary"
        htmlType="submit"
        loading={mutation.isPending}
        disabled={counted === 0 || blocking}
        style={{ marginTop: 8 }}
      >
        {t('enter.submit', { count: counted })}
      </Button>
    </Form>
  );
};
