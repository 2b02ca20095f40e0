import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { payrollExportUrl } from '@/features/penalties/api/mutations';

/** The month's payroll export (upheld and unappealed fines) as CSV or Excel. */
export const PayrollExportButtons = ({ month, bu }: { month: string; bu?: string }) => {
  const { t } = useTranslation('penalties');
  return (
    <Space>
      <Button icon={<DownloadOutlined />} href={payrollExportUrl('csv', month, bu)} download>
        {t('export.csv', { month })}
      </Button>
      <Button icon={<DownloadOutlined />} href={payrollExportUrl('xlsx', month, bu)} download>
        {t('export.xlsx', { month })}
      </Button>
    </Space>
  );
};
