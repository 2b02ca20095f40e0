import { Navigate, useParams } from 'react-router-dom';

/**
 * Routes the services name in their work items' `link` that the console shows under another path.
 * Kept here so a service's link never dead-ends; the target pages are the areas' own.
 */
export const LINK_ALIASES: readonly {
  readonly path: string;
  readonly to: (p: Record<string, string | undefined>) => string;
}[] = [
  { path: '/customers/batches/:batchId', to: (p) => `/outreach/${p['batchId'] ?? ''}` },
  // The invitations links (/invitations/events/:id/lists|conflicts|disputes) are the event page's
  // own sections (route-table: /invitations/events/:jointEventId/:section).
];

export const AliasRedirect = ({ to }: { to: (p: Record<string, string | undefined>) => string }) => {
  const params = useParams();
  return <Navigate replace to={to(params)} />;
};
