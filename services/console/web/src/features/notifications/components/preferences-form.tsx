import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProForm, ProFormDependency, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { isProblem } from '@/shared/api/problem';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { ProblemAlert, useProblemMessage } from '@/shared/ui/problem-alert';
import { QueryState } from '@/shared/ui/query-state';
import { notificationKeys } from '@/features/notifications/api/keys';
import { savePreferences } from '@/features/notifications/api/mutations';
import { preferencesQuery } from '@/features/notifications/api/queries';
import type { Preferences, PreferencesValues } from '@/features/notifications/api/types';

const FIELDS = [
  'emailEnabled',
  'email',
  'wecomEnabled',
  'wecomWebhook',
  'dingtalkEnabled',
  'dingtalkWebhook',
];

const Editor = ({ current }: { current: Preferences }) => {
  const { t } = useTranslation('notifications');
  const { t: tc } = useTranslation();
  const message = useProblemMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<PreferencesValues>();
  const [formError, setFormError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (values: PreferencesValues) => savePreferences({ ...values, version: current.version }),
    onMutate: () => {
      setFormError(null);
      setSaved(false);
    },
    onSuccess: (next) => {
      client.setQueryData(notificationKeys.preferences(), next);
      setSaved(true);
    },
    onError: (error) => {
      // A refusal names its field at the top level (`field`), validation in `errors`.
      const field = isProblem(error) ? error.body['field'] : undefined;
      if (typeof field === 'string' && FIELDS.includes(field)) {
        form.setFields([{ name: field as keyof PreferencesValues, errors: [message(error)] }]);
        return;
      }
      setFormError(showProblemOnFields(form, error, FIELDS, message) ? null : error);
    },
  });
  const urlRule = { type: 'url' as const, message: t('validation.url') };
  return (
    <ProForm<PreferencesValues>
      form={form}
      initialValues={current}
      onFinish={async (values) => {
        await mutation.mutateAsync(values).catch(() => undefined);
        return true;
      }}
      submitter={{ searchConfig: { submitText: t('preferences.save') }, resetButtonProps: false }}
    >
      <ProFormSwitch name="emailEnabled" label={t('preferences.emailEnabled')} />
      <ProFormText
        name="email"
        label={t('preferences.email')}
        placeholder={current.directoryEmail ?? ''}
        extra={
          current.directoryEmail
            ? t('preferences.emailDefault', { email: current.directoryEmail })
            : t('preferences.noDirectoryEmail')
        }
        rules={[{ type: 'email', message: t('validation.email') }]}
      />
      <ProFormSwitch name="wecomEnabled" label={t('preferences.wecomEnabled')} />
      <ProFormDependency name={['wecomEnabled']}>
        {({ wecomEnabled }) => (
          <ProFormText
            name="wecomWebhook"
            label={t('preferences.wecomWebhook')}
            placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
            rules={[
              urlRule,
              ...(wecomEnabled ? [{ required: true, message: tc('validation.required') }] : []),
            ]}
          />
        )}
      </ProFormDependency>
      <ProFormSwitch name="dingtalkEnabled" label={t('preferences.dingtalkEnabled')} />
      <ProFormDependency name={['dingtalkEnabled']}>
        {({ dingtalkEnabled }) => (
          <ProFormText
            name="dingtalkWebhook"
            label={t('preferences.dingtalkWebhook')}
            placeholder="https://oapi.dingtalk.com/robot/send?access_token=…"
            rules={[
              urlRule,
              ...(dingtalkEnabled ? [{ required: true, message: tc('validation.required') }] : []),
            ]}
          />
        )}
      </ProFormDependency>
      {saved && <Alert type="success" showIcon title={t('preferences.saved')} style={{ marginBottom: 16 }} />}
      {formError !== null && <ProblemAlert error={formError} />}
    </ProForm>
  );
};

/** Where my notifications go besides the centre: e-mail, WeCom and DingTalk group robots. */
export const PreferencesForm = () => {
  const { t } = useTranslation('notifications');
  const query = useQuery(preferencesQuery());
  return (
    <>
      <Alert type="info" showIcon title={t('preferences.centreAlways')} style={{ marginBottom: 16 }} />
      <QueryState query={query}>{(current) => <Editor key={current.version} current={current} />}</QueryState>
    </>
  );
};
