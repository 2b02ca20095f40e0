import { Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router-dom';
import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROUTES, type RouteEntry } from '@/routes/route-table';
import { useSession } from '@/shared/auth/session';
import { ConsoleLayout } from './layout';
import { RouteErrorBoundary } from './route-error-boundary';
import SignInPage from '@/routes/sign-in-page';
import { AliasRedirect, LINK_ALIASES } from '@/routes/link-aliases';

const Guarded = ({ entry }: { entry: RouteEntry }) => {
  const { access } = useSession();
  const { t } = useTranslation();
  if (entry.access && !access[entry.access]) {
    return <Result status="403" title={t('state.forbidden')} />;
  }
  const Page = entry.page;
  return (
    <Suspense fallback={<Skeleton active />}>
      <Page />
    </Suspense>
  );
};

const NotFound = () => {
  const { t } = useTranslation();
  return <Result status="404" title={t('state.notFound')} />;
};

const children: RouteObject[] = [
  ...ROUTES.map((entry) => ({
    path: entry.path,
    element: <Guarded entry={entry} />,
    errorElement: <RouteErrorBoundary />,
  })),
  ...LINK_ALIASES.map((alias) => ({ path: alias.path, element: <AliasRedirect to={alias.to} /> })),
  { path: '*', element: <NotFound /> },
];

export const router = createBrowserRouter([
  { path: '/login', element: <SignInPage />, errorElement: <RouteErrorBoundary /> },
  {
    element: (
      <ConsoleLayout>
        <Outlet />
      </ConsoleLayout>
    ),
    errorElement: <RouteErrorBoundary />,
    children,
  },
]);
