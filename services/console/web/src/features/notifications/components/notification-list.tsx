import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Segmented, Space, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '@/shared/i18n/i18n';
import { QueryState } from '@/shared/ui/query-state';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { notificationKeys } from '@/features/notifications/api/keys';
import { markAllRead, markRead } from '@/features/notifications/api/mutations';
import { notificationsQuery } from '@/features/notifications/api/queries';
import type { Notification } from '@/features/notifications/api/types';
import { textParams } from '@/features/notifications/utils/text-params';

/** The notification centre: newest first, unread marked; opening one marks it read and goes to its item. */
export const NotificationList = () => {
  const { t } = useTranslation('notifications');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery(notificationsQuery(unreadOnly, page));
  const refresh = () => client.invalidateQueries({ queryKey: notificationKeys.all });
  const read = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh });

  const open = async (n: Notification) => {
    if (n.readAt === null) await read.mutateAsync(n.notificationId);
    navigate(n.link);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('filter.all') },
            { value: 'unread', label: t('filter.unread') },
          ]}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
        />
        <Button
          icon={<CheckOutlined />}
          disabled={(list.data?.unreadCount ?? 0) === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('markAllRead')}
        </Button>
      </Space>
      {(read.error ?? readAll.error) && <ProblemAlert error={read.error ?? readAll.error} />}
      <QueryState query={list}>
        {(data) => (
          <List<Notification>
            data-testid="notification-list"
            dataSource={data.items}
            locale={{ emptyText: t('empty') }}
            pagination={
              data.total > data.limit
                ? { current: page, pageSize: data.limit, total: data.total, onChange: setPage }
                : false
            }
            renderItem={(n) => {
              const params = textParams(n.params);
              return (
                <List.Item
                  data-testid="notification-item"
                  data-kind={n.kind}
                  actions={[
                    <Button key="open" type="link" onClick={() => void open(n)}>
                      {t('open')}
                    </Button>,
                    n.readAt === null ? (
                      <Button key="read" type="link" onClick={() => read.mutate(n.notificationId)}>
                        {t('markRead')}
                      </Button>
                    ) : null,
                  ]}
                >
                  <List.Item.Meta
                    avatar={<Badge status={n.readAt === null ? 'processing' : 'default'} />}
                    title={
                      <Typography.Text strong={n.readAt === null}>
                        {t(`kinds.${n.kind}.title`, params)}
                      </Typography.Text>
                    }
                    description={
                      <Space direction="vertical" size={0}>
                        <span>{t(`kinds.${n.kind}.body`, params)}</span>
                        <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                      </Space>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
      </QueryState>
    </Space>
  );
};
