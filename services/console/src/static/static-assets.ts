import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
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

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.json', '.svg']);

interface Loaded {
  readonly raw: Buffer;
  readonly gzip: Buffer | undefined;
}

const load = async (file: string): Promise<Loaded | undefined> => {
  try {
    const raw = await readFile(file);
    return { raw, gzip: COMPRESSIBLE.has(extname(file)) ? gzipSync(raw, { level: 9 }) : undefined };
  } catch {
    return undefined;
  }
};

/**
 * The built web app: hashed assets are immutable, everything else that is not /api is the SPA's
 * index.html, never cached so a new release is picked up at the next navigation.
 */
export const staticAssets = (distDir: string) => {
  const root = resolve(distDir);
  // Hashed assets never change under their name: read and compressed once, then served from memory.
  // Only files that exist are kept, so requests for made-up names cannot grow the cache.
  const assets = new Map<string, Loaded>();
  const serve = async (
    file: string,
    immutable: boolean,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    const cached = immutable ? assets.get(file) : undefined;
    const loaded = cached ?? (await load(file));
    if (loaded === undefined) {
      // An unknown asset name is the SPA's to answer (a route), as long as the app is built.
      if (immutable) return serve(join(root, 'index.html'), false, request, response);
      sendProblem(
        response,
        problem(503, 'console.not_built', 'the web app is not built: run `npm run console:build`'),
      );
      return;
    }
    if (immutable) assets.set(file, loaded);
    response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.setHeader('Vary', 'Accept-Encoding');
    const gzip =
      loaded.gzip !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip) response.setHeader('Content-Encoding', 'gzip');
    response.end(request.method === 'HEAD' ? undefined : gzip ? loaded.gzip : loaded.raw);
  };
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
    const hashed = path.startsWith('/assets/') && file.startsWith(root + '/');
    void serve(hashed ? file : join(root, 'index.html'), hashed, request, response).catch(next);
  };
};
