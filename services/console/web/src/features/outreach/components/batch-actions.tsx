import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { batchKeys } from '@/features/outreach/api/keys';
import { allocateBatch, returnBatch } from '@/features/outreach/api/mutations';
import type { Batch } from '@/features/outreach/api/types';

/** ARC-03 return to the BU (clerk) and ARC-04 allocation (BU manager): one confirmed command each. */
export const BatchStepButton = ({ batch, action }: { batch: Batch; action: 'return' | 'allocate' }) => {
  const { t } = useTranslation('outreach');
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const mutation = useMutation({
    mutationFn: () => {
      const key = keyFor({ batchId: batch.batchId, action });
      return action === 'return' ? returnBatch(batch.batchId, key) : allocateBatch(batch.batchId, key);
    },
    onSuccess: async (next) => {
      client.setQueryData(batchKeys.detail(batch.batchId), next);
      await client.invalidateQueries({ queryKey: batchKeys.lists() });
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t(`${action}.explain`)}</Typography.Paragraph>
      <Popconfirm
        title={t(`${action}.confirm`)}
        okText={t(`${action}.submit`)}
        cancelText={tc('actions.cancel')}
        onConfirm={() => mutation.mutateAsync().catch(() => undefined)}
      >
        <Button type="primary" loading={mutation.isPending}>
          {t(`${action}.submit`)}
        </Button>
      </Popconfirm>
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
    </Space>
  );
};
