import { createReadStream, existsSync, statSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem, sendProblem } from '@crm/nest';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** antd's CSS-in-JS injects <style> elements, hence 'unsafe-inline' for styles only; scripts come from this origin alone. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The built web app: hashed assets are immutable, everything else that is not /api is the SPA's
 * index.html, never cached so a new release is picked up at the next navigation.
 */
export const staticAssets = (distDir: string) => {
  const root = resolve(distDir);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    let path: string;
    try {
      path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    } catch {
      sendProblem(response, problem(400, 'console.bad_path', 'the path is not valid percent-encoding'));
      return;
    }
    if (path.includes('\0')) {
      sendProblem(response, problem(400, 'console.bad_path', 'the path contains a NUL byte'));
      return;
    }
    if (
      path.startsWith('/api/') ||
      path === '/health' ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      next();
      return;
    }
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'same-origin');
    const file = normalize(join(root, path));
    const isAsset = file.startsWith(root + '/') && existsSync(file) && statSync(file).isFile();
    const target = isAsset ? file : join(root, 'index.html');
    if (!existsSync(target)) {
      sendProblem(
        response,
        problem(503, 'console.not_built', 'the web app is not built: run `npm run console:build`'),
      );
      return;
    }
    response.setHeader('Content-Type', TYPES[extname(target)] ?? 'application/octet-stream');
    response.setHeader(
      'Cache-Control',
      isAsset && path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    response.setHeader('Vary', 'Accept-Encoding');
    const type = extname(target);
    const gzip =
      /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) &&
      ['.js', '.css', '.html', '.json', '.svg'].includes(type);
    if (gzip) {
      response.setHeader('Content-Encoding', 'gzip');
      createReadStream(target)
        .pipe(createGzip({ level: 6 }))
        .pipe(response);
      return;
    }
    createReadStream(target).pipe(response);
  };
};
