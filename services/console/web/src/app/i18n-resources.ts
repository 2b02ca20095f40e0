import i18n from '@/shared/i18n/i18n';
import authZh from '@/features/auth/locales/zh-CN.json';
import authEn from '@/features/auth/locales/en.json';
import inboxZh from '@/features/inbox/locales/zh-CN.json';
import inboxEn from '@/features/inbox/locales/en.json';
import customersZh from '@/features/customers/locales/zh-CN.json';
import customersEn from '@/features/customers/locales/en.json';
import outreachZh from '@/features/outreach/locales/zh-CN.json';
import outreachEn from '@/features/outreach/locales/en.json';
import staffZh from '@/features/staff/locales/zh-CN.json';
import staffEn from '@/features/staff/locales/en.json';
import invitationsZh from '@/features/invitations/locales/zh-CN.json';
import invitationsEn from '@/features/invitations/locales/en.json';
import complaintsZh from '@/features/complaints/locales/zh-CN.json';
import complaintsEn from '@/features/complaints/locales/en.json';
import approvalsZh from '@/features/approvals/locales/zh-CN.json';
import approvalsEn from '@/features/approvals/locales/en.json';
import creditZh from '@/features/credit/locales/zh-CN.json';
import creditEn from '@/features/credit/locales/en.json';
import notificationsZh from '@/features/notifications/locales/zh-CN.json';
import notificationsEn from '@/features/notifications/locales/en.json';
import penaltiesZh from '@/features/penalties/locales/zh-CN.json';
import penaltiesEn from '@/features/penalties/locales/en.json';

/** One namespace per feature (console-style §3); registered here because shared never imports features. */
export const FEATURE_RESOURCES: Record<string, { 'zh-CN': object; en: object }> = {
  auth: { 'zh-CN': authZh, en: authEn },
  inbox: { 'zh-CN': inboxZh, en: inboxEn },
  customers: { 'zh-CN': customersZh, en: customersEn },
  outreach: { 'zh-CN': outreachZh, en: outreachEn },
  staff: { 'zh-CN': staffZh, en: staffEn },
  invitations: { 'zh-CN': invitationsZh, en: invitationsEn },
  complaints: { 'zh-CN': complaintsZh, en: complaintsEn },
  approvals: { 'zh-CN': approvalsZh, en: approvalsEn },
  credit: { 'zh-CN': creditZh, en: creditEn },
  notifications: { 'zh-CN': notificationsZh, en: notificationsEn },
  penalties: { 'zh-CN': penaltiesZh, en: penaltiesEn },
};

for (const [ns, bundles] of Object.entries(FEATURE_RESOURCES)) {
  i18n.addResourceBundle('zh-CN', ns, bundles['zh-CN'], true, true);
  i18n.addResourceBundle('en', ns, bundles.en, true, true);
}
