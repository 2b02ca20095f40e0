import { ProDescriptions } from '@ant-design/pro-components';
import { Badge, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { DeadlineTimer } from '@/shared/ui/deadline-timer';
import type { FilingCutoff, JointEvent } from '@/features/invitations/api/types';
import { BuOrder } from './bu-order';

/** Cut-offs within this much time show as a warning. */
const WARN_MS = 3 * 3600_000;

/** The event as scheduled, and every daily cut-off the service computed for its filing window. */
export const JointEventDetail = ({ event }: { event: JointEvent }) => {
  const { t } = useTranslation('invitations');
  return (
    <>
      <ProDescriptions<JointEvent>
        column={2}
        dataSource={event}
        columns={[
          { title: t('fields.date'), key: 'date', dataIndex: 'date' },
          { title: t('fields.slot'), key: 'slot', render: () => t(`slots.${event.slot}`) },
          { title: t('fields.venue'), key: 'venue', dataIndex: 'venue' },
          { title: t('fields.coordinatorId'), key: 'coordinatorId', dataIndex: 'coordinatorId' },
          {
            title: t('fields.businessUnits'),
            key: 'businessUnits',
            render: () => <BuOrder units={event.businessUnits} />,
          },
          { title: t('fields.windowOpensOn'), key: 'windowOpensOn', dataIndex: 'windowOpensOn' },
          { title: t('fields.policyVersion'), key: 'policyVersion', dataIndex: 'policyVersion' },
          {
            title: t('fields.disputes'),
            key: 'disputes',
            render: () => {
              const all = Object.values(event.disputes);
              return t('detail.disputes', {
                count: all.length,
                open: all.filter((d) => !d.resolved).length,
              });
            },
          },
        ]}
      />
      <Table<FilingCutoff>
        size="small"
        rowKey="day"
        pagination={false}
        title={() => t('detail.cutoffs')}
        dataSource={[...event.cutoffs]}
        columns={[
          { title: t('fields.day'), dataIndex: 'day' },
          { title: t('fields.cutoffAt'), dataIndex: 'cutoffAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('fields.deadline'),
            key: 'deadline',
            render: (_, c) =>
              event.cutoffsReached.includes(c.day) ? (
                <Tag>{t('detail.cutoffReached')}</Tag>
              ) : (
                <DeadlineTimer dueAt={c.cutoffAt} warnMs={WARN_MS} />
              ),
          },
          {
            title: t('fields.released'),
            key: 'released',
            render: (_, c) =>
              event.released.includes(c.day) ? (
                <Badge status="success" text={t('detail.released')} />
              ) : (
                <Badge status="default" text={t('detail.notReleased')} />
              ),
          },
        ]}
      />
    </>
  );
};
