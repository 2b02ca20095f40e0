import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { customerKeys } from '@/features/customers/api/keys';
import { recordService } from '@/features/customers/api/mutations';

interface Values {
  kind: 'home_visit' | 'phone_contact';
  reference: string;
}

/** A home visit or a phone contact restarts the lapse clock (ARC-70); the service decides who may record it. */
export const RecordServiceForm = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) => recordService(customerId, v, keyFor(v)),
    onSuccess: async () => {
      form.resetFields();
      void message.success(t('detail.serviceRecorded'));
      await client.invalidateQueries({ queryKey: customerKeys.detail(customerId) });
    },
    onError: (error) => setFormError(showProblemOnFields(form, error, ['kind', 'reference']) ? null : error),
  });
  return (
    <ProForm<Values>
      form={form}
      layout="inline"
      initialValues={{ kind: 'home_visit' }}
      submitter={{ searchConfig: { submitText: t('detail.record') }, resetButtonProps: false }}
      onValuesChange={() => setFormError(null)}
      onFinish={async (v) => {
        await mutation.mutateAsync(v).catch(() => undefined);
      }}
    >
      <ProFormSelect
        name="kind"
        label={t('fields.serviceKind')}
        options={['home_visit', 'phone_contact'].map((k) => ({ value: k, label: t(`serviceKinds.${k}`) }))}
      />
      <ProFormText
        name="reference"
        label={t('fields.reference')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 200 }]}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ProForm>
  );
};
