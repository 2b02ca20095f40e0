import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { QueryState } from '@/shared/ui/query-state';
import { notificationKeys } from '@/features/notifications/api/keys';
import { retryDelivery } from '@/features/notifications/api/mutations';
import { troubledDeliveriesQuery } from '@/features/notifications/api/queries';
import type { TroubledDelivery } from '@/features/notifications/api/types';

type Status = 'failing' | 'failed' | 'all';

/** For administrators: deliveries that keep failing (retrying) or were given up, with a retry. */
export const TroubledDeliveries = () => {
  const { t } = useTranslation('notifications');
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('all');
  const [page, setPage] = useState(1);
  const query = useQuery(troubledDeliveriesQuery(status, page));
  const retry = useMutation({
    mutationFn: (d: TroubledDelivery) =>
      retryDelivery(d.notificationId, d.channel as 'email' | 'wecom' | 'dingtalk'),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented<Status>
        value={status}
        options={(['all', 'failing', 'failed'] as const).map((s) => ({
          value: s,
          label: t(`deliveries.status.${s}`),
        }))}
        onChange={(s) => {
          setStatus(s);
          setPage(1);
        }}
      />
      {retry.error && <ProblemAlert error={retry.error} />}
      <QueryState query={query}>
        {(data) => (
          <Table<TroubledDelivery>
            rowKey={(d) => `${d.notificationId}:${d.channel}`}
            dataSource={data.items}
            locale={{ emptyText: t('deliveries.empty') }}
            pagination={{ current: page, pageSize: data.limit, total: data.total, onChange: setPage }}
            columns={[
              { title: t('deliveries.recipient'), dataIndex: 'recipientId' },
              { title: t('deliveries.kind'), dataIndex: 'kind', render: (k: string) => t(`kinds.${k}.name`) },
              {
                title: t('deliveries.channel'),
                dataIndex: 'channel',
                render: (c: string) => t(`channels.${c}`),
              },
              {
                title: t('deliveries.state'),
                dataIndex: 'status',
                render: (s: string) => (
                  <Tag color={s === 'failed' ? 'red' : 'orange'}>{t(`deliveries.status.${s}`)}</Tag>
                ),
              },
              { title: t('deliveries.attempts'), dataIndex: 'attempts' },
              { title: t('deliveries.lastError'), dataIndex: 'lastError' },
              { title: t('deliveries.lastAttemptAt'), dataIndex: 'lastAttemptAt', render: formatDateTime },
              {
                title: '',
                key: 'retry',
                render: (_: unknown, d) =>
                  d.status === 'failed' ? (
                    <Button size="small" loading={retry.isPending} onClick={() => retry.mutate(d)}>
                      {t('deliveries.retry')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
};
