import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApprovalActions } from '@/shared/approvals/approval-actions';
import { approvalsQuery, type ApprovalItem } from '@/shared/approvals/approval';

/** The decisions on this account waiting for the signed-in person, answerable here as in the inbox. */
export const AccountApprovals = ({ accountId }: { accountId: string }) => {
  const { t } = useTranslation('credit');
  const { t: tInbox } = useTranslation('inbox');
  const query = useInfiniteQuery(approvalsQuery);
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const mine = (query.data?.pages ?? [])
    .flatMap((p) => p.items)
    .filter((i) => i.service === 'credit' && i.titleParams['accountId'] === accountId)
    .filter((i) => !answered.has(`${i.id}/${i.version}`));
  if (mine.length === 0) return null;
  return (
    <Card size="small" title={t('approvals.title')}>
      <List<ApprovalItem>
        dataSource={mine}
        rowKey="id"
        renderItem={(item) => (
          <List.Item
            actions={[
              <ApprovalActions
                key="answer"
                item={item}
                onAnswered={(i) => setAnswered((s) => new Set([...s, `${i.id}/${i.version}`]))}
              />,
            ]}
          >
            <Space>
              <Tag color="blue">{item.approval.rule}</Tag>
              {tInbox(item.titleKey, { ...item.titleParams, defaultValue: item.kind })}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
};
