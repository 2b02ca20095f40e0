import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/shared/auth/session';
import { FineLedgerTable } from '@/features/penalties/components/fine-ledger-table';

export default function PenaltyLedgerPage() {
  const { t } = useTranslation('penalties');
  const { access } = useSession();
  return (
    <PageContainer title={t('ledgerTitle')}>
      <FineLedgerTable canExport={access.canExportPayroll} />
    </PageContainer>
  );
}
