import { ProblemException } from '@crm/nest';

const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * A group-robot webhook must point at an allowed host (the service would otherwise POST wherever a
 * person typed: SSRF) and use https; plain http only for a local test receiver.
 */
export const checkWebhook = (field: string, value: string, allowedHosts: readonly string[]): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ProblemException(400, 'preferences.webhook_invalid', `${field} must be a URL`, { field });
  }
  const host = url.host.toLowerCase();
  const allowed = allowedHosts.includes(host) || allowedHosts.includes(url.hostname.toLowerCase());
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL.has(url.hostname));
  if (!allowed || !secure)
    throw new ProblemException(
      400,
      'preferences.webhook_not_allowed',
      `${field} must be an https URL on ${allowedHosts.join(', ')}`,
      { field, allowedHosts },
    );
  return url.toString();
};
