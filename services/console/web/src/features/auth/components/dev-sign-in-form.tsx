import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { QueryState } from '@/shared/ui/query-state';
import { showProblemOnFields } from '@/shared/ui/form-problem';
import { peopleQuery, signIn } from '@/features/auth/api/sign-in';

interface Values {
  employeeId: string;
  roles: string[];
}

/** Development and test sign-in: pick a person of the staff directory and the roles to act with. */
export const DevSignInForm = ({ onSignedIn }: { onSignedIn: () => void }) => {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const people = useQuery(peopleQuery);
  const [formError, setFormError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: (v: Values) => signIn(v.employeeId, v.roles),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['console', 'session'] });
      onSignedIn();
    },
    onError: (error) => {
      setFormError(showProblemOnFields(form, error, ['employeeId', 'roles']) ? null : error);
    },
  });

  return (
    <Card title={t('title')} style={{ width: 440 }}>
      <Typography.Paragraph type="secondary">{t('devHint')}</Typography.Paragraph>
      <QueryState query={people}>
        {(choices) => (
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{
              roles: ['staff'],
              ...(choices.bootstrap ? { employeeId: 'admin', roles: ['admin'] } : {}),
            }}
            onFinish={(v) => {
              setFormError(null);
              mutation.mutate(v);
            }}
          >
            {choices.bootstrap && (
              <Alert type="info" showIcon title={t('bootstrap')} style={{ marginBottom: 16 }} />
            )}
            <Form.Item
              name="employeeId"
              label={t('person')}
              rules={[{ required: true, message: tc('validation.required') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={t('personPlaceholder')}
                options={
                  (choices.bootstrap
                    ? [{ value: 'admin', label: t('bootstrapAdmin') }]
                    : choices.businessUnits.map((bu) => ({
                        label: `${bu.name} (${bu.buId})`,
                        options: choices.people
                          .filter((p) => p.bu === bu.buId)
                          .map((p) => ({ value: p.employeeId, label: `${p.displayName} · ${p.employeeId}` })),
                      }))) as { label: string; value?: string }[]
                }
              />
            </Form.Item>
            <Form.Item
              name="roles"
              label={t('roles')}
              rules={[{ required: true, message: tc('validation.required') }]}
            >
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={choices.roles.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
              />
            </Form.Item>
            {formError !== null && <ProblemAlert error={formError} />}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={mutation.isPending}
              style={{ marginTop: 16 }}
            >
              {t('signIn')}
            </Button>
          </Form>
        )}
      </QueryState>
    </Card>
  );
};
