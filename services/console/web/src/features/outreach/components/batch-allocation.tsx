import { Descriptions, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchAllocation as Allocation } from '@/features/outreach/api/types';
import { dealLabel } from '@/features/outreach/utils/deal';

/** ARC-04: the recorded deal, as the service returns it: per-participant counts in the dealing order. */
export const BatchAllocation = ({ allocation }: { allocation: Allocation }) => {
  const { t } = useTranslation('outreach');
  return (
    <>
      <Statistic title={t('allocation.deal')} value={dealLabel(allocation)} />
      <Descriptions
        size="small"
        column={1}
        style={{ margin: '16px 0' }}
        items={[
          { key: 'method', label: t('allocation.method'), children: t(`methods.${allocation.method}`) },
        ]}
      />
      <Table
        rowKey="employeeId"
        size="small"
        pagination={false}
        dataSource={[...allocation.counts]}
        columns={[
          { title: t('allocation.employee'), dataIndex: 'employeeId' },
          { title: t('allocation.records'), dataIndex: 'records' },
        ]}
      />
    </>
  );
};
