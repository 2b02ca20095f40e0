import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Alert, Form } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { formatDateTime } from '@/shared/i18n/i18n';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { customerKeys } from '@/features/customers/api/keys';
import { isMainlandMobile } from '@/features/customers/api/mobile';
import { registerCustomer } from '@/features/customers/api/mutations';
import type { MobileTaken, RegisterValues } from '@/features/customers/api/types';

const SOURCES = ['walk_in', 'phone', 'outreach', 'referral', 'event'] as const;
const FIELDS = ['name', 'mobile', 'source', 'address', 'referredBy'];

export const RegisterCustomerForm = () => {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<RegisterValues>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [taken, setTaken] = useState<MobileTaken | undefined>();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (values: RegisterValues) => registerCustomer(values, keyFor(values)),
    onSuccess: async ({ customerId }) => {
      await client.invalidateQueries({ queryKey: customerKeys.lists() });
      navigate(`/customers/${customerId}`);
    },
    onError: (error) => {
      if (isProblem(error) && error.code === 'customer.mobile_taken') {
        setTaken(error.body['details'] as MobileTaken);
        form.setFields([{ name: 'mobile', errors: [t('register.mobileTaken')] }]);
        return;
      }
      setFormError(showProblemOnFields(form, error, FIELDS) ? null : error);
    },
  });

  return (
    <ProForm<RegisterValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      initialValues={{ source: 'walk_in' }}
      submitter={{ searchConfig: { submitText: t('register.submit') }, resetButtonProps: false }}
      onValuesChange={() => {
        setTaken(undefined);
        setFormError(null);
      }}
      onFinish={async (values) => {
        await mutation.mutateAsync(values).catch(() => undefined);
      }}
    >
      <ProFormText
        name="name"
        label={t('fields.name')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 100 }]}
      />
      <ProFormText
        name="mobile"
        label={t('fields.mobile')}
        rules={[
          { required: true, message: tc('validation.required') },
          {
            validator: async (_, v?: string) =>
              !v || isMainlandMobile(v) ? undefined : Promise.reject(new Error(tc('validation.mobile'))),
          },
        ]}
      />
      <ProFormSelect
        name="source"
        label={t('fields.source')}
        options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
        rules={[{ required: true, message: tc('validation.required') }]}
      />
      <ProFormText name="address" label={t('fields.address')} rules={[{ max: 200 }]} />
      <ProFormText name="referredBy" label={t('fields.referredBy')} tooltip={t('register.referredByHint')} />
      {taken && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('register.alreadyRegistered', {
            bu: taken.ownerBu,
            employee: taken.ownerEmployeeId,
            date: formatDateTime(taken.registeredAt),
          })}
          description={
            <Link to={`/customers/${taken.existingCustomerId}`}>{t('register.openExisting')}</Link>
          }
        />
      )}
      {formError !== null && <ProblemAlert error={formError} />}
    </ProForm>
  );
};
