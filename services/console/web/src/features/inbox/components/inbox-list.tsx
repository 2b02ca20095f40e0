import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DeadlineTimer } from '@/shared/ui/deadline-timer';
import { QueryState } from '@/shared/ui/query-state';
import { UnavailableSources } from '@/shared/ui/unavailable-sources';
import { inboxQuery, type WorkItem } from '@/features/inbox/api/inbox';

const PRIORITY_COLOR = { high: 'red', normal: 'blue', low: 'default' } as const;

/** What waits for this person now, from every service; a service that failed is named, the rest shows. */
export const InboxList = () => {
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation();
  const query = useInfiniteQuery(inboxQuery);
  const wrapped = { ...query, data: query.data };
  return (
    <QueryState query={wrapped}>
      {(data) => {
        const items = data.pages.flatMap((p) => p.items);
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <UnavailableSources sources={data.pages[data.pages.length - 1]?.sources ?? []} />
            {items.length === 0 ? (
              <Empty description={t('empty')} />
            ) : (
              <List<WorkItem>
                dataSource={items}
                rowKey={(i) => `${i.service}/${i.id}`}
                renderItem={(item) => (
                  <List.Item
                    actions={[
                      <Link key="open" to={item.link}>
                        {tc('actions.open')}
                      </Link>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space>
                          <Tag color={PRIORITY_COLOR[item.priority]}>{t(`priority.${item.priority}`)}</Tag>
                          <Link to={item.link}>
                            {t(item.titleKey, { ...item.titleParams, defaultValue: item.kind })}
                          </Link>
                        </Space>
                      }
                      description={
                        <Space>
                          <Typography.Text type="secondary">{tc(`services.${item.service}`)}</Typography.Text>
                          {item.dueAt && <DeadlineTimer dueAt={item.dueAt} />}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
            {query.hasNextPage && (
              <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
                {tc('actions.next')}
              </Button>
            )}
          </Space>
        );
      }}
    </QueryState>
  );
};
