import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ProForm, ProFormDependency, ProFormRadio, ProFormText } from '@ant-design/pro-components';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';
import { useIdempotencyKey } from '@/shared/api/idempotency';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { invitationKeys } from '@/features/invitations/api/keys';
import { onCustomer, type CustomerAction } from '@/features/invitations/api/mutations';
import { fenOfYuan } from '@/shared/ui/money';

const ACTIONS = ['attendance', 'pitch', 'pitchEnd', 'assists', 'sales'] as const;
type AtEventAction = (typeof ACTIONS)[number] & CustomerAction;

interface Values {
  action: AtEventAction;
  customerId: string;
  employeeId?: string;
  assistantEmployeeId?: string;
  amountYuan?: string;
  assistedBy?: string;
}

const FIELDS = ['customerId', 'employeeId', 'assistantEmployeeId', 'amountYuan', 'assistedBy'];

const bodyOf = (v: Values): Record<string, unknown> => {
  switch (v.action) {
    case 'attendance':
      return {};
    case 'pitch':
    case 'pitchEnd':
      return { employeeId: v.employeeId };
    case 'assists':
      return { assistantEmployeeId: v.assistantEmployeeId };
    case 'sales':
      return {
        amountFen: fenOfYuan(v.amountYuan ?? ''),
        ...(v.assistedBy ? { assistedBy: v.assistedBy } : {}),
      };
  }
};

/**
 * At the event (domain §3.5): check-in, one pitch at a time, the current inviter's consent for the
 * former follow-up employee to help, and sales (credited to the current inviter, INV-11).
 */
export const AtEventForm = ({ jointEventId, employeeId }: { jointEventId: string; employeeId?: string }) => {
  const { t } = useTranslation('invitations');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refusal = useProblemMessage();
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      onCustomer({ jointEventId, customerId: v.customerId.trim() }, v.action, bodyOf(v), keyFor(v)),
    onSuccess: (_, v) => void message.success(t(`atEvent.done.${v.action}`)),
    onSettled: () => client.invalidateQueries({ queryKey: invitationKeys.board(jointEventId) }),
    onError: (error) => {
      if (showProblemOnFields(form, error, FIELDS, refusal)) return;
      // Rule refusals at the event (not checked in, someone else pitching…) concern the customer.
      if (isProblem(error) && [403, 409, 422].includes(error.status))
        form.setFields([{ name: 'customerId', errors: [refusal(error)] }]);
      else setFormError(error);
    },
  });
  return (
    <ProForm<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{ action: 'attendance', ...(employeeId ? { employeeId } : {}) }}
      submitter={{ searchConfig: { submitText: tc('actions.submit') }, resetButtonProps: false }}
      onValuesChange={() => setFormError(null)}
      onFinish={async (v) => {
        await mutation.mutateAsync(v).catch(() => undefined);
      }}
    >
      <ProFormRadio.Group
        name="action"
        label={t('atEvent.action')}
        radioType="button"
        options={ACTIONS.map((a) => ({ value: a, label: t(`atEvent.actions.${a}`) }))}
      />
      <ProFormText
        name="customerId"
        label={t('fields.customerId')}
        width="md"
        rules={[{ required: true, message: tc('validation.required') }, { max: 100 }]}
      />
      <ProFormDependency name={['action']}>
        {({ action }: Partial<Values>) => (
          <>
            {(action === 'pitch' || action === 'pitchEnd') && (
              <ProFormText
                name="employeeId"
                label={t('fields.pitchingEmployee')}
                width="md"
                rules={[{ required: true, message: tc('validation.required') }, { max: 100 }]}
              />
            )}
            {action === 'assists' && (
              <ProFormText
                name="assistantEmployeeId"
                label={t('fields.assistantEmployeeId')}
                tooltip={t('atEvent.assistHint')}
                width="md"
                rules={[{ required: true, message: tc('validation.required') }, { max: 100 }]}
              />
            )}
            {action === 'sales' && (
              <>
                <ProFormText
                  name="amountYuan"
                  label={t('fields.amountYuan')}
                  width="sm"
                  rules={[
                    { required: true, message: tc('validation.required') },
                    {
                      validator: async (_, v?: string) =>
                        !v || (fenOfYuan(v) ?? 0) > 0
                          ? undefined
                          : Promise.reject(new Error(t('atEvent.amountInvalid'))),
                    },
                  ]}
                />
                <ProFormText name="assistedBy" label={t('fields.assistedBy')} width="md" />
              </>
            )}
          </>
        )}
      </ProFormDependency>
      {formError !== null && <ProblemAlert error={formError} />}
    </ProForm>
  );
};
