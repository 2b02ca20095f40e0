import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { ConflictTable } from '@/features/invitations/components/conflict-table';

export default function ConflictsPage() {
  const { t } = useTranslation('invitations');
  const { access } = useSession();
  return (
    <PageContainer title={t('conflictsTitle')} content={t('conflicts.intro')}>
      <ConflictTable access={access} />
    </PageContainer>
  );
}
