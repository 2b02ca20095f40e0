import { Badge, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import type { DeadlineState } from '@/features/complaints/api/types';
import { workingTimeParts } from '@/features/complaints/utils/queue-filter';

const STATUS = {
  none: 'default',
  resolved: 'success',
  on_track: 'processing',
  warning: 'warning',
  overdue: 'error',
} as const;

/** The working-time countdown the service computed on the calendar in force (never computed here). */
export const DeadlineCountdown = ({
  dueAt,
  remainingWorkingMinutes,
  state,
  provisional,
}: {
  dueAt: string | null;
  remainingWorkingMinutes: number | null;
  state: DeadlineState;
  provisional: boolean;
}) => {
  const { t } = useTranslation('complaints');
  if (dueAt === null || remainingWorkingMinutes === null) return <>{t('deadline.none')}</>;
  const parts = workingTimeParts(remainingWorkingMinutes);
  const text =
    state === 'overdue'
      ? t('deadline.overdueBy', parts)
      : state === 'resolved'
        ? t('deadline.resolved')
        : t('deadline.left', parts);
  return (
    <Space size={4} wrap>
      <Tooltip title={formatDateTime(dueAt)}>
        <Badge status={STATUS[state]} text={text} data-state={state} />
      </Tooltip>
      {state === 'warning' && <Tag color="warning">{t('deadline.warning')}</Tag>}
      {provisional && (
        <Tooltip title={t('deadline.provisionalHint')}>
          <Tag color="default">{t('deadline.provisional')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
};
