import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import relativeTime from 'dayjs/plugin/relativeTime';
import zhCommon from './locales/zh-CN/common.json';
import enCommon from './locales/en/common.json';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const STORAGE_KEY = 'console.language';

const initial = (): Language => {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'zh-CN';
};

void i18n.use(initReactI18next).init({
  lng: initial(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: ['common'],
  resources: { 'zh-CN': { common: zhCommon }, en: { common: enCommon } },
  interpolation: { escapeValue: false },
  returnNull: false,
});
dayjs.locale(initial() === 'en' ? 'en' : 'zh-cn');

/** Switches i18next, dayjs (and, through the provider, antd) together; remembered in this browser. */
export const setLanguage = async (language: Language): Promise<void> => {
  localStorage.setItem(STORAGE_KEY, language);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
};

/** Dates travel as ISO UTC and are always shown in Beijing time, whatever the browser's zone. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD HH:mm') : '—';

export const formatDate = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD') : '—';

export default i18n;
