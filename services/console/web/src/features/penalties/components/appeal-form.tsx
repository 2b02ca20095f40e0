import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { modalCommandProps } from '@/shared/ui/modal-command';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { penaltyKeys } from '@/features/penalties/api/keys';
import { appealFine } from '@/features/penalties/api/mutations';

interface Values {
  grounds: string;
}

/** The fined employee's appeal, within the window (the service refuses it after the deadline). */
export const AppealForm = ({ fineId }: { fineId: string }) => {
  const { t } = useTranslation('penalties');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) => appealFine(fineId, v.grounds, keyFor(v)),
    onSuccess: () => void message.success(t('appeal.done')),
    onSettled: () => client.invalidateQueries({ queryKey: penaltyKeys.all }),
    onError: (error) => setFormError(showProblemOnFields(form, error, ['grounds'], refusal) ? null : error),
  });
  return (
    <ModalForm<Values>
      title={t('appeal.title')}
      form={form}
      trigger={<Button type="primary">{t('appeal.action')}</Button>}
      submitter={{ searchConfig: { submitText: tc('actions.submit'), resetText: tc('actions.cancel') } }}
      {...modalCommandProps(mutation.mutateAsync, () => setFormError(null))}
    >
      <ProFormTextArea
        name="grounds"
        label={t('fields.grounds')}
        rules={[{ required: true, whitespace: true, message: tc('validation.required') }, { max: 2000 }]}
      />
      <ProblemAlert error={formError} />
    </ModalForm>
  );
};
