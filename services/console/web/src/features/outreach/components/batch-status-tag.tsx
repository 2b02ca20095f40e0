import { Badge, type BadgeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '@/features/outreach/api/types';

/** A badge, not a coloured tag: its text keeps the body colour, so it stays readable (WCAG AA). */
const BADGES: Record<BatchStatus, BadgeProps['status']> = {
  submitted: 'default',
  entered: 'processing',
  returned: 'warning',
  allocated: 'success',
};

export const BatchStatusTag = ({ status }: { status: BatchStatus }) => {
  const { t } = useTranslation('outreach');
  return <Badge status={BADGES[status]} text={t(`status.${status}`)} />;
};
