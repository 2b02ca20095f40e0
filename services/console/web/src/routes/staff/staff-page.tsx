import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { StaffDirectory } from '@/features/staff/components/staff-directory';

export default function StaffPage() {
  const { t } = useTranslation('staff');
  return (
    <PageContainer title={t('title')}>
      <StaffDirectory />
    </PageContainer>
  );
}
