import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { FineTable } from '@/features/invitations/components/fine-table';

export default function FinesPage() {
  const { t } = useTranslation('invitations');
  const { person } = useSession();
  const ownBu = person?.roles.includes('bu_manager') ? person.bu : undefined;
  return (
    <PageContainer title={t('finesTitle')}>
      <FineTable {...(ownBu !== undefined ? { ownBu } : {})} />
    </PageContainer>
  );
}
