import fs from 'node:fs';
import path from 'node:path';
import { injectBridge } from './bridge-script';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves a resource's build, with the bridge injected into its HTML; never outside the build folder. */
export function serveResourceFile(root: string, relativePath: string, chromeOrigin: string): { status: number; type: string; body: string | Buffer } {
  const file = path.resolve(root, relativePath === '' ? 'index.html' : relativePath);
  if (relativePath.includes('\0') || !file.startsWith(path.resolve(root) + path.sep)) {
    return { status: 403, type: 'text/plain', body: `outside the resource: ${relativePath}` };
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    const hint = fs.existsSync(path.join(root, 'index.html')) ? '' : ' (the page is not built: run npm start, which builds it)';
    return { status: 404, type: 'text/plain', body: `not found: ${relativePath}${hint}` };
  }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) return { status: 200, type, body: injectBridge(fs.readFileSync(file, 'utf8'), chromeOrigin) };
  return { status: 200, type, body: fs.readFileSync(file) };
}
