import { useTranslation } from 'react-i18next';
import { yuanOfFen } from '@/shared/ui/money';

/** One fact of an approval's basis: amounts in yuan, codes and lists translated, flags as yes/no. */
export const BasisValue = ({ name, value }: { name: string; value: string | number | boolean | null }) => {
  const { t } = useTranslation();
  if (value === null) return <>—</>;
  if (typeof value === 'boolean') return <>{t(value ? 'approval.yes' : 'approval.no')}</>;
  if (typeof value === 'number' && name.endsWith('Fen')) return <>¥{yuanOfFen(value)}</>;
  if (typeof value === 'string' && /^(reasons|cFlags|aCriteriaMet|aCriteriaFailed)$/.test(name)) {
    return (
      <>
        {value
          .split(',')
          .map((code) => t(`approval.codes.${code}`, { defaultValue: code }))
          .join('、')}
      </>
    );
  }
  if (typeof value === 'string' && /^(grade|grantType|requiredApprover)$/.test(name)) {
    return <>{t(`approval.codes.${value}`, { defaultValue: value })}</>;
  }
  return <>{String(value)}</>;
};
