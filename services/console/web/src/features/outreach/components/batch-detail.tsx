import { useQuery } from '@tanstack/react-query';
import { ProDescriptions } from '@ant-design/pro-components';
import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { QueryState } from '@/shared/ui/query-state';
import { batchQuery } from '@/features/outreach/api/queries';
import type { Batch } from '@/features/outreach/api/types';
import { BATCH_STEPS, nextAction } from '@/features/outreach/utils/batch-steps';
import { BatchAllocation } from './batch-allocation';
import { BatchEntries } from './batch-entries';
import { BatchStepButton } from './batch-actions';
import { BatchStatusTag } from './batch-status-tag';
import { EnterRecordsForm } from './enter-records-form';

/** One batch through ARC-01..04, with the command the person may give it at its step. */
export const BatchDetail = ({ batchId }: { batchId: string }) => {
  const { t } = useTranslation('outreach');
  const { access } = useSession();
  const query = useQuery(batchQuery(batchId));
  return (
    <QueryState query={query}>
      {(batch: Batch) => {
        const action = nextAction(batch.status, access);
        const duplicates = (batch.entries ?? []).filter((e) => e.duplicate).length;
        return (
          <>
            <Card style={{ marginBottom: 16 }}>
              <Steps
                current={BATCH_STEPS.indexOf(batch.status)}
                items={BATCH_STEPS.map((s) => ({ key: s, title: t(`steps.${s}`) }))}
                style={{ marginBottom: 24 }}
              />
              <ProDescriptions<Batch>
                column={2}
                dataSource={batch}
                columns={[
                  { title: t('fields.seminar'), key: 'seminar', dataIndex: 'seminar' },
                  {
                    title: t('fields.status'),
                    key: 'status',
                    render: () => <BatchStatusTag status={batch.status} />,
                  },
                  { title: t('fields.bu'), key: 'bu', dataIndex: 'bu' },
                  {
                    title: t('fields.participants'),
                    key: 'participants',
                    render: () => batch.participants.join('、'),
                  },
                  { title: t('fields.recordCount'), key: 'recordCount', dataIndex: 'recordCount' },
                  {
                    title: t('fields.entered'),
                    key: 'entered',
                    render: () =>
                      batch.entries === undefined
                        ? '—'
                        : t('list.enteredCount', { entered: batch.entries.length, duplicates }),
                  },
                ]}
              />
            </Card>
            {action === 'enter' && (
              <Card title={t('enter.title')} style={{ marginBottom: 16 }}>
                <EnterRecordsForm batch={batch} />
              </Card>
            )}
            {(action === 'return' || action === 'allocate') && (
              <Card title={t(`${action}.title`)} style={{ marginBottom: 16 }}>
                <BatchStepButton batch={batch} action={action} />
              </Card>
            )}
            {batch.allocation !== undefined && (
              <Card title={t('allocation.title')} style={{ marginBottom: 16 }}>
                <BatchAllocation allocation={batch.allocation} />
              </Card>
            )}
            {batch.entries !== undefined && (
              <Card title={t('entries.title', { count: batch.entries.length, duplicates })}>
                <BatchEntries batch={batch} />
              </Card>
            )}
          </>
        );
      }}
    </QueryState>
  );
};
