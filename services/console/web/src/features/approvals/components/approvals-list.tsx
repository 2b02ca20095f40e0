import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApprovalActions } from '@/shared/approvals/approval-actions';
import { approvalsQuery, type ApprovalItem } from '@/shared/approvals/approval';
import { BasisValue } from '@/shared/approvals/basis-value';
import { DeadlineTimer } from '@/shared/ui/deadline-timer';
import { QueryState } from '@/shared/ui/query-state';
import { UnavailableSources } from '@/shared/ui/unavailable-sources';

/** What is asked, by whom and when, on which facts and under which rule; then approve or refuse. */
const ApprovalCard = ({
  item,
  onAnswered,
}: {
  item: ApprovalItem;
  onAnswered: (i: ApprovalItem) => void;
}) => {
  const { t } = useTranslation('approvals');
  const { t: tInbox } = useTranslation('inbox');
  const { t: tc } = useTranslation();
  const { approval } = item;
  const basis = Object.entries(approval.basis).filter(([, v]) => v !== null && v !== '');
  return (
    <Card
      size="small"
      data-testid={`approval-${item.id}`}
      title={
        <Space>
          {item.priority === 'high' && <Tag color="red">{tInbox('priority.high')}</Tag>}
          <Link to={item.link}>
            {tInbox(item.titleKey, { ...item.titleParams, defaultValue: item.kind })}
          </Link>
        </Space>
      }
      extra={<ApprovalActions item={item} onAnswered={onAnswered} />}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag>{tc(`services.${item.service}`)}</Tag>
          <Tag color="blue">{t('rule', { rule: approval.rule })}</Tag>
          <Typography.Text type="secondary">
            {t('requested', {
              by: approval.requestedBy ?? t('unknown'),
              at: approval.requestedAt ? new Date(approval.requestedAt).toLocaleString() : '—',
            })}
          </Typography.Text>
          {item.dueAt && <DeadlineTimer dueAt={item.dueAt} />}
        </Space>
        {basis.length > 0 && (
          <Descriptions size="small" column={{ xs: 1, md: 3 }} title={t('basis')}>
            {basis.map(([key, value]) => (
              <Descriptions.Item key={key} label={tc(`approval.basis.${key}`, { defaultValue: key })}>
                <BasisValue name={key} value={value} />
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Space>
    </Card>
  );
};

/** Every decision waiting for this person's approval, from every service, in one list. */
export const ApprovalsList = () => {
  const { t } = useTranslation('approvals');
  const { t: tc } = useTranslation();
  const query = useInfiniteQuery(approvalsQuery);
  // The inbox follows the events a moment later: an answered item stays hidden until it is gone.
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const onAnswered = (item: ApprovalItem) =>
    setAnswered((s) => new Set([...s, `${item.service}/${item.id}/${item.version}`]));
  return (
    <QueryState query={query}>
      {(data) => {
        const items = data.pages
          .flatMap((p) => p.items)
          .filter((i) => !answered.has(`${i.service}/${i.id}/${i.version}`));
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            <UnavailableSources sources={data.pages[data.pages.length - 1]?.sources ?? []} />
            {items.length === 0 ? (
              <Empty description={t('empty')} />
            ) : (
              <List<ApprovalItem>
                dataSource={items}
                rowKey={(i) => `${i.service}/${i.id}`}
                renderItem={(item) => (
                  <List.Item>
                    <ApprovalCard item={item} onAnswered={onAnswered} />
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
