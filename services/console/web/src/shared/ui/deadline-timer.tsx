import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { deadlineTone, remaining } from './deadline';
import { useNow } from './use-now';

const STATUS = { overdue: 'error', warning: 'warning', normal: 'processing' } as const;

/** A live countdown to a deadline the server computed. */
export const DeadlineTimer = ({ dueAt, warnMs }: { dueAt: string; warnMs?: number }) => {
  const now = useNow();
  const { t } = useTranslation();
  const tone = deadlineTone(now, dueAt, warnMs);
  return (
    <Badge
      status={STATUS[tone]}
      title={formatDateTime(dueAt)}
      data-tone={tone}
      text={tone === 'overdue' ? t('time.overdue') : t('time.remaining', { time: remaining(now, dueAt) })}
    />
  );
};
