import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '@/features/outreach/api/types';

const COLOURS: Record<BatchStatus, string> = {
  submitted: 'blue',
  entered: 'cyan',
  returned: 'orange',
  allocated: 'green',
};

export const BatchStatusTag = ({ status }: { status: BatchStatus }) => {
  const { t } = useTranslation('outreach');
  return <Tag color={COLOURS[status]}>{t(`status.${status}`)}</Tag>;
};
