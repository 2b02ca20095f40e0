import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { QueryState } from '@/shared/ui/query-state';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { customerKeys } from '@/features/customers/api/keys';
import { reassignCustomer } from '@/features/customers/api/mutations';
import { lapsedQuery } from '@/features/customers/api/queries';
import { ReportTable } from './report-table';

interface Values {
  toBu: string;
  toEmployeeId: string;
  reason: 'service_lapse' | 'director_decision';
  note?: string;
}

const ReassignButton = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) => reassignCustomer(customerId, v, keyFor(v)),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
    onError: (error) =>
      setFormError(
        showProblemOnFields(form, error, ['toBu', 'toEmployeeId', 'reason', 'note']) ? null : error,
      ),
  });
  return (
    <ModalForm<Values>
      title={t('lapsedQueue.reassign')}
      form={form}
      trigger={<Button size="small">{t('lapsedQueue.reassign')}</Button>}
      initialValues={{ reason: 'service_lapse' }}
      {...modalCommandProps<Values>(mutation.mutateAsync, () => setFormError(null))}
    >
      <ProFormText
        name="toBu"
        label={t('fields.toBu')}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormText
        name="toEmployeeId"
        label={t('fields.toEmployeeId')}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormSelect
        name="reason"
        label={t('fields.reason')}
        options={['service_lapse', 'director_decision'].map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
      />
      <ProFormText name="note" label={t('fields.note')} />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};

/** The resource director's queue: lapsed customers waiting for a new owner (ARC-70). */
export const LapsedQueue = () => {
  const query = useQuery(lapsedQuery());
  return (
    <QueryState query={query} isEmpty={(rows) => rows.length === 0}>
      {(rows) => (
        <ReportTable rows={rows} extra={(r) => <ReassignButton customerId={String(r['customerId'])} />} />
      )}
    </QueryState>
  );
};
