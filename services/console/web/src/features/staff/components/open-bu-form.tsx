import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';
import { refetchUntil } from '@/shared/api/read-your-writes';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { businessUnitsQuery } from '@/features/staff/api/queries';
import { openBusinessUnit } from '@/features/staff/api/mutations';
import type { OpenBuValues } from '@/features/staff/api/types';
import { ID_PATTERN } from '@/features/staff/utils/ids';

/** The GM or an admin opens a business unit to share the customer pool. */
export const OpenBuForm = () => {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const message = useProblemMessage();
  const [form] = Form.useForm<OpenBuValues>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (values: OpenBuValues) => openBusinessUnit(values, keyFor(values)),
    onSuccess: (_, values) =>
      refetchUntil(client, businessUnitsQuery(), (units) => units.some((u) => u.buId === values.buId)),
    onError: (error) => {
      if (isProblem(error) && error.code === 'bu.exists') {
        form.setFields([{ name: 'buId', errors: [message(error)] }]);
        return;
      }
      setFormError(showProblemOnFields(form, error, ['buId', 'name']) ? null : error);
    },
  });
  return (
    <ModalForm<OpenBuValues>
      title={t('openBu.title')}
      form={form}
      trigger={<Button>{t('openBu.open')}</Button>}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      <ProFormText
        name="buId"
        label={t('fields.buId')}
        placeholder="bu-2"
        rules={[
          { required: true, message: tc('validation.required') },
          { pattern: ID_PATTERN, message: t('validation.id') },
        ]}
      />
      <ProFormText
        name="name"
        label={t('fields.buName')}
        rules={[{ required: true, message: tc('validation.required') }, { max: 100 }]}
      />
      {formError !== null && <ProblemAlert error={formError} />}
    </ModalForm>
  );
};
