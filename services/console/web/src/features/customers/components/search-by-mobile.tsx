import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Input, List, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/shared/ui/query-state';
import { normaliseMobile } from '@/features/customers/api/mobile';
import { searchByMobileQuery } from '@/features/customers/api/queries';

export const SearchByMobile = () => {
  const { t } = useTranslation('customers');
  const [mobile, setMobile] = useState('');
  const query = useQuery(searchByMobileQuery(mobile));
  return (
    <>
      <Input.Search
        aria-label={t('fields.mobile')}
        placeholder={t('search.placeholder')}
        enterButton
        onSearch={(v) => setMobile(normaliseMobile(v))}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      {mobile && (
        <QueryState query={query} isEmpty={(d) => d.length === 0}>
          {(found) => (
            <List
              dataSource={found}
              rowKey="customerId"
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/customers/${c.customerId}`}>{c.personalData.name ?? t('forgotten')}</Link>
                  <span>{c.personalData.mobile}</span>
                  <Tag>{c.ownerBu}</Tag>
                  <span>{c.ownerEmployeeId}</span>
                </List.Item>
              )}
            />
          )}
        </QueryState>
      )}
    </>
  );
};
