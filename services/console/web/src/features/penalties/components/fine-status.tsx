import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  issued: 'orange',
  appealed: 'blue',
  upheld: 'red',
  waived: 'green',
};

export const FineStatusTag = ({ status }: { status: string }) => {
  const { t } = useTranslation('penalties');
  return <Tag color={COLORS[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
};
