import { Descriptions, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import type { Redistribution } from '@/features/staff/api/types';

/** ARC-72: the recorded random draw, with the seed an auditor needs to re-run it. */
export const RedistributionResult = ({ draw }: { draw: Redistribution }) => {
  const { t } = useTranslation('staff');
  return (
    <>
      <Descriptions
        size="small"
        column={2}
        items={[
          {
            key: 'seed',
            label: t('draw.seed'),
            children: (
              <Typography.Text code copyable>
                {draw.seed}
              </Typography.Text>
            ),
          },
          {
            key: 'id',
            label: t('draw.id'),
            children: <Typography.Text code>{draw.redistributionId}</Typography.Text>,
          },
          { key: 'bu', label: t('fields.bu'), children: draw.bu },
          { key: 'drawnFrom', label: t('draw.drawnFrom'), children: draw.drawnFrom.join('、') || '—' },
          { key: 'customers', label: t('draw.customers'), children: draw.customers.length },
          { key: 'policy', label: t('draw.policy'), children: draw.policyVersion },
          { key: 'at', label: t('draw.at'), children: formatDateTime(draw.drawnAt) },
          { key: 'by', label: t('draw.by'), children: draw.decidedBy },
        ]}
      />
      {draw.undrawn.length > 0 && (
        <Typography.Paragraph type="warning">
          {t('draw.undrawn', { count: draw.undrawn.length })}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="customerId"
        size="small"
        style={{ marginTop: 12 }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={[...draw.assignments]}
        columns={[
          {
            title: t('draw.customer'),
            dataIndex: 'customerId',
            render: (id: string) => (
              <Link to={`/customers/${id}`}>
                <Typography.Text code>{id.slice(0, 8)}</Typography.Text>
              </Link>
            ),
          },
          { title: t('draw.to'), dataIndex: 'employeeId' },
        ]}
      />
    </>
  );
};
